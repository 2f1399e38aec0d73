/**
 * Recognize Business Registration in n8n's real engine against the emulator's biz-license
 * domain: every output mode item for item, the certificate's checks, masking of the
 * representatives' resident registration numbers (the corporate number shown whole), the
 * redacted copy of the sample certificate judged by sharp, and which domain gets the request.
 */
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, IDataObject } from 'n8n-workflow';

import type { Emulator, ScenarioName } from '../../tools/clova-emulator';
import { BUSINESS_REGISTRATION_GEOMETRY } from '../../tools/clova-emulator/specimen-geometry';
import { overlongRegistrationNumbers } from '../../tools/bench/leakCheck';
import {
	decode,
	JPEG_BLACK_MAX,
	maskingBox,
	maxChannelIn,
	maxDifferenceOutside,
	metadataFound,
	minChannelIn,
	sampleCard,
	type Box,
} from '../fixtures/redactedPixels';
import {
	binaryItem,
	emulatorPerSuite,
	runClovaNode,
	sampleFile,
	type RunOptions,
	type RunResult,
} from './harness';
import {
	boxOf,
	fixtureElement,
	fixtureImage,
	productPath,
	requestIdOf,
} from './harness/documentFixtures';

const SECRET = 'biz-registration-secret-3c71';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));
afterEach(() => emulator.configure({ documentEdits: [] }));

const BIZ = { resource: 'businessRegistration', operation: 'recognizeBusinessRegistration' };
const UID = /^[0-9a-f]{32}$/;

interface Recognize {
	parameters?: RunOptions['parameters'];
	edits?: Array<[string, string]>;
	invokeUrl?: string;
	file?: Buffer;
	fileName?: string;
	mimeType?: string;
}

async function recognize(scenario: ScenarioName, options: Recognize = {}): Promise<RunResult> {
	emulator.setScenario(scenario);
	if (options.edits) emulator.configure({ documentEdits: options.edits });
	return await runClovaNode({
		parameters: { ...BIZ, ...options.parameters },
		items: [
			await binaryItem(
				options.file ?? sampleFile('jpg'),
				options.fileName ?? 'certificate.jpg',
				options.mimeType,
			),
		],
		credentials: {
			invokeUrl: options.invokeUrl ?? emulator.invokeUrls.businessRegistration,
			secretKey: SECRET,
		},
	});
}

async function itemsOf(scenario: ScenarioName, options: Recognize = {}): Promise<IDataObject[]> {
	const result = await recognize(scenario, options);
	expect(result.error).toBeUndefined();
	expect(emulator.requests).toHaveLength(1);
	return result.items.map(({ json }) => json);
}

/** [field, index, label, text, value, keyText, valid] of one field item. */
type FieldRow = [string, number, string, string, string, string, boolean | null];

