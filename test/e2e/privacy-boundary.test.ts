/**
 * The privacy boundary in a real n8n, both lines (issue 17). One workflow sends one image per
 * place a registration number can reach the node (test/fixtures/boundaryCases.ts) to a
 * scripted stand-in of CLOVA OCR on 127.0.0.1, through three CLOVA OCR nodes: fields output
 * with polygons and the redacted copy, document output with the redacted copy, and document
 * output with Reveal Sensitive Values set to the text "false" by an expression. A second run
 * stops at a failing item, so n8n stores the node's error with the execution. A third sends
 * the sample card to the emulator with the number's masking polygon taken away (and then every
 * polygon), writes the redacted copy to disk and opens it with sharp.
 *
 * Every string n8n printed for the runs, the stored errors and the file names are judged by the
 * independent oracle (test/fixtures/leakOracle.ts); the rest is asserted exactly.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import {
	clovaCredential,
	N8nExecutionError,
	nodeItems,
	type OutputItem,
	type RawRun,
	type WorkflowInput,
} from '../../tools/n8n/n8n-cli';
import type { N8nContext } from '../../tools/n8n/n8n-context';
import { N8N_PINS } from '../../tools/n8n/versions';
import {
	BOUNDARY_ANSWERS,
	caseName,
	NUMBER,
	PLACES,
	REVIEW_ANSWERS,
	REVIEW_EXPECTED,
} from '../fixtures/boundaryCases';
import { leakedWindow, stringsOf } from '../fixtures/leakOracle';
import type { Place } from '../fixtures/privacyAttacks';
import {
	decode,
	JPEG_BLACK_MAX,
	maxChannelIn,
	RESIDENT_CARD_MASKED,
	SAMPLES,
} from '../fixtures/redactedPixels';
import { startScriptedClova } from '../fixtures/scriptedClova';
import { polygonsEdit } from '../integration/polygonEdits';
import { e2eState, loadWorkflow, runWorkflow, setUpN8n } from './harness';

const { lines, real } = e2eState();
const SECRET = 'e2e-privacy-secret-4a1f';
const TIMEOUT_MS = 5 * 60_000;
const PNG = readFileSync(join(SAMPLES, 'resident-card.png')).toString('base64');

const describeReal = real ? describe.each(lines) : describe.skip.each(lines);

const NODES = ['Fields', 'Document', 'Reveal "false"'] as const;
type NodeName = (typeof NODES)[number] | 'Review';

function clovaNode(
	name: string,
	index: number,
	parameters: Record<string, unknown>,
	credential: { id: string; name: string },
	onError: string,
) {
	return {
		id: `b2000000-0000-4000-8000-00000000001${index}`,
		name,
		type: 'n8n-nodes-clova-ocr.clovaOcr',
		typeVersion: 1,
		position: [440, index * 200],
		onError,
		parameters: {
			operation: 'recognizeAnyId',
			imageSource: 'base64',
			imageBase64: '={{ $json.b64 }}',
			imageName: '={{ $json.name }}',
			...parameters,
		},
		credentials: { clovaOcrApi: credential },
	};
}

/** Code node → the CLOVA OCR nodes, one item per place. */
function placesWorkflow(
	id: string,
	names: readonly string[],
	credential: { id: string; name: string },
	nodes: readonly NodeName[],
	onError: string,
): WorkflowInput {
	const items = names.map((name) => ({ json: { b64: PNG, name, reveal: 'false' } }));
	const parameters: Record<NodeName, Record<string, unknown>> = {
		Fields: { output: 'fields', options: { includePolygons: true, redactedImage: true } },
		Document: { output: 'document', options: { redactedImage: true } },
		'Reveal "false"': {
			output: 'document',
			options: { revealSensitiveValues: '={{ $json.reveal }}' },
		},
		Review: { output: 'document', options: {} },
	};
	return {
		id,
		name: `e2e: privacy boundary (${id})`,
		nodes: [
			{
				id: 'b2000000-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'b2000000-0000-4000-8000-000000000002',
				name: 'Images',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: `return ${JSON.stringify(items)};` },
			},
			...nodes.map((name, index) => clovaNode(name, index, parameters[name], credential, onError)),
		],
		connections: {
			Start: { main: [[{ node: 'Images', type: 'main', index: 0 }]] },
			Images: { main: [nodes.map((node) => ({ node, type: 'main', index: 0 }))] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The strings that hold 4 digits of positions 8–13. */
function leaksIn(strings: string[]): string[] {
	return strings.filter((text) => leakedWindow(text, NUMBER.back) !== null);
}

/**
 * What the node emitted: every string of its items' json, and the names of their files (n8n
 * gives a stored file a random id, and on 1.x carries its bytes in `data` as base64: neither is
 * the node's text).
 */
function emittedStrings(items: OutputItem[]): string[] {
	return items.flatMap((item) => [
		...stringsOf(item.json),
		...Object.values(item.binary ?? {}).map((file) =>
			String((file as { fileName?: unknown }).fileName),
		),
	]);
}

const ofPlace = (items: OutputItem[], place: Place) =>
	items.filter((item) => (item.pairedItem as { item: number }).item === PLACES.indexOf(place));

describeReal('the privacy boundary in n8n %s', (line) => {
	const version = N8N_PINS[line].n8n;
	let clova: Awaited<ReturnType<typeof startScriptedClova>>;
	let emulator: Emulator;
	let ctx: N8nContext & { dispose(): void };
	const scripted = () =>
		clovaCredential(clova.invokeUrl, SECRET, 'clovaE2ePrivacy01', 'CLOVA OCR scripted');
	const emulated = () =>
		clovaCredential(emulator.invokeUrl, SECRET, 'clovaE2ePrivacy02', 'CLOVA OCR emulator');

	beforeAll(async () => {
		clova = await startScriptedClova({ ...BOUNDARY_ANSWERS, ...REVIEW_ANSWERS });
		emulator = await startEmulator({ secretKey: SECRET });
		ctx = await setUpN8n(line, { packages: [real!], credentials: [scripted(), emulated()] });
	}, TIMEOUT_MS);

	afterAll(async () => {
		ctx?.dispose();
		await clova?.close();
		await emulator?.close();
	});

	it(
		`every place, three output setups: no string n8n keeps holds the number's back (n8n ${version})`,
		async () => {
			const run = await runWorkflow(
				ctx,
				placesWorkflow(
					`e2ePrivacy${line}01`,
					PLACES.map(caseName),
					scripted(),
					NODES,
					'continueRegularOutput',
				),
			);
			const [fields, document, revealFalse] = NODES.map((node) => nodeItems(run, node));
			expect(leaksIn(emittedStrings([...fields, ...document, ...revealFalse]))).toEqual([]);
			expect(run.data.resultData.error).toBeUndefined();
			expect(document).toHaveLength(PLACES.length);
			expect(revealFalse).toHaveLength(PLACES.length);

			const personalNums = (place: Place) =>
				ofPlace(fields, place)
					.filter((item) => item.json.field === 'personalNum')
					.map((item) => [item.json.text, item.json.value]);
			expect(personalNums('registrationSplitValues')).toEqual([
				['900101-', '900101-'],
				['1******', '1******'],
			]);
			expect(personalNums('registrationSplitReadings')).toEqual([['******-', '*******']]);
			expect(personalNums('registrationText')).toEqual([['******-1******', '******-1******']]);
			expect(personalNums('passportBackHalf')).toEqual([['*******', '*******']]);

			const imageName = ofPlace(fields, 'imageName')[0];
			expect([
				imageName.json.imageName,
				(imageName.binary?.redacted as { fileName?: string }).fileName,
			]).toEqual([
				'홍길동_900101-1******.jpg',
				'case-imageName_홍길동_900101-1******-redacted.png',
			]);

			const column = (items: OutputItem[], place: Place, key: string) =>
				ofPlace(items, place)[0].json[key];
			for (const items of [document, revealFalse]) {
				expect(column(items, 'registrationSplitValues', 'personalNum')).toBe('900101-\n1******');
				expect(column(items, 'otherFieldSplitValues', 'address')).toBe('주소 900101\n-1******');
				expect(column(items, 'labelledBackHalf', 'name')).toBe('주민등록번호 １******');
				expect(column(items, 'validationMessage', 'validationMessage')).toBe('******-*******');
				expect(column(items, 'idtype', 'idType')).toBeNull();
				expect(column(items, 'inferMessage', 'error')).toBe(
					'CLOVA OCR could not read the image: Read page:0 error. ******-*******',
				);
				expect(column(items, 'errorBody', 'error')).toBe(
					'CLOVA OCR refused the request (an undocumented CLOVA OCR error code, HTTP 400)',
				);
			}
		},
		TIMEOUT_MS,
	);

	it(
		`a stopped run: the error n8n stores names no content (n8n ${version})`,
		async () => {
			let failure: unknown;
			try {
				await runWorkflow(
					ctx,
					placesWorkflow(
						`e2ePrivacy${line}02`,
						[caseName('inferMessage')],
						scripted(),
						['Fields'],
						'stopWorkflow',
					),
				);
			} catch (error) {
				failure = error;
			}
			expect(failure).toBeInstanceOf(N8nExecutionError);
			const { run, stdout, stderr } = failure as N8nExecutionError;
			const error = (run as RawRun).data.resultData.error as Record<string, unknown>;
			expect([error.message, error.description]).toEqual([
				'CLOVA OCR could not read the image: Read page:0 error. ******-*******',
				'The service answered inferResult FAILURE. Use a sharp, well-lit photo of the whole document, or a scan of at least 300 dpi, with nothing covering it.',
			]);
			expect(leaksIn(stringsOf(run))).toEqual([]);
			// n8n prints the run, the Code node's input image (base64, not text) included.
			expect(leaksIn([stdout.split(PNG).join(''), stderr])).toEqual([]);
		},
		TIMEOUT_MS,
	);

	it(
		`review: a missing key field, a field that is not an array, a passport back half that disagrees (n8n ${version})`,
		async () => {
			const names = Object.keys(REVIEW_ANSWERS).map((key) => `case-${key}.png`);
			const run = await runWorkflow(
				ctx,
				placesWorkflow(
					`e2ePrivacy${line}05`,
					names,
					scripted(),
					['Review'],
					'continueRegularOutput',
				),
			);
			expect(
				nodeItems(run, 'Review').map(
					({ json }) =>
						json.error ?? [json.personalNum, json.valid, json.warnings, json.needsReview],
				),
			).toEqual(REVIEW_EXPECTED);
		},
		TIMEOUT_MS,
	);

	it(
		`the redacted copy without a masking polygon hides the back from the bounding box, and without any polygon is not made (n8n ${version})`,
		async () => {
			const cards = join(ctx.folder.filesDir, 'privacy-cards');
			mkdirSync(cards, { recursive: true });
			copyFileSync(join(SAMPLES, 'resident-card.jpg'), join(cards, 'resident-card.jpg'));
			const c = emulated();
			/** Read files → CLOVA OCR → Write copy; without a copy the write node fails, after CLOVA OCR ran. */
			const redact = async (id: string, edits: Array<[string, string]>) => {
				const out = join(ctx.folder.filesDir, `privacy-out-${id}`);
				mkdirSync(out, { recursive: true });
				emulator.configure({ documentEdits: edits });
				const workflow = loadWorkflow('clova-redacted-copy', {
					WORKFLOW_ID: `e2ePrivacy${line}${id}`,
					FILE_SELECTOR: `${cards}/*`,
					OUTPUT: 'document',
					OUT_DIR: out,
					CREDENTIAL_ID: c.id,
					CREDENTIAL_NAME: c.name,
				});
				try {
					return { items: nodeItems(await runWorkflow(ctx, workflow), 'CLOVA OCR'), out };
				} catch (error) {
					if (!(error instanceof N8nExecutionError) || error.run === null) throw error;
					return { items: nodeItems(error.run, 'CLOVA OCR'), out, failed: error.message };
				}
			};

			const noMasking = await redact('03', [
				polygonsEdit('ic-specimen', 'personalNum', 'maskingPolys'),
			]);
			expect(noMasking.items.map((item) => item.json.redaction)).toEqual(['applied']);
			const [written] = readdirSync(noMasking.out);
			const image = await decode(readFileSync(join(noMasking.out, written)));
			expect(RESIDENT_CARD_MASKED.map((box) => maxChannelIn(image, box) <= JPEG_BLACK_MAX)).toEqual(
				RESIDENT_CARD_MASKED.map(() => true),
			);

			const noPolygon = await redact('04', [
				polygonsEdit('ic-specimen', 'personalNum', 'maskingPolys'),
				polygonsEdit('ic-specimen', 'personalNum', 'boundingPolys'),
			]);
			expect(
				noPolygon.items.map((item) => [
					item.json.redaction,
					item.json.needsReview,
					Object.keys(item.binary ?? {}),
				]),
			).toEqual([['unsupported', true, []]]);
			expect(String(noPolygon.items[0].json.warnings)).toContain(
				'redaction: no redacted copy, no polygon inside the image to black out personalNum',
			);
			expect(readdirSync(noPolygon.out)).toEqual([]);
			expect(noPolygon.failed).toMatch(/Write copy/);
			emulator.configure({ documentEdits: [] });
		},
		TIMEOUT_MS,
	);
});
