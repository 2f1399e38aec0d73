/**
 * Read Template (Template OCR) in n8n's real engine against the emulator's Template domain, over
 * real HTTP: fields, document and raw output of the sample form (samples/form.png) item for item,
 * each expected item derived from the emulator's fixture (template-form.synthetic.json) by this
 * file; Template IDs in the request; the service's refusals (1021, no template matched); the
 * registration number written in two boxes, masked as one number; the redacted copy judged by
 * sharp.
 */
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, IDataObject } from 'n8n-workflow';

import {
	DEFAULT_RUNTIME_OPTIONS,
	FORM_TEMPLATE,
	type Emulator,
	type ScenarioName,
} from '../../tools/clova-emulator';
import { pdfOfPngPages } from '../../tools/samples/pdf-pages';
import {
	decode,
	JPEG_BLACK_MAX,
	maxChannelIn,
	maxDifferenceIn,
	metadataFound,
	minChannelIn,
	sampleCard,
} from '../fixtures/redactedPixels';
import {
	binaryItem,
	emulatorPerSuite,
	runClovaNode,
	type RunOptions,
	type RunResult,
} from './harness';
import { productPath, requestIdOf } from './harness/documentFixtures';
import {
	polygonBox,
	polygonCorners,
	templateFixtureImage,
	type FixtureTemplateField,
} from './harness/pageFixtures';
import { maxDifferenceBeyond } from './harness/pagePixels';

const SECRET = 'template-ocr-secret-2b84';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));
afterEach(() =>
	emulator.configure({
		documentEdits: [],
		templates: DEFAULT_RUNTIME_OPTIONS.templates,
		templateNotMatched: DEFAULT_RUNTIME_OPTIONS.templateNotMatched,
	}),
);

const READ_TEMPLATE = { resource: 'template', operation: 'readTemplate' };
const UID = /^[0-9a-f]{32}$/;
const FORM_PNG = sampleCard('form.png');
const FORM_JPG = sampleCard('form.jpg');
const FORM = templateFixtureImage();

const FRONT_HALF = '900101';
const BACK_HALF = '1234567';
const PERIOD = '2024.07.01 ~ 2024.07.03';

/**
 * What the node shows of the fields' texts when not revealed. The boundary reads all the form's
 * fields together, in order: the two boxes read as 900101-1234567, masked after its 7th digit.
 * The date in the next box follows the back half with nothing but a line break between, so its
 * first four digits continue the run and are masked with it (README, Templates: "A run of digits
 * right after such a number (a date in the next box) can be masked with it: the boundary fails
 * closed").
 */
const MASKED: Record<string, string> = {
	[BACK_HALF]: '1******',
	[PERIOD]: '****.07.01 ~ 2024.07.03',
};

interface Input {
	file: Buffer;
	fileName: string;
	mimeType: string;
}

const PNG_INPUT: Input = { file: FORM_PNG, fileName: 'form.png', mimeType: 'image/png' };

interface ReadTemplate {
	parameters?: RunOptions['parameters'];
	input?: Input;
	scenario?: ScenarioName;
}

async function readTemplate(options: ReadTemplate = {}): Promise<RunResult> {
	const { file, fileName, mimeType } = options.input ?? PNG_INPUT;
	if (options.scenario) emulator.setScenario(options.scenario);
	return await runClovaNode({
		parameters: { ...READ_TEMPLATE, ...options.parameters },
		items: [await binaryItem(file, fileName, mimeType)],
		credentials: { invokeUrl: emulator.invokeUrls.template, secretKey: SECRET },
	});
}

async function itemsOf(options: ReadTemplate = {}): Promise<IDataObject[]> {
	const result = await readTemplate(options);
	expect(result.error).toBeUndefined();
	expect(emulator.requests.map(({ path, status }) => [path, status])).toEqual([
		[productPath(emulator, 'template'), 200],
	]);
	return result.items.map(({ json }) => json);
}

function sentImages(n = 0): unknown {
	return (emulator.requests[n].message as { images: unknown }).images;
}

// ---- expected items, derived from the fixture ----