const SUCCESS_FIELDS: FieldRow[] = [
	['documentType', 0, 'Document Title', '사 업 자 등 록 증', '사업자등록증', '', null],
	[
		'registerNumber',
		0,
		'Business Registration Number (사업자등록번호)',
		'201-86-12345',
		'201-86-12345',
		'등록번호',
		true,
	],
	[
		'corpRegisterNum',
		0,
		'Corporate Registration Number (법인등록번호)',
		'110111-1234569',
		'110111-1234569',
		'법인등록번호',
		true,
	],
	[
		'corpName',
		0,
		'Corporate Name (법인명)',
		'주식회사 견본소프트',
		'주식회사 견본소프트',
		'법인명(단체명)',
		null,
	],
	['companyName', 0, 'Business Name (상호)', '견본소프트', '견본소프트', '상호', null],
	['repName', 0, 'Representative (대표자)', '홍길동', '홍길동', '대표자', null],
	['coRepName', 0, 'Co-Representative (공동대표)', '성춘향', '성춘향', '공동대표', null],
	[
		'birth',
		0,
		"Representative's Date of Birth",
		'1980년 01월 01일',
		'1980-01-01',
		'생년월일',
		true,
	],
	[
		'socialNumber',
		0,
		"Representative's Resident Registration Number",
		'800101-1******',
		'800101-1******',
		'주민등록번호',
		true,
	],
	[
		'coRepSocialNum',
		0,
		"Co-Representative's Resident Registration Number",
		'850315-2******',
		'850315-2******',
		'주민등록번호',
		true,
	],
	[
		'openDate',
		0,
		'Opening Date (개업연월일)',
		'2015 년 03 월 02 일',
		'2015-03-02',
		'개업연월일',
		true,
	],
	[
		'bisAddress',
		0,
		'Place of Business (사업장 소재지)',
		'서울특별시 중구 견본로 12, 3층 (견본동)',
		'서울특별시 중구 견본로 12, 3층 (견본동)',
		'사업장 소재지',
		null,
	],
	[
		'headAddress',
		0,
		'Head Office Address (본점 소재지)',
		'서울특별시 종로구 견본길 34, 5층',
		'서울특별시 종로구 견본길 34, 5층',
		'본점 소재지',
		null,
	],
	['bisType', 0, 'Business Type (업태)', '서비스업', '서비스업', '업태', null],
	['bisType', 1, 'Business Type (업태)', '도매 및 소매업', '도매 및 소매업', '', null],
	[
		'bisItem',
		0,
		'Business Item (종목)',
		'응용 소프트웨어 개발 및 공급업',
		'응용 소프트웨어 개발 및 공급업',
		'종목',
		null,
	],
	['bisItem', 1, 'Business Item (종목)', '전자상거래 소매업', '전자상거래 소매업', '', null],
	['bisArea', 0, 'Business Area', '중부세무서장', '중부세무서장', '', null],
	['taxType', 0, 'Tax Type', '(법인사업자)', '법인사업자', '', null],
	['issuanceDate', 0, 'Issue Date', '2024 년 05 월 20 일', '2024-05-20', '', true],
	['issuanceReason', 0, 'Reason for Issue', '재발급', '재발급', '발급사유', null],
];

const INDIVIDUAL_FIELDS: FieldRow[] = [
	['documentType', 0, 'Document Title', '사 업 자 등 록 증', '사업자등록증', '', null],
	[
		'registerNumber',
		0,
		'Business Registration Number (사업자등록번호)',
		'101-22-34561',
		'101-22-34561',
		'등록번호',
		true,
	],
	['companyName', 0, 'Business Name (상호)', '견본상회', '견본상회', '상호', null],
	['repName', 0, 'Representative (대표자)', '김영희', '김영희', '성명', null],
	[
		'birth',
		0,
		"Representative's Date of Birth",
		'1985 년 03 월 15 일',
		'1985-03-15',
		'생년월일',
		true,
	],
	[
		'socialNumber',
		0,
		"Representative's Resident Registration Number",
		'850315-2******',
		'850315-2******',
		'주민등록번호',
		true,
	],
	[
		'openDate',
		0,
		'Opening Date (개업연월일)',
		'2019 년 07 월 01 일',
		'2019-07-01',
		'개업연월일',
		true,
	],
	[
		'bisAddress',
		0,
		'Place of Business (사업장 소재지)',
		'부산광역시 해운대구 견본로 78, 1층',
		'부산광역시 해운대구 견본로 78, 1층',
		'사업장 소재지',
		null,
	],
	['bisType', 0, 'Business Type (업태)', '음식점업', '음식점업', '업태', null],
	['bisItem', 0, 'Business Item (종목)', '커피전문점', '커피전문점', '종목', null],
	['bisArea', 0, 'Business Area', '해운대세무서장', '해운대세무서장', '', null],
	['taxType', 0, 'Tax Type', '(일반과세자)', '일반과세자', '', null],
	['issuanceDate', 0, 'Issue Date', '2019 년 07 월 05 일', '2019-07-05', '', true],
];

/** The columns every item of one answer shares (no checks, no polygons). */
function sourceColumns(items: IDataObject[]) {
	return {
		validationResult: 'NO_REQUESTED',
		validationMessage: null,
		estimatedLanguage: 'ko',
		pageIndex: null,
		pageWidth: null,
		pageHeight: null,
		imageName: 'certificate.jpg',
		requestId: requestIdOf(emulator),
		uid: items[0].uid,
	};
}

