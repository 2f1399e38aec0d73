/**
 * Masking fails closed in a real n8n (both lines): registration numbers with OCR noise are
 * masked in `text` and `value` (fields output) and in the document columns. One answer serves
 * every noise case (test/integration/maskingEdits.ts): extra personalNum values and an
 * alienRegNumEtc field; the same cases run in n8n's engine in test/integration/masking.test.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { overlongRegistrationNumbers } from '../../tools/bench/leakCheck';
import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import { clovaCredential, nodeOutput, type RawRun } from '../../tools/n8n/n8n-cli';
import type { N8nContext } from '../../tools/n8n/n8n-context';
import { N8N_PINS } from '../../tools/n8n/versions';
import {
	ALIEN_NUMBER_ETC,
	noisyRegistrationNumberEdits,
	SERVED_NUMBERS,
	SHOWN_PERSONAL_NUMBERS,
} from '../integration/maskingEdits';
import { e2eState, loadWorkflow, runWorkflow, setUpN8n } from './harness';
import { writeScenarioImage } from './sample-files';

const { lines, real } = e2eState();
const SECRET = 'e2e-masking-secret-3c8e';
const TIMEOUT_MS = 5 * 60_000;

const describeReal = real ? describe.each(lines) : describe.skip.each(lines);

describeReal('masking in n8n %s', (line) => {
	const version = N8N_PINS[line].n8n;
	let emulator: Emulator;
	let ctx: N8nContext & { dispose(): void };
	let dir: string;
	const credential = () => clovaCredential(emulator.invokeUrl, SECRET);

	beforeAll(async () => {
		emulator = await startEmulator({ secretKey: SECRET });
		emulator.configure({ documentEdits: noisyRegistrationNumberEdits() });
		ctx = await setUpN8n(line, { packages: [real!], credentials: [credential()] });
		dir = join(ctx.folder.filesDir, 'masking');
		mkdirSync(dir, { recursive: true });
		writeScenarioImage(dir, 'ic-specimen', 'a-card.jpg');
		writeScenarioImage(dir, 'dl-specimen', 'b-license.jpg');
	}, TIMEOUT_MS);

	afterAll(async () => {
		ctx?.dispose();
		await emulator?.close();
	});

	async function recognize(output: 'fields' | 'document'): Promise<RawRun> {
		const c = credential();
		return await runWorkflow(
			ctx,
			loadWorkflow('clova-read-files', {
				WORKFLOW_ID: `e2eMasking${line}${output}`,
				FILE_SELECTOR: `${dir}/*`,
				OPERATION: 'recognizeAnyId',
				OUTPUT: output,
				UPLOAD_MODE: 'multipart',
				ON_ERROR: 'stopWorkflow',
				CREDENTIAL_ID: c.id,
				CREDENTIAL_NAME: c.name,
			}),
		);
	}

	function expectNoFullNumber(run: RawRun): void {
		const text = JSON.stringify(run);
		expect(SERVED_NUMBERS.filter((number) => text.includes(JSON.stringify(number)))).toEqual([]);
		expect(SERVED_NUMBERS.filter((number) => text.includes(number))).toEqual([]);
	}

	it(`fields output: text and value of every noisy number masked (n8n ${version})`, async () => {
		const run = await recognize('fields');
		const items = nodeOutput(run, 'CLOVA OCR');
		for (const documentType of ['idCard', 'driverLicense']) {
			const ofDocument = items.filter((json) => json.documentType === documentType);
			expect(
				ofDocument
					.filter((json) => json.field === 'personalNum')
					.map((json) => [json.index, json.text, json.value]),
			).toEqual(SHOWN_PERSONAL_NUMBERS.map((shown, index) => [index, shown, shown]));
			expect(
				ofDocument
					.filter((json) => json.field === 'alienRegNumEtc')
					.map((json) => [json.text, json.value]),
			).toEqual([[ALIEN_NUMBER_ETC[1], ALIEN_NUMBER_ETC[1]]]);
		}
		expect(overlongRegistrationNumbers(items.map((json) => ({ json })))).toEqual([]);
		expectNoFullNumber(run);
		expect(emulator.requests).toHaveLength(2);
	});

	it(`document output: the columns masked (n8n ${version})`, async () => {
		const run = await recognize('document');
		const items = nodeOutput(run, 'CLOVA OCR');
		// Read files gives the files in the order the file system lists them.
		const rows = items
			.map((json) => [json.documentType, json.personalNum, json.alienRegNumEtc])
			.sort(([a], [b]) => String(a).localeCompare(String(b)));
		expect(rows).toEqual(
			['driverLicense', 'idCard'].map((documentType) => [
				documentType,
				SHOWN_PERSONAL_NUMBERS.join('\n'),
				ALIEN_NUMBER_ETC[1],
			]),
		);
		expect(overlongRegistrationNumbers(items.map((json) => ({ json })))).toEqual([]);
		expectNoFullNumber(run);
	});
});