/** The form's fields in output order: each field, then its sub-fields as `<field>.<name>`. */
function flattened(fields: FixtureTemplateField[], parent: string | null = null) {
	const out: Array<[string, FixtureTemplateField]> = [];
	fields.forEach((field, position) => {
		const own = field.name?.trim() ? field.name : `field${position}`;
		const name = parent === null ? own : `${parent}.${own}`;
		out.push([name, field]);
		if (field.subFields) out.push(...flattened(field.subFields, name));
	});
	return out;
}

const FIELDS = flattened(FORM.fields);

const shown = (text: string, reveal: boolean) => (reveal ? text : (MASKED[text] ?? text));

/** The columns an item takes from the image it came from. */
function sourceOf(items: IDataObject[], imageName = 'form.png') {
	expect(items[0].uid).toMatch(UID);
	return { imageName, requestId: requestIdOf(emulator), uid: items[0].uid };
}

const IMAGE_FACTS = {
	validationResult: 'NO_REQUESTED',
	validationMessage: null,
	estimatedLanguage: null,
	pageIndex: null,
	pageWidth: null,
	pageHeight: null,
};

/** A page of a PDF: its index and the converted page's size, on every item of the page. */
interface PageFacts {
	pageIndex: number;
	pageWidth: number;
	pageHeight: number;
}

interface Expected {
	reveal?: boolean;
	templateName?: string;
	imageName?: string;
	page?: PageFacts;
}

function expectedFieldItems(
	items: IDataObject[],
	{
		reveal = false,
		templateName = FORM_TEMPLATE.name,
		imageName = 'form.png',
		page,
	}: Expected = {},
) {
	const source = sourceOf(items, imageName);
	return FIELDS.map(([name, field]) => ({
		documentType: 'template',
		field: name,
		label: name,
		index: 0,
		text: shown(field.inferText, reveal),
		value: shown(field.inferText, reveal),
		confidence: field.inferConfidence,
		isConfident: null,
		keyText: '',
		checked: field.checked ?? null,
		templateId: FORM_TEMPLATE.id,
		templateName,
		...IMAGE_FACTS,
		...page,
		valid: null,
		warnings: '',
		notes: '',
		needsReview: false,
		...polygonBox(field.boundingPoly),
		...source,
	}));
}

function expectedDocumentItem(
	items: IDataObject[],
	{ reveal = false, imageName = 'form.png', page }: Expected = {},
) {
	return {
		documentType: 'template',
		idType: null,
		isConfident: null,
		templateId: FORM_TEMPLATE.id,
		templateName: FORM_TEMPLATE.name,
		...IMAGE_FACTS,
		...page,
		cardX: null,
		cardY: null,
		cardWidth: null,
		cardHeight: null,
		...sourceOf(items, imageName),
		valid: null,
		warnings: '',
		notes: '',
		needsReview: false,
		...Object.fromEntries(
			FIELDS.map(([name, field]) => [name, field.checked ?? shown(field.inferText, reveal)]),
		),
	};
}

const FIELD_NAMES = [
	'성명',
	'부서',
	'주민등록번호 앞자리',
	'주민등록번호 뒷자리',
	'출장 기간',
	'출장 기간.field0',
	'출장 기간.field1',
	'출장 기간.field2',
	'출장지',
	'숙박 필요',
	'법인카드 사용',
];