/** The field items of a fixture served as is: confidence and box from the served element. */
function expectedFieldItems(fixture: string, rows: FieldRow[], items: IDataObject[]) {
	return rows.map(([field, index, label, text, value, keyText, valid]) => {
		const element = fixtureElement(fixture, 'bizLicense', field, index);
		return {
			documentType: 'businessRegistration',
			field,
			label,
			index,
			text,
			value,
			confidence: element.confidenceScore,
			isConfident: null,
			keyText,
			...sourceColumns(items),
			valid,
			warnings: '',
			notes: '',
			needsReview: false,
			...boxOf(element),
		};
	});
}

/** The document item of a fixture: the columns from the field rows, values joined by line breaks. */
function expectedDocumentItem(rows: FieldRow[], items: IDataObject[], extra: IDataObject = {}) {
	const columns: IDataObject = {};
	for (const [field, , , , value] of rows) {
		const column = field === 'documentType' ? 'field_documentType' : field;
		columns[column] = column in columns ? `${columns[column] as string}\n${value}` : value;
	}
	return {
		documentType: 'businessRegistration',
		idType: null,
		isConfident: null,
		cardX: null,
		cardY: null,
		cardWidth: null,
		cardHeight: null,
		...sourceColumns(items),
		valid: true,
		warnings: '',
		notes: '',
		needsReview: false,
		...columns,
		...extra,
	};
}

describe('fields output: one item per field, labelled, values normalized', () => {
	test('biz-success (a corporation): every field item exactly', async () => {
		const items = await itemsOf('biz-success');
		expect(items[0].uid).toMatch(UID);
		expect(items).toEqual(expectedFieldItems('biz-success', SUCCESS_FIELDS, items));
	});

	test('biz-individual: no corporate keys, and no item for the empty co-representative arrays', async () => {
		const items = await itemsOf('biz-individual');
		expect(items).toEqual(expectedFieldItems('biz-individual', INDIVIDUAL_FIELDS, items));
	});

	test('numbers read without hyphens get them in value: NNN-NN-NNNNN and NNNNNN-NNNNNNN', async () => {
		const items = await itemsOf('biz-success', {
			edits: [
				['"201-86-12345"', '"2018612345"'],
				['"110111-1234569"', '"1101111234569"'],
			],
		});
		const numbers = items
			.filter(({ field }) => field === 'registerNumber' || field === 'corpRegisterNum')
			.map(({ field, text, value, valid, warnings }) => [field, text, value, valid, warnings]);
		expect(numbers).toEqual([
			['registerNumber', '2018612345', '201-86-12345', true, ''],
			// A company's number: shown whole even without its hyphen (13 digits in a row).
			['corpRegisterNum', '1101111234569', '110111-1234569', true, ''],
		]);
	});
});

describe('document output: a column per field', () => {
	test("biz-success: the title's field documentType becomes field_documentType", async () => {
		const [item, ...rest] = await itemsOf('biz-success', { parameters: { output: 'document' } });
		expect(rest).toEqual([]);
		expect(item).toEqual(expectedDocumentItem(SUCCESS_FIELDS, [item]));
		expect(item.documentType).toBe('businessRegistration');
		expect(item.field_documentType).toBe('사업자등록증');
		// Columns in the order the service sent the fields, after the node's own.
		expect(Object.keys(item).slice(-19)).toEqual([
			'field_documentType',
			'registerNumber',
			'corpRegisterNum',
			'corpName',
			'companyName',
			'repName',
			'coRepName',
			'birth',
			'socialNumber',
			'coRepSocialNum',
			'openDate',
			'bisAddress',
			'headAddress',
			'bisType',
			'bisItem',
			'bisArea',
			'taxType',
			'issuanceDate',
			'issuanceReason',
		]);
	});

	test('biz-individual: the empty co-representative arrays are null columns, absent keys no column', async () => {
		const [item] = await itemsOf('biz-individual', { parameters: { output: 'document' } });
		expect(item).toEqual(
			expectedDocumentItem(INDIVIDUAL_FIELDS, [item], { coRepName: null, coRepSocialNum: null }),
		);
		for (const absent of ['corpRegisterNum', 'corpName', 'headAddress', 'issuanceReason'])
			expect(item).not.toHaveProperty(absent);
	});
});

