/** jest globalSetup of the e2e project: provide n8n, build and pack the packages. */
import { prepareE2e } from './harness';

export default async function globalSetup(): Promise<void> {
	await prepareE2e();
}
