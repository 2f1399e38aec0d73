/**
 * The documented response keys in a real n8n: a PDF of a card the service calls INVALID
 * (with `convertedImageInfo`), table-shaped `rois`, and multi-page files refused before any
 * request leaves n8n.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { clovaCredential, nodeOutput, type RawRun } from '../../tools/n8n/n8n-cli';
import type { N8nContext } from '../../tools/n8n/n8n-context';
import { N8N_PINS } from '../../tools/n8n/versions';
import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import { pdfWithPages, tiffWithPages } from '../fixtures/pagedFiles';
import { e2eState, loadWorkflow, runWorkflow, setUpN8n } from './harness';
import { writeScenarioImage } from './sample-files';

const { lines, real } = e2eState();
const SECRET = 'e2e-documented-fields-3c9a';
const TIMEOUT_MS = 5 * 60_000;

const describeReal = real ? describe.each(lines) : describe.skip.each(lines);

const VERDICT = "document: CLOVA OCR's validationResult is INVALID";
const INVALID_MESSAGE = 'The ID card did not pass the validity check.';
const CARD_BOX = {
	cardX: 2.264223,
	cardY: -5.092327,
	cardWidth: 752.259027,
	cardHeight: 479.499927,
};

describeReal('documented fields on n8n %s', (line) => {
	const version = N8N_PINS[line].n8n;
	let emulator: Emulator;
	let ctx: N8nContext & { dispose(): void };
	let workflowCount = 0;
	const credential = () => clovaCredential(emulator.invokeUrl, SECRET);

	beforeAll(async () => {
		emulator = await startEmulator({ secretKey: SECRET });
		ctx = await setUpN8n(line, { packages: [real!], credentials: [credential()] });
	}, TIMEOUT_MS);

	afterAll(async () => {
		ctx?.dispose();
		await emulator?.close();
	});

	beforeEach(() => emulator.reset());

	function inputDir(name: string): string {
		const dir = join(ctx.folder.filesDir, name);
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		return dir;
	}

	function run(dir: string, output: string, onError = 'stopWorkflow'): Promise<RawRun> {
		workflowCount += 1;
		const c = credential();
		return runWorkflow(
			ctx,
			loadWorkflow('clova-read-files', {
				WORKFLOW_ID: `e2eDocFields${line}${String(workflowCount).padStart(3, '0')}`,
				FILE_SELECTOR: `${dir}/*`,
				OPERATION: 'recognizeIdCard',
				OUTPUT: output,
				UPLOAD_MODE: 'multipart',
				ON_ERROR: onError,
				CREDENTIAL_ID: c.id,
				CREDENTIAL_NAME: c.name,
			}),
		);
	}

	it(`a PDF of an INVALID card: every new key on field and document items (n8n ${version})`, async () => {
		const dir = inputDir('invalid-pdf');
		const name = '[scenario=ic-invalid] card.pdf';
		writeFileSync(join(dir, name), pdfWithPages(1));

		const fields = nodeOutput(await run(dir, 'fields'), 'CLOVA OCR');
		const requestId = (emulator.requests[0].message as { requestId: string }).requestId;
		expect(emulator.requests[0].imageFormat).toBe('pdf');
		expect(fields).toHaveLength(5);
		expect(fields[0]).toEqual({
			documentType: 'idCard',
			field: 'name',
			label: 'Name',
			index: 0,
			text: '홍**',
			value: '홍**',
			confidence: 0,
			isConfident: true,
			keyText: '',
			validationResult: 'INVALID',
			validationMessage: INVALID_MESSAGE,
			estimatedLanguage: 'ko',
			pageIndex: 0,
			pageWidth: 760,
			pageHeight: 480,
			valid: null,
			warnings: VERDICT,
			notes: '',
			needsReview: true,
			x: 72.2125,
			y: 116.6,
			width: 295.475,
			height: 49.025000000000006,
			imageName: name,
			requestId,
			uid: expect.stringMatching(/^[0-9a-f]{32}$/),
		});

		const [document] = nodeOutput(await run(dir, 'document'), 'CLOVA OCR');
		expect(document).toEqual({
			documentType: 'idCard',
			idType: 'ID Card',
			isConfident: true,
			validationResult: 'INVALID',
			validationMessage: INVALID_MESSAGE,
			estimatedLanguage: 'ko',
			pageIndex: 0,
			pageWidth: 760,
			pageHeight: 480,
			...CARD_BOX,
			imageName: name,
			requestId: (emulator.requests[1].message as { requestId: string }).requestId,
			uid: expect.stringMatching(/^[0-9a-f]{32}$/),
			valid: null,
			warnings: VERDICT,
			notes: '',
			needsReview: true,
			name: '홍**',
			personalNum: '800***-2******',
			address: '서울특별시 ***',
			issueDate: '2020-08-16',
			authority: '서울특별시 **구청장',
		});
	});

	it(`rois shaped like the result table: the item succeeds (n8n ${version})`, async () => {
		const dir = inputDir('rois-points');
		writeScenarioImage(dir, 'ic-rois-points', 'card.jpg');
		const items = nodeOutput(await run(dir, 'document'), 'CLOVA OCR');
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			...CARD_BOX,
			validationResult: 'NO_REQUESTED',
			pageIndex: null,
			needsReview: false,
		});
	});

	it(`a two-page PDF and a two-page TIFF are refused before any request (n8n ${version})`, async () => {
		const dir = inputDir('two-pages');
		writeFileSync(join(dir, 'two.pdf'), pdfWithPages(2));
		writeFileSync(join(dir, 'two.tiff'), tiffWithPages(2));
		const run_ = await run(dir, 'fields', 'continueErrorOutput');
		expect(nodeOutput(run_, 'CLOVA OCR', 0)).toEqual([]);
		const failed = nodeOutput(run_, 'CLOVA OCR', 1);
		expect(failed.map((json) => String(json.error)).sort()).toEqual([
			'The PDF file has 2 pages',
			'The TIFF file has 2 pages',
		]);
		expect(emulator.requests).toEqual([]);
		expect(emulator.stats).toMatchObject({ total: 0 });
	});
});