describe('raw output', () => {
	test('images[0] exactly as served, the numbers unmasked', async () => {
		const [item, ...rest] = await itemsOf('biz-success', { parameters: { output: 'raw' } });
		expect(rest).toEqual([]);
		expect(item).toEqual({
			...fixtureImage('biz-success'),
			uid: expect.stringMatching(UID),
			name: 'certificate.jpg',
		});
		expect(JSON.stringify(item)).toContain('"800101-1234560"');
	});
});

describe("the certificate's checks", () => {
	test.each(['biz-success', 'biz-individual'] as const)(
		'%s: valid, no warnings or notes, no review',
		async (scenario) => {
			const [item] = await itemsOf(scenario, { parameters: { output: 'document' } });
			expect([item.valid, item.warnings, item.notes, item.needsReview]).toEqual([
				true,
				'',
				'',
				false,
			]);
		},
	);

	const WRONG_CHECK_DIGIT: Array<[string, string]> = [['"201-86-12345"', '"201-86-12346"']];
	const WARNING = 'registerNumber: check digit does not match';

	test('a wrong check digit: the document invalid, one warning naming the field, not the number', async () => {
		const [item] = await itemsOf('biz-success', {
			parameters: { output: 'document' },
			edits: WRONG_CHECK_DIGIT,
		});
		expect(item).toEqual(
			expectedDocumentItem(SUCCESS_FIELDS, [item], {
				registerNumber: '201-86-12346',
				valid: false,
				warnings: WARNING,
				needsReview: true,
			}),
		);
	});

	test('a wrong check digit, fields output: only the registerNumber item fails', async () => {
		const items = await itemsOf('biz-success', { edits: WRONG_CHECK_DIGIT });
		const expected = expectedFieldItems('biz-success', SUCCESS_FIELDS, items).map((item) =>
			item.field === 'registerNumber'
				? {
						...item,
						text: '201-86-12346',
						value: '201-86-12346',
						valid: false,
						warnings: WARNING,
						needsReview: true,
					}
				: item,
		);
		expect(items).toEqual(expected);
	});

	test('a corporate tax type on an individual number is a note, never a failure', async () => {
		const [item] = await itemsOf('biz-individual', {
			parameters: { output: 'document' },
			edits: [
				['"(일반과세자)"', '"(법인사업자)"'],
				['"일반과세자"', '"법인사업자"'],
			],
		});
		expect([item.taxType, item.valid, item.warnings, item.needsReview]).toEqual([
			'법인사업자',
			true,
			'',
			false,
		]);
		expect(item.notes).toBe(
			"taxType: corporation, but the business registration number's middle code is for an individual",
		);
	});
});

const SOCIAL_NUMBERS = ['socialNumber', 'coRepSocialNum'];