describe('form.png (template-success): every output item for item', () => {
	test('the fixture this file reads: 8 fields, 3 unnamed sub-fields, two checkboxes, the number in two boxes', () => {
		expect(FORM.fields).toHaveLength(8);
		expect(FIELDS.map(([name]) => name)).toEqual(FIELD_NAMES);
		expect(FIELDS.map(([, field]) => field.checked)).toEqual([
			...new Array(9).fill(undefined),
			true,
			false,
		]);
		expect(FIELDS.slice(2, 5).map(([, field]) => field.inferText)).toEqual([
			FRONT_HALF,
			BACK_HALF,
			PERIOD,
		]);
	});

	test('fields (default): one item per field and sub-field, checked, templateId 390 and its name', async () => {
		const items = await itemsOf();
		expect(items).toEqual(expectedFieldItems(items));
		expect(items.map(({ field, text, checked }) => [field, text, checked])).toEqual([
			['성명', '홍길동', null],
			['부서', '개발팀', null],
			['주민등록번호 앞자리', '900101', null],
			['주민등록번호 뒷자리', '1******', null],
			['출장 기간', '****.07.01 ~ 2024.07.03', null],
			['출장 기간.field0', '2024.07.01', null],
			['출장 기간.field1', '~', null],
			['출장 기간.field2', '2024.07.03', null],
			['출장지', '부산광역시 해운대구', null],
			['숙박 필요', '', true],
			['법인카드 사용', '', false],
		]);
		expect(Object.keys(items[0])).toEqual([
			'documentType',
			'field',
			'label',
			'index',
			'text',
			'value',
			'confidence',
			'isConfident',
			'keyText',
			'checked',
			'templateId',
			'templateName',
			'validationResult',
			'validationMessage',
			'estimatedLanguage',
			'pageIndex',
			'pageWidth',
			'pageHeight',
			'valid',
			'warnings',
			'notes',
			'needsReview',
			'x',
			'y',
			'width',
			'height',
			'imageName',
			'requestId',
			'uid',
		]);
	});

	test('document: one item, a column per field in order, checkboxes true/false', async () => {
		const [item, ...rest] = await itemsOf({ parameters: { output: 'document' } });
		expect(rest).toEqual([]);
		expect(item).toEqual(expectedDocumentItem([item]));
		expect(Object.keys(item).slice(-FIELD_NAMES.length)).toEqual(FIELD_NAMES);
		expect([item['숙박 필요'], item['법인카드 사용'], item.templateId, item.templateName]).toEqual([
			true,
			false,
			390,
			'출장 신청서',
		]);
	});

	test('raw: the image as served, matchedTemplate included, unmasked', async () => {
		const [item, ...rest] = await itemsOf({ parameters: { output: 'raw' } });
		expect(rest).toEqual([]);
		expect(item).toEqual({ ...FORM, uid: expect.stringMatching(UID), name: 'form.png' });
		expect(Object.keys(item)).toEqual([
			'uid',
			'name',
			'inferResult',
			'message',
			'matchedTemplate',
			'title',
			'fields',
			'validationResult',
		]);
		expect(JSON.stringify(item)).toContain(`"inferText":"${BACK_HALF}"`);
	});

	test("templateName is the deployed template's name (the emulator's templates knob)", async () => {
		emulator.configure({ templates: [{ id: 390, name: 'Travel Request' }] });
		const items = await itemsOf();
		expect(items).toEqual(expectedFieldItems(items, { templateName: 'Travel Request' }));
	});

	test('form.jpg: the same fields', async () => {
		const items = await itemsOf({
			input: { file: FORM_JPG, fileName: 'form.jpg', mimeType: 'image/jpeg' },
		});
		expect(items).toEqual(expectedFieldItems(items, { imageName: 'form.jpg' }));
		expect(emulator.requests[0]).toMatchObject({
			imageFormat: 'jpg',
			scenario: 'template-success',
			scenarioSource: 'file-marker',
		});
	});
});

describe('a two-page PDF of the form: every page read', () => {
	const pdf = pdfOfPngPages([FORM_PNG, FORM_PNG], {
		marker: 'CLOVA-EMULATOR:scenario=template-success',
		title: 'Synthetic specimen form, 2 pages (SPECIMEN, no real form)',
		pageWidthPt: 595.28,
		pageHeightPt: 420.94,
	});
	const input: Input = { file: pdf, fileName: 'form.pdf', mimeType: 'application/pdf' };
	const pageFacts = (pageIndex: number): PageFacts => ({
		pageIndex,
		pageWidth: 1240,
		pageHeight: 874,
	});

	test('fields: the items of page 0, then of page 1, each with its page; no back digit on either', async () => {
		const items = await itemsOf({ input });
		expect(emulator.requests[0]).toMatchObject({ imageFormat: 'pdf', pageCount: 2 });
		expect(sentImages()).toEqual([{ format: 'pdf', name: 'form.pdf' }]);
		const pages = [items.slice(0, FIELDS.length), items.slice(FIELDS.length)];
		expect(pages[1]).toHaveLength(FIELDS.length);
		expect(pages[0][0].uid).not.toBe(pages[1][0].uid);
		expect(pages[0]).toEqual(
			expectedFieldItems(pages[0], { imageName: 'form.pdf', page: pageFacts(0) }),
		);
		// Each page is a document of its own: a field's values are read together page by page.
		expect(pages[1]).toEqual(
			expectedFieldItems(pages[1], { imageName: 'form.pdf', page: pageFacts(1) }),
		);
		expect(JSON.stringify(items)).not.toContain('234567');
	});

	test('document: one item per page, each with its page', async () => {
		const items = await itemsOf({ input, parameters: { output: 'document' } });
		expect(items).toHaveLength(2);
		expect(items[0].uid).not.toBe(items[1].uid);
		expect(
			items.map((item, pageIndex) =>
				expectedDocumentItem([item], {
					imageName: 'form.pdf',
					page: pageFacts(pageIndex),
				}),
			),
		).toEqual(items);
	});
});

