/** setupFilesAfterEnv of the e2e project: each test starts n8n processes (3-10 s each). */
jest.setTimeout(10 * 60_000);
