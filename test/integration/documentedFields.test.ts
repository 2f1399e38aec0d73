import type { INodeExecutionData } from 'n8n-workflow';

import type { Emulator, ScenarioName } from '../../tools/clova-emulator';
import { pdfWithPages, tiffWithPages } from '../fixtures/pagedFiles';
import {
	binaryItem,
	emulatorPerSuite,
	runClovaNode,
	sampleFile,
	useBinaryMode,
	type RunOptions,
} from './harness';

const SECRET = 'documented-fields-secret-5a1e';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));

async function run(
	scenario: ScenarioName,
	item: INodeExecutionData,
	parameters: RunOptions['parameters'] = {},
) {
	emulator.setScenario(scenario);
	const result = await runClovaNode({
		parameters: { operation: 'recognizeIdCard', ...parameters },
		items: [item],
		credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
	});
	expect(result.error).toBeUndefined();
	return result.items.map(({ json }) => json);
}

const pdfItem = () => binaryItem(pdfWithPages(1), 'card.pdf', 'application/pdf');
const requestIdOf = () => (emulator.requests[0].message as { requestId: string }).requestId;

const VERDICT = "document: CLOVA OCR's validationResult is INVALID";
const INVALID_MESSAGE = 'The ID card did not pass the validity check.';
// The documented example's rois, as a box.
const CARD_BOX = {
	cardX: 2.264223,
	cardY: -5.092327,
	cardWidth: 752.259027,
	cardHeight: 479.499927,
};

describe('a PDF of a card the service calls INVALID', () => {
	test('field items: every new key, exact', async () => {
		const items = await run('ic-invalid', await pdfItem());
		expect(emulator.requests[0].imageFormat).toBe('pdf');
		expect(items).toHaveLength(5);
		expect(items[0]).toEqual({
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
			imageName: 'card.pdf',
			requestId: requestIdOf(),
			uid: expect.stringMatching(/^[0-9a-f]{32}$/),
		});
		expect(items.map((item) => [item.field, item.validationResult, item.needsReview])).toEqual(
			['name', 'personalNum', 'address', 'issueDate', 'authority'].map((f) => [f, 'INVALID', true]),
		);
	});

	test('document item: the same document-level keys and the card box from rois', async () => {
		const [item] = await run('ic-invalid', await pdfItem(), { output: 'document' });
		expect(item).toEqual({
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
			imageName: 'card.pdf',
			requestId: requestIdOf(),
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
});

describe("the service's verdicts", () => {
	test.each([
		['ic-success', 'NO_REQUESTED', null, false, ''],
		['ic-valid', 'VALID', null, false, ''],
		['ic-unchecked', 'UNCHECKED', null, false, ''],
		[
			'ic-validation-error',
			'ERROR',
			'The validity check could not be run.',
			true,
			"document: CLOVA OCR's validationResult is ERROR",
		],
	] as const)('%s: %s', async (scenario, verdict, message, needsReview, warnings) => {
		const [item] = await run(scenario, await binaryItem(sampleFile('jpg'), 'id.jpg'), {
			output: 'document',
		});
		expect(item).toMatchObject({
			validationResult: verdict,
			validationMessage: message,
			needsReview,
			warnings,
			pageIndex: null,
			pageWidth: null,
			pageHeight: null,
		});
	});
});

describe('documented keys the examples print one way only', () => {
	test('a single-page TIFF: convertedImageInfo reaches the items', async () => {
		const items = await run('ic-success', await binaryItem(tiffWithPages(1), 'card.tiff'));
		expect(emulator.requests[0].imageFormat).toBe('tiff');
		expect(
			items.map(({ pageIndex, pageWidth, pageHeight }) => [pageIndex, pageWidth, pageHeight]),
		).toEqual(Array(5).fill([0, 760, 480]));
	});

	test('keyText as sent', async () => {
		const items = await run('ic-key-text', await binaryItem(sampleFile('jpg'), 'id.jpg'));
		expect(items.map(({ field, keyText }) => [field, keyText])).toEqual([
			['name', '성명'],
			['personalNum', '주민등록번호'],
			['address', '주소'],
			['issueDate', '발급일자'],
			['authority', '발급기관'],
		]);
	});

	test('estimatedLanguage en', async () => {
		const [item] = await run('ic-language-en', await binaryItem(sampleFile('jpg'), 'id.jpg'), {
			output: 'document',
		});
		expect(item).toMatchObject({ estimatedLanguage: 'en', name: 'Hong**', needsReview: false });
	});

	test('rois shaped like the result table ({x, y} points): the item succeeds, same card box', async () => {
		const [item] = await run('ic-rois-points', await binaryItem(sampleFile('jpg'), 'id.jpg'), {
			output: 'document',
		});
		expect(item).toMatchObject({ ...CARD_BOX, needsReview: false });
	});

	test('a response without the optional keys: the item succeeds, their keys are null', async () => {
		const items = await run('ic-minimal', await binaryItem(sampleFile('jpg'), 'id.jpg'));
		expect(items[0]).toEqual({
			documentType: 'idCard',
			field: 'name',
			label: 'Name',
			index: 0,
			text: '홍**',
			value: '홍**',
			confidence: null,
			isConfident: null,
			keyText: '',
			validationResult: null,
			validationMessage: null,
			estimatedLanguage: null,
			pageIndex: null,
			pageWidth: null,
			pageHeight: null,
			valid: null,
			warnings: '',
			notes: '',
			needsReview: false,
			x: null,
			y: null,
			width: null,
			height: null,
			imageName: null,
			requestId: null,
			uid: null,
		});
		const [document] = await run('ic-minimal', await binaryItem(sampleFile('jpg'), 'id.jpg'), {
			output: 'document',
		});
		expect(document).toMatchObject({
			idType: null,
			cardX: null,
			cardY: null,
			cardWidth: null,
			cardHeight: null,
			issueDate: '2020-08-16',
			needsReview: false,
		});
	});
});

// In filesystem mode the binary has an id: a stored PDF or TIFF is read whole for its page
// count, while a stored JPEG or PNG streams.
describe.each(['default', 'filesystem'] as const)(
	'single page, checked before sending (%s binary mode)',
	(mode) => {
		beforeAll(async () => await useBinaryMode(mode));
		afterAll(async () => await useBinaryMode('default'));

		test.each([
			['PDF', () => pdfWithPages(2), 'card.pdf'],
			['TIFF', () => tiffWithPages(2), 'card.tiff'],
		] as const)(
			'a two-page %s is refused and nothing reaches the service',
			async (kind, file, name) => {
				const result = await runClovaNode({
					parameters: { operation: 'recognizeIdCard' },
					items: [await binaryItem(file(), name)],
					credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
				});
				const error = result.error as
					| (Error & { description?: string; context?: { itemIndex?: number } })
					| undefined;
				expect([
					error?.name,
					error?.message,
					error?.description,
					error?.context?.itemIndex,
				]).toEqual([
					'NodeOperationError',
					`The ${kind} file has 2 pages`,
					`CLOVA OCR's ID-card and document models read single-page ${kind} files only. Split the file and send one page per item (e.g. the page with the card), or read every page with Text > Read Text.`,
					0,
				]);
				expect(result.items).toEqual([]);
				expect(emulator.requests).toEqual([]);
			},
		);
	},
);