describe("masking: the representatives' numbers, not the company's", () => {
	test('fields output: text and value keep the first 7 digits; corpRegisterNum whole', async () => {
		const items = await itemsOf('biz-success');
		expect(
			items
				.filter(({ field }) => [...SOCIAL_NUMBERS, 'corpRegisterNum'].includes(field as string))
				.map(({ field, text, value }) => [field, text, value]),
		).toEqual([
			['corpRegisterNum', '110111-1234569', '110111-1234569'],
			['socialNumber', '800101-1******', '800101-1******'],
			['coRepSocialNum', '850315-2******', '850315-2******'],
		]);
		expect(overlongRegistrationNumbers(items.map((json) => ({ json })))).toEqual([]);
	});

	test('document output: the columns masked the same; corpRegisterNum whole', async () => {
		const result = await recognize('biz-success', { parameters: { output: 'document' } });
		const [{ json }] = result.items;
		expect([json.socialNumber, json.coRepSocialNum, json.corpRegisterNum]).toEqual([
			'800101-1******',
			'850315-2******',
			'110111-1234569',
		]);
		// The back digits appear nowhere in the execution's data.
		const run = JSON.stringify(result.run);
		expect(['1234560', '2345678'].filter((back) => run.includes(back))).toEqual([]);
	});

	test('numbers read without their hyphen are masked after 7 digits too', async () => {
		const items = await itemsOf('biz-success', {
			edits: [
				['"800101-1234560"', '"8001011234560"'],
				['"850315-2345678"', '"850315 2345678"'],
			],
		});
		expect(
			items
				.filter(({ field }) => SOCIAL_NUMBERS.includes(field as string))
				.map(({ text, value, valid }) => [text, value, valid]),
		).toEqual([
			['8001011******', '8001011******', true],
			['850315 2******', '850315 2******', true],
		]);
		expect(overlongRegistrationNumbers(items.map((json) => ({ json })))).toEqual([]);
	});

	test('Reveal Sensitive Values shows them whole, fields and document output', async () => {
		const reveal = { revealSensitiveValues: true };
		const fields = await itemsOf('biz-success', { parameters: { options: reveal } });
		expect(
			fields
				.filter(({ field }) => SOCIAL_NUMBERS.includes(field as string))
				.map(({ text, value }) => [text, value]),
		).toEqual([
			['800101-1234560', '800101-1234560'],
			['850315-2345678', '850315-2345678'],
		]);
		emulator.reset();
		const [document] = await itemsOf('biz-success', {
			parameters: { output: 'document', options: reveal },
		});
		expect(document).toEqual(
			expectedDocumentItem(SUCCESS_FIELDS, [document], {
				socialNumber: '800101-1234560',
				coRepSocialNum: '850315-2345678',
			}),
		);
	});
});

describe('redacted copy of the sample certificate (biz-specimen)', () => {
	const bytesOf = async (binary: IBinaryData) =>
		await Container.get(BinaryDataService).getAsBuffer(binary);

	/** The box of a polygon as [x0, y0, x1, y1]. */
	function polygonBox(polygon: { vertices: Array<{ x: number; y: number }> }): Box {
		const xs = polygon.vertices.map((v) => v.x);
		const ys = polygon.vertices.map((v) => v.y);
		return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
	}

	const GEOMETRY = BUSINESS_REGISTRATION_GEOMETRY;
	const MASKED_BOXES = SOCIAL_NUMBERS.map((field) => maskingBox(GEOMETRY[field].masked!));

	test.each([
		['business-registration.jpg', 'image/jpeg', JPEG_BLACK_MAX],
		['business-registration.png', 'image/png', 0],
	] as const)(
		'%s: applied, black under the masking polygons, the rest untouched',
		async (sample, mimeType, blackMax) => {
			const original = sampleCard(sample);
			const extension = sample.split('.')[1];
			const result = await recognize('biz-specimen', {
				parameters: { options: { redactedImage: true, includePolygons: true } },
				file: original,
				fileName: `certificate.${extension}`,
				mimeType,
			});
			expect(result.error).toBeUndefined();
			expect(emulator.requests.map(({ scenario }) => scenario)).toEqual(['biz-specimen']);
			const items = result.items;
			expect(items.map(({ json }) => json.redaction)).toEqual(items.map(() => 'applied'));
			const copy = items[0].binary!.redacted;
			for (const { binary } of items) expect(binary).toEqual({ redacted: copy });
			expect(copy).toMatchObject({
				fileName: `certificate-redacted.${extension}`,
				mimeType,
			});

			// The polygons the service sent for the numbers' back digits: the specimen's own ink.
			const polygons = items
				.filter(({ json }) => SOCIAL_NUMBERS.includes(json.field as string))
				.map(({ json }) => (json.maskingPolys as Array<{ vertices: [] }>).map(polygonBox));
			expect(polygons).toEqual(MASKED_BOXES.map((box) => [box]));
			// Nothing else on the certificate has a masking polygon.
			expect(
				items
					.filter(({ json }) => (json.maskingPolys as unknown[]).length > 0)
					.map(({ json }) => json.field),
			).toEqual(SOCIAL_NUMBERS);

			const [after, before] = await Promise.all([decode(await bytesOf(copy)), decode(original)]);
			expect([after.width, after.height]).toEqual([1240, 1754]);
			// Ink was there, and now every pixel of each box is black.
			expect(MASKED_BOXES.map((box) => minChannelIn(before, box) < 100)).toEqual([true, true]);
			expect(MASKED_BOXES.map((box) => maxChannelIn(after, box) <= blackMax)).toEqual([true, true]);
			// Beyond 32 px of the boxes (margin, JPEG blocks) the copy decodes as the original.
			expect(maxDifferenceOutside(after, before, MASKED_BOXES, 32)).toBe(0);
			// The front digits of each number stay readable.
			for (const field of SOCIAL_NUMBERS) {
				const [x0, y0] = GEOMETRY[field].ink;
				const [maskedX0, , , y1] = GEOMETRY[field].masked!;
				expect(maxChannelIn(after, [x0, y0, maskedX0 - 32, y1])).toBeGreaterThan(200);
				expect(minChannelIn(after, [x0, y0, maskedX0 - 32, y1])).toBeLessThan(100);
			}
			expect(await metadataFound(await bytesOf(copy))).toEqual([]);
		},
	);
});

