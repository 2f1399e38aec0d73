/**
 * The demo `npm start` serves: its workflow, with the committed sample cards, in a real n8n.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { clovaCredential, nodeOutput, type WorkflowInput } from '../../tools/n8n/n8n-cli';
import type { N8nContext } from '../../tools/n8n/n8n-context';
import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import { e2eState, runWorkflow, setUpN8n } from './harness';

const { lines, real } = e2eState();
const SECRET = 'e2e-demo-secret-77e2';
const TIMEOUT_MS = 5 * 60_000;
const REPO = join(__dirname, '../..');

const describeReal = real ? describe.each(lines) : describe.skip.each(lines);

function demoWorkflow(
	samplesGlob: string,
	credential: { id: string; name: string },
): WorkflowInput {
	const text = readFileSync(join(REPO, 'tools/start/demo-workflow.json'), 'utf8')
		.replace('{{SAMPLES_GLOB}}', samplesGlob)
		.replace('{{CREDENTIAL_ID}}', credential.id)
		.replace('{{CREDENTIAL_NAME}}', credential.name);
	return JSON.parse(text) as WorkflowInput;
}

describeReal('the npm start demo on n8n %s', (line) => {
	let emulator: Emulator;
	let ctx: N8nContext & { dispose(): void };

	beforeAll(async () => {
		emulator = await startEmulator({ secretKey: SECRET });
		ctx = await setUpN8n(line, {
			packages: [real!],
			credentials: [clovaCredential(emulator.invokeUrl, SECRET)],
		});
	}, TIMEOUT_MS);

	afterAll(async () => {
		ctx?.dispose();
		await emulator?.close();
	});

	it(
		'reads every sample card: fields on the main output, the unreadable one on the error output',
		async () => {
			const dir = join(ctx.folder.filesDir, 'samples');
			cpSync(join(REPO, 'samples'), dir, {
				recursive: true,
				filter: (path) => !path.endsWith('.md'),
			});
			const run = await runWorkflow(
				ctx,
				demoWorkflow(`${dir}/*`, clovaCredential(emulator.invokeUrl, SECRET)),
			);

			const fields = nodeOutput(run, 'CLOVA OCR', 0);
			const perImage = new Map<string, string[]>();
			for (const item of fields) {
				const image = String(item.imageName);
				perImage.set(image, [...(perImage.get(image) ?? []), String(item.field)]);
			}
			const extensions = ['jpg', 'pdf', 'png', 'tiff'];
			expect([...perImage.keys()].sort()).toEqual([
				...extensions.map((ext) => `driver-license.${ext}`),
				...extensions.map((ext) => `resident-card.${ext}`),
			]);
			for (const ext of extensions) {
				expect(perImage.get(`resident-card.${ext}`)).toEqual([
					'name',
					'personalNum',
					'address',
					'issueDate',
					'authority',
				]);
				expect(perImage.get(`driver-license.${ext}`)).toHaveLength(12);
			}
			const personalNums = fields
				.filter((item) => item.field === 'personalNum')
				.map((item) => [item.text, item.valid]);
			expect(personalNums).toEqual(Array(8).fill(['800101-1******', true]));
			expect(JSON.stringify(run)).not.toContain('800101-1234560');

			// n8n puts the failed input item's own json (the file's metadata) beside the error.
			expect(nodeOutput(run, 'CLOVA OCR', 1)).toEqual([
				expect.objectContaining({
					error: 'CLOVA OCR could not read the image: Read page:0 error.',
					fileName: 'unreadable.jpg',
				}),
			]);
			expect(emulator.requests.map((request) => request.scenarioSource)).toEqual(
				Array(9).fill('file-marker'),
			);
		},
		TIMEOUT_MS,
	);
});