describe('the registration number in two boxes (900101 | 1234567)', () => {
	test('masked as one number in fields and document output: no digit past the 7th', async () => {
		const fields = await itemsOf();
		const byName = Object.fromEntries(fields.map((item) => [item.field, item]));
		expect([byName['주민등록번호 앞자리'].text, byName['주민등록번호 뒷자리'].text]).toEqual([
			FRONT_HALF,
			'1******',
		]);
		expect([byName['주민등록번호 앞자리'].value, byName['주민등록번호 뒷자리'].value]).toEqual([
			FRONT_HALF,
			'1******',
		]);
		expect(JSON.stringify(fields)).not.toContain('234567');
		emulator.reset();
		const [document] = await itemsOf({ parameters: { output: 'document' } });
		expect([document['주민등록번호 앞자리'], document['주민등록번호 뒷자리']]).toEqual([
			FRONT_HALF,
			'1******',
		]);
		expect(JSON.stringify(document)).not.toContain('234567');
	});

	test('Reveal Sensitive Values shows both halves, and the date, whole', async () => {
		const fields = await itemsOf({ parameters: { options: { revealSensitiveValues: true } } });
		expect(fields).toEqual(expectedFieldItems(fields, { reveal: true }));
		emulator.reset();
		const [document] = await itemsOf({
			parameters: { output: 'document', options: { revealSensitiveValues: true } },
		});
		expect(document).toEqual(expectedDocumentItem([document], { reveal: true }));
		expect([document['주민등록번호 뒷자리'], document['출장 기간']]).toEqual([BACK_HALF, PERIOD]);
	});
});

describe('the request', () => {
	test('POST /infer on the Template domain; no Template IDs: images[0] without templateIds', async () => {
		await itemsOf({ parameters: { options: { templateIds: '' } } });
		expect(emulator.requests[0]).toMatchObject({
			method: 'POST',
			product: 'template',
			uploadMode: 'multipart',
			imageFormat: 'png',
			imageName: 'form.png',
			pageCount: 1,
			scenario: 'template-success',
		});
		const message = emulator.requests[0].message as Record<string, unknown>;
		expect(Object.keys(message)).toEqual(['version', 'requestId', 'timestamp', 'images']);
		expect(sentImages()).toEqual([{ format: 'png', name: 'form.png' }]);
	});

	test('Template IDs 390 is images[0].templateIds [390]; Languages is lang', async () => {
		const items = await itemsOf({
			parameters: { options: { templateIds: '390', languages: ['ko'] } },
		});
		expect(items).toEqual(expectedFieldItems(items));
		const message = emulator.requests[0].message as Record<string, unknown>;
		expect(message.lang).toBe('ko');
		expect(message).not.toHaveProperty('enableTableDetection');
		expect(sentImages()).toEqual([{ format: 'png', name: 'form.png', templateIds: [390] }]);
	});

	test('Template IDs "390, 7, 390" with both deployed: [390, 7], and the form matches 390', async () => {
		emulator.configure({ templates: [FORM_TEMPLATE, { id: 7, name: 'Invoice' }] });
		const items = await itemsOf({ parameters: { options: { templateIds: ' 390, 7, 390 ' } } });
		expect(items).toEqual(expectedFieldItems(items));
		expect(sentImages()).toEqual([{ format: 'png', name: 'form.png', templateIds: [390, 7] }]);
	});
});

/** The error that stopped the node: name, message, description and item. */
function failure(result: RunResult) {
	const error = result.error as
		| (Error & { description?: string; context?: { itemIndex?: number } })
		| undefined;
	expect(result.items).toEqual([]);
	return {
		name: error?.name,
		message: error?.message,
		description: error?.description,
		itemIndex: error?.context?.itemIndex,
	};
}