describe('the endpoint: the biz-license path on the business registration domain', () => {
	test('base URL: POST to /document/biz-license on its own domain', async () => {
		await itemsOf('biz-success');
		const [request] = emulator.requests;
		expect([request.method, request.path, request.product, request.secretOk]).toEqual([
			'POST',
			productPath(emulator, 'businessRegistration'),
			'businessRegistration',
			true,
		]);
		expect(request.path).toBe(
			new URL(emulator.invokeUrls.businessRegistration).pathname + '/document/biz-license',
		);
	});

	test('the full URL ending in /document/biz-license works the same', async () => {
		const items = await itemsOf('biz-success', {
			invokeUrl: `${emulator.invokeUrls.businessRegistration}/document/biz-license`,
		});
		expect(items).toHaveLength(SUCCESS_FIELDS.length);
		expect(emulator.requests[0].path).toBe(productPath(emulator, 'businessRegistration'));
	});

	test("the ID-card domain's base URL: the service's 0001, the description naming the product", async () => {
		const result = await recognize('biz-success', { invokeUrl: emulator.invokeUrls.idCard });
		expect(result.items).toEqual([]);
		const error = result.error as unknown as Record<string, unknown>;
		expect({
			name: error.name,
			message: error.message,
			description: error.description,
			httpCode: error.httpCode,
			itemIndex: (error.context as { itemIndex?: number }).itemIndex,
		}).toEqual({
			name: 'NodeApiError',
			message: 'The Invoke URL is invalid (CLOVA OCR error 0001, HTTP 400)',
			description:
				'Check the Invoke URL in the CLOVA OCR API credential: copy it from the NAVER Cloud console (CLOVA OCR > your domain > API Gateway integration). This operation reads a business registration certificate: use the Invoke URL of your business registration certificate domain.',
			httpCode: '400',
			itemIndex: 0,
		});
		expect(
			emulator.requests.map(({ path, status, errorCode }) => [path, status, errorCode]),
		).toEqual([
			[`${new URL(emulator.invokeUrls.idCard).pathname}/document/biz-license`, 400, '0001'],
		]);
	});

	test('a full URL ending in /document/id-card fails before sending, naming the ID card domain', async () => {
		const result = await recognize('biz-success', {
			invokeUrl: `${emulator.invokeUrls.idCard}/document/id-card`,
		});
		expect(result.items).toEqual([]);
		const error = result.error as unknown as Record<string, unknown>;
		expect({
			name: error.name,
			message: error.message,
			description: error.description,
			itemIndex: (error.context as { itemIndex?: number }).itemIndex,
		}).toEqual({
			name: 'NodeOperationError',
			message:
				'The Invoke URL belongs to an ID card domain (it ends in /document/id-card), but this operation reads a business registration certificate',
			description:
				'One CLOVA OCR domain serves one product. Use a credential with the Invoke URL of your business registration certificate domain (its base URL, or the full URL ending in /document/biz-license), or choose the operation that reads an ID card.',
			itemIndex: 0,
		});
		expect(emulator.requests).toEqual([]);
	});
});