const NO_MATCH_DESCRIPTION =
	'CLOVA OCR compared the image with the templates deployed in the domain (or those in Template IDs) and none fits. Check that the right file reached this node, that Template IDs lists the template made for this form (or is empty), and that the template is deployed (NAVER Cloud console > CLOVA OCR > Domain > your domain > Template Builder).';

describe('refusals', () => {
	test('an ID that is not deployed: the 1021 message', async () => {
		const result = await readTemplate({ parameters: { options: { templateIds: '391' } } });
		expect(failure(result)).toEqual({
			name: 'NodeApiError',
			message:
				'CLOVA OCR found no deployed template: check Template IDs (CLOVA OCR error 1021, HTTP 500)',
			description:
				'Check Template IDs: the template must be deployed in the domain of the Invoke URL (NAVER Cloud console > CLOVA OCR > Domain > your domain > Template Builder), and each ID listed must be one of its deployed templates. Leave Template IDs empty to match the image against every deployed template.',
			itemIndex: 0,
		});
		expect(sentImages()).toEqual([{ format: 'png', name: 'form.png', templateIds: [391] }]);
		expect(emulator.requests.map(({ status, errorCode }) => [status, errorCode])).toEqual([
			[500, '1021'],
		]);
	});

	test('template-not-matched (HTTP 200, inferResult FAILURE): the no-match message', async () => {
		const result = await readTemplate({ scenario: 'template-not-matched' });
		expect(failure(result)).toEqual({
			name: 'NodeApiError',
			message: 'No deployed template matched the image: check Template IDs or deploy the template',
			description: NO_MATCH_DESCRIPTION,
			itemIndex: 0,
		});
		expect(emulator.requests.map(({ status }) => status)).toEqual([200]);
	});

	test('template-not-matched-error (500 / 0501): the no-match message, sent once (not retried)', async () => {
		const result = await readTemplate({ scenario: 'template-not-matched-error' });
		expect(failure(result)).toEqual({
			name: 'NodeApiError',
			message:
				'No deployed template matched the image: check Template IDs or deploy the template (CLOVA OCR error 0501, HTTP 500)',
			description: NO_MATCH_DESCRIPTION,
			itemIndex: 0,
		});
		expect(emulator.requests.map(({ status, errorCode }) => [status, errorCode])).toEqual([
			[500, '0501'],
		]);
	});

	test('Template IDs naming another deployed template only: the form matches none', async () => {
		emulator.configure({ templates: [FORM_TEMPLATE, { id: 7, name: 'Invoice' }] });
		const result = await readTemplate({ parameters: { options: { templateIds: '7' } } });
		expect(failure(result)).toMatchObject({
			message: 'No deployed template matched the image: check Template IDs or deploy the template',
			description: NO_MATCH_DESCRIPTION,
		});
		expect(emulator.requests[0].scenario).toBe('template-not-matched');
	});

	test('template 390 not deployed, unmatched images answered as errors: the no-match message', async () => {
		emulator.configure({ templates: [{ id: 7, name: 'Invoice' }], templateNotMatched: 'error' });
		const result = await readTemplate();
		expect(failure(result).message).toBe(
			'No deployed template matched the image: check Template IDs or deploy the template (CLOVA OCR error 0501, HTTP 500)',
		);
		expect(emulator.requests).toHaveLength(1);
	});

	test('Template IDs abc fails the item naming the option, before anything is sent', async () => {
		const result = await readTemplate({ parameters: { options: { templateIds: 'abc' } } });
		expect(failure(result)).toEqual({
			name: 'NodeOperationError',
			message: 'Template IDs must be whole numbers separated by commas',
			description:
				'Enter the IDs of templates deployed in the domain (CLOVA OCR console > Template > ID), e.g. 390, 391, or leave it empty to match every deployed template.',
			itemIndex: 0,
		});
		expect(emulator.requests).toEqual([]);
	});

	test('Languages fr fails the item naming the option, before anything is sent', async () => {
		const result = await readTemplate({ parameters: { options: { languages: ['fr'] } } });
		expect(failure(result)).toEqual({
			name: 'NodeOperationError',
			message: 'Languages must be among: ko, ja, zh-TW, en',
			description: 'Choose the languages from the list, or make the expression give them.',
			itemIndex: 0,
		});
		expect(emulator.requests).toEqual([]);
	});
});

const bytesOf = async (binary: IBinaryData) =>
	await Container.get(BinaryDataService).getAsBuffer(binary);

/** The boxes of the fields whose text the node masked: the back half and the date after it. */
const fieldBox = (name: string) =>
	polygonCorners(FIELDS.find(([field]) => field === name)![1].boundingPoly);
const MASKED_BOXES = [fieldBox('주민등록번호 뒷자리'), fieldBox('출장 기간')];
const FRONT_BOX = fieldBox('주민등록번호 앞자리');

describe('Add Redacted Image', () => {
	test('form.png, fields output: applied, one copy; the masked boxes black, the rest exact', async () => {
		const result = await readTemplate({ parameters: { options: { redactedImage: true } } });
		expect(result.error).toBeUndefined();
		const items = result.items.map(({ json }) => json);
		expect(items).toEqual(
			expectedFieldItems(items).map((item) => ({ ...item, redaction: 'applied' })),
		);
		expect(result.items.map(({ binary }) => Object.keys(binary ?? {}))).toEqual(
			items.map(() => ['redacted']),
		);
		const copy = result.items[0].binary!.redacted;
		for (const { binary } of result.items) expect(binary!.redacted).toBe(copy);
		expect(copy).toMatchObject({ fileName: 'form-redacted.png', mimeType: 'image/png' });

		const bytes = await bytesOf(copy);
		const [after, before] = await Promise.all([decode(bytes), decode(FORM_PNG)]);
		expect([after.width, after.height]).toEqual([1240, 874]);
		// The fixture's boxes sit on the form's ink: the numbers were written there.
		expect(MASKED_BOXES.map((box) => minChannelIn(before, box) < 128)).toEqual([true, true]);
		expect(minChannelIn(before, FRONT_BOX)).toBeLessThan(128);
		expect(MASKED_BOXES.map((box) => maxChannelIn(after, box))).toEqual([0, 0]);
		expect(maxDifferenceIn(after, before, FRONT_BOX)).toBe(0);
		// Only the masked boxes, grown by their 2 px margin, changed (4 px leaves room for rounding).
		expect(maxDifferenceBeyond(after, before, MASKED_BOXES, 4)).toBe(0);
		expect(maxDifferenceBeyond(after, before, [], 0)).toBeGreaterThan(128);
		expect(await metadataFound(FORM_PNG)).toContain('marker');
		expect(await metadataFound(bytes)).toEqual([]);
	});

	test('form.jpg, document output: applied, the masked boxes black, the rest as decoded', async () => {
		const result = await readTemplate({
			input: { file: FORM_JPG, fileName: 'form.jpg', mimeType: 'image/jpeg' },
			parameters: { output: 'document', options: { redactedImage: true } },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const [{ json, binary }] = result.items;
		expect(json).toEqual({
			...expectedDocumentItem([json], { imageName: 'form.jpg' }),
			redaction: 'applied',
		});
		expect(binary!.redacted).toMatchObject({
			fileName: 'form-redacted.jpg',
			mimeType: 'image/jpeg',
		});
		const bytes = await bytesOf(binary!.redacted);
		const [after, before] = await Promise.all([decode(bytes), decode(FORM_JPG)]);
		expect([after.width, after.height]).toEqual([1240, 874]);
		expect(MASKED_BOXES.map((box) => maxChannelIn(after, box) <= JPEG_BLACK_MAX)).toEqual([
			true,
			true,
		]);
		// JPEG: blocks are blacked out whole (16 px MCUs) and chroma upsampling crosses their
		// edges; beyond 32 px every pixel decodes as the original's.
		expect(maxDifferenceBeyond(after, before, MASKED_BOXES, 32)).toBe(0);
		expect(await metadataFound(bytes)).toEqual([]);
	});

	test('raw output ignores the option: no redaction key, no binary', async () => {
		const result = await readTemplate({
			parameters: { output: 'raw', options: { redactedImage: true } },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].binary).toBeUndefined();
		expect(result.items[0].json).not.toHaveProperty('redaction');
	});
});
