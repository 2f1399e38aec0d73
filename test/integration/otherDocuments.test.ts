/**
 * Recognize Other Document in n8n's real engine against the emulator, one domain per model:
 * every element flattened to a field named by its path, fields and document output item for
 * item, receipts' totals, card numbers masked but their last four, unknown keys, a missing
 * result, raw output.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Emulator, ScenarioName } from '../../tools/clova-emulator';
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

const SECRET = 'other-documents-secret-8e14';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));
afterEach(() => emulator.configure({ documentEdits: [] }));

type Model = 'receipt' | 'creditCard' | 'nameCard' | 'passport';
const UID = /^[0-9a-f]{32}$/;

const FIXTURES: Record<Model, string> = {
	receipt: 'receipt-success',
	creditCard: 'credit-card-success',
	nameCard: 'name-card-success',
	passport: 'passport-success',
};

interface Recognize {
	parameters?: RunOptions['parameters'];
	edits?: Array<[string, string]>;
	invokeUrl?: string;
}

async function recognize(
	model: Model,
	scenario: ScenarioName,
	options: Recognize = {},
): Promise<RunResult> {
	emulator.setScenario(scenario);
	if (options.edits) emulator.configure({ documentEdits: options.edits });
	return await runClovaNode({
		parameters: {
			resource: 'document',
			operation: 'recognizeDocument',
			documentModel: model,
			...options.parameters,
		},
		items: [await binaryItem(sampleFile('jpg'), 'scan.jpg')],
		credentials: { invokeUrl: options.invokeUrl ?? emulator.invokeUrls[model], secretKey: SECRET },
	});
}

async function itemsOf(
	model: Model,
	scenario: ScenarioName = FIXTURES[model] as ScenarioName,
	options: Recognize = {},
): Promise<IDataObject[]> {
	const result = await recognize(model, scenario, options);
	expect(result.error).toBeUndefined();
	expect(emulator.requests.map(({ path }) => path)).toEqual([productPath(emulator, model)]);
	return result.items.map(({ json }) => json);
}

/** [field, index, label, text, value, keyText] of one field item. */
type FieldRow = [string, number, string, string, string, string];

function sourceColumns(items: IDataObject[], estimatedLanguage = 'ko') {
	return {
		validationResult: 'NO_REQUESTED',
		validationMessage: null,
		estimatedLanguage,
		pageIndex: null,
		pageWidth: null,
		pageHeight: null,
		imageName: 'scan.jpg',
		requestId: requestIdOf(emulator),
		uid: items[0].uid,
	};
}

/** A field item of a served element: no checks on these models, so valid null and no review. */
function fieldItem(
	model: Model,
	[field, index, label, text, value, keyText]: FieldRow,
	items: IDataObject[],
	estimatedLanguage = 'ko',
	fixture = FIXTURES[model],
) {
	const element = fixtureElement(fixture, model, field, index);
	return {
		documentType: model,
		field,
		label,
		index,
		text,
		value,
		confidence: element.confidenceScore,
		isConfident: null,
		keyText,
		...sourceColumns(items, estimatedLanguage),
		valid: null,
		warnings: '',
		notes: '',
		needsReview: false,
		...boxOf(element),
	};
}

function documentItem(
	model: Model,
	items: IDataObject[],
	columns: IDataObject,
	estimatedLanguage = 'ko',
) {
	return {
		documentType: model,
		idType: null,
		isConfident: null,
		cardX: null,
		cardY: null,
		cardWidth: null,
		cardHeight: null,
		...sourceColumns(items, estimatedLanguage),
		valid: null,
		warnings: '',
		notes: '',
		needsReview: false,
		...columns,
	};
}

const RECEIPT_FIELDS: FieldRow[] = [
	['storeInfo.name', 0, 'Store Info.name', 'emart everyday', 'emart everyday', ''],
	['storeInfo.subName', 0, 'Store Info.sub Name', '종로점', '종로점', ''],
	['storeInfo.bizNum', 0, 'Store Info.biz Num', '212-81-25544', '2128125544', '사업자번호'],
	[
		'storeInfo.addresses',
		0,
		'Store Info.addresses',
		'서울특별시 종로구 견본로 56',
		'서울특별시 종로구 견본로 56',
		'',
	],
	['storeInfo.tel', 0, 'Store Info.tel', '(031)786-1171', '0317861171', 'TEL'],
	['paymentInfo.date', 0, 'Payment Info.date', '2020-04-16', '2020-04-16', ''],
	['paymentInfo.time', 0, 'Payment Info.time', '15:28:43', '15:28:43', ''],
	[
		'paymentInfo.cardInfo.company',
		0,
		'Payment Info.card Info.company',
		'국민카드',
		'국민카드',
		'카드사',
	],
	// Served as 9410-61**-****-123*: every position but the last four is masked, 61 included.
	[
		'paymentInfo.cardInfo.number',
		0,
		'Payment Info.card Info.number',
		'****-****-****-123*',
		'****-****-****-123*',
		'카드번호',
	],
	['paymentInfo.confirmNum', 0, 'Payment Info.confirm Num', '30012345', '30012345', '승인번호'],
	...(
		[
			['서울우유 1000ml', '1', '2,980', '2980', '2,980', '2980'],
			['신라면 5입', '2', '7,900', '7900', '3,950', '3950'],
			['바나나', '1', '4,480', '4480', '4,480', '4480'],
			['생수 2L*6', '1', '3,990', '3990', '3,990', '3990'],
		] as const
	).flatMap(([name, count, price, priceValue, unitPrice, unitPriceValue], i): FieldRow[] => {
		const path = `subResults[0].items[${i}]`;
		const label = `Sub Results[0].items[${i}]`;
		return [
			[`${path}.name`, 0, `${label}.name`, name, name, ''],
			// 13 digits in a row read as a registration number: the content rule masks any such run.
			[`${path}.code`, 0, `${label}.code`, '8800000******', '8800000******', ''],
			[`${path}.count`, 0, `${label}.count`, count, count, ''],
			[`${path}.price.price`, 0, `${label}.price.price`, price, priceValue, ''],
			[`${path}.price.unitPrice`, 0, `${label}.price.unit Price`, unitPrice, unitPriceValue, ''],
		];
	}),
	['subTotal[0].taxPrice', 0, 'Sub Total[0].tax Price', '1,759', '1759', '부가세'],
	['subTotal[0].discountPrice', 0, 'Sub Total[0].discount Price', '0', '0', '할인'],
	['subTotal[0].subTotalPrice', 0, 'Sub Total[0].sub Total Price', '19,350', '19350', '소계'],
	['totalPrice.price', 0, 'Total Price.price', '19,350', '19350', '합계'],
	['totalPrice.creditCardPrice', 0, 'Total Price.credit Card Price', '19,350', '19350', '카드결제'],
];

/** The receipt's document columns: every field's value by path. */
function receiptColumns(rows: FieldRow[] = RECEIPT_FIELDS): IDataObject {
	return Object.fromEntries(rows.map(([field, , , , value]) => [field, value]));
}

describe('receipt', () => {
	test('fields output: one item per element, named by its path, exactly', async () => {
		const items = await itemsOf('receipt');
		expect(items[0].uid).toMatch(UID);
		expect(items).toEqual(RECEIPT_FIELDS.map((row) => fieldItem('receipt', row, items)));
	});

	test('document output: a column per path, total and itemsTotal as numbers', async () => {
		const [item, ...rest] = await itemsOf('receipt', 'receipt-success', {
			parameters: { output: 'document' },
		});
		expect(rest).toEqual([]);
		expect(item).toEqual(
			documentItem('receipt', [item], { total: 19350, itemsTotal: 19350, ...receiptColumns() }),
		);
		expect(Object.keys(item).slice(-RECEIPT_FIELDS.length)).toEqual(
			RECEIPT_FIELDS.map(([field]) => field),
		);
	});

	test('receipt-mismatch: the items add up to 19,050, the total says 19,350: a note, no review', async () => {
		const [item] = await itemsOf('receipt', 'receipt-mismatch', {
			parameters: { output: 'document' },
		});
		const rows = RECEIPT_FIELDS.map(
			(row): FieldRow =>
				row[0] === 'subResults[0].items[1].price.price'
					? ([...row.slice(0, 3), '7,600', '7600', ''] as FieldRow)
					: row,
		);
		expect(item).toEqual(
			documentItem('receipt', [item], {
				total: 19350,
				itemsTotal: 19050,
				notes:
					'totalPrice: the items add up to a different amount than the total (discounts or taxes may explain it)',
				...receiptColumns(rows),
			}),
		);
	});

	test('a whole card number on a receipt is masked but its last four; Reveal shows it', async () => {
		const edits: Array<[string, string]> = [['"9410-61**-****-123*"', '"9410-6112-3456-1234"']];
		const masked = await itemsOf('receipt', 'receipt-success', { edits });
		const number = (items: IDataObject[]) =>
			items
				.filter(({ field }) => field === 'paymentInfo.cardInfo.number')
				.map(({ text, value }) => [text, value]);
		expect(number(masked)).toEqual([['****-****-****-1234', '****-****-****-1234']]);
		emulator.reset();
		const [document] = await itemsOf('receipt', 'receipt-success', {
			edits,
			parameters: { output: 'document' },
		});
		expect(document['paymentInfo.cardInfo.number']).toBe('****-****-****-1234');
		emulator.reset();
		const revealed = await itemsOf('receipt', 'receipt-success', {
			edits,
			parameters: { options: { revealSensitiveValues: true } },
		});
		expect(number(revealed)).toEqual([['9410-6112-3456-1234', '9410-6112-3456-1234']]);
		// Reveal lifts the content rule too: the product codes come out whole.
		expect(
			revealed.filter(({ field }) => (field as string).endsWith('.code')).map(({ text }) => text),
		).toEqual(['8800000000015', '8800000000022', '8800000000039', '8800000000046']);
	});

	test('unknown keys survive, at any depth, as fields named by their path', async () => {
		const element = (text: string, x: number) =>
			JSON.stringify({
				text,
				formatted: { value: text },
				keyText: 'Points',
				confidenceScore: 0.5,
				boundingPolys: [
					{
						vertices: [
							{ x, y: 2 },
							{ x: x + 10, y: 2 },
							{ x: x + 10, y: 12 },
							{ x, y: 12 },
						],
					},
				],
				maskingPolys: [],
			});
		const edits: Array<[string, string]> = [
			['"storeInfo": {', `"storeInfo": {"loyalty": ${element('1,234 P', 1)}, `],
			['"result": {', `"result": {"couponCodes": [${element('C-1', 20)}, ${element('C-2', 40)}], `],
		];
		const items = await itemsOf('receipt', 'receipt-success', { edits });
		const added = (field: string, index: number, label: string, text: string, x: number) => ({
			...fieldItem('receipt', RECEIPT_FIELDS[0], items),
			field,
			index,
			label,
			text,
			value: text,
			keyText: 'Points',
			confidence: 0.5,
			x,
			y: 2,
			width: 10,
			height: 10,
		});
		expect(items).toEqual([
			added('couponCodes', 0, 'Coupon Codes', 'C-1', 20),
			added('couponCodes', 1, 'Coupon Codes', 'C-2', 40),
			added('storeInfo.loyalty', 0, 'Store Info.loyalty', '1,234 P', 1),
			...RECEIPT_FIELDS.map((row) => fieldItem('receipt', row, items)),
		]);
		emulator.reset();
		const [document] = await itemsOf('receipt', 'receipt-success', {
			edits,
			parameters: { output: 'document' },
		});
		expect(document).toEqual(
			documentItem('receipt', [document], {
				total: 19350,
				itemsTotal: 19350,
				couponCodes: 'C-1\nC-2',
				'storeInfo.loyalty': '1,234 P',
				...receiptColumns(),
			}),
		);
	});

	test('raw output: images[0] exactly as served', async () => {
		const [item, ...rest] = await itemsOf('receipt', 'receipt-success', {
			parameters: { output: 'raw' },
		});
		expect(rest).toEqual([]);
		expect(item).toEqual({
			...fixtureImage('receipt-success'),
			uid: expect.stringMatching(UID),
			name: 'scan.jpg',
		});
	});
});

const CREDIT_CARD_FIELDS: FieldRow[] = [
	['number', 0, 'Number', '**** **** **** 3452', '************3452', ''],
	['validThru', 0, 'Valid Thru', '12/28', '12/28', 'VALID THRU'],
	['name', 0, 'Name', 'HONG GILDONG', 'HONG GILDONG', ''],
	['company', 0, 'Company', '견본카드', '견본카드', ''],
];

describe('credit card', () => {
	test('fields output: the number masked but its last four (README: **** **** **** 3452)', async () => {
		const items = await itemsOf('creditCard');
		expect(items).toEqual(CREDIT_CARD_FIELDS.map((row) => fieldItem('creditCard', row, items)));
	});

	test('document output: the number column masked but its last four', async () => {
		const [item] = await itemsOf('creditCard', 'credit-card-success', {
			parameters: { output: 'document' },
		});
		expect(item).toEqual(
			documentItem('creditCard', [item], {
				number: '************3452',
				validThru: '12/28',
				name: 'HONG GILDONG',
				company: '견본카드',
			}),
		);
	});

	test('Reveal Sensitive Values shows the number whole', async () => {
		const items = await itemsOf('creditCard', 'credit-card-success', {
			parameters: { options: { revealSensitiveValues: true } },
		});
		expect(items[0]).toEqual(
			fieldItem(
				'creditCard',
				['number', 0, 'Number', '5412 7512 3412 3452', '5412751234123452', ''],
				items,
			),
		);
		emulator.reset();
		const [document] = await itemsOf('creditCard', 'credit-card-success', {
			parameters: { output: 'document', options: { revealSensitiveValues: true } },
		});
		expect(document.number).toBe('5412751234123452');
	});

	test('raw output: the number as served', async () => {
		const [item] = await itemsOf('creditCard', 'credit-card-success', {
			parameters: { output: 'raw' },
		});
		expect(item).toEqual({
			...fixtureImage('credit-card-success'),
			uid: expect.stringMatching(UID),
			name: 'scan.jpg',
		});
	});
});

describe('business card', () => {
	test('fields output: both readings of the name, phone numbers as their values', async () => {
		const items = await itemsOf('nameCard');
		expect(items).toHaveLength(12);
		const pick = (field: string, index = 0) =>
			items.find((item) => item.field === field && item.index === index);
		expect([pick('name'), pick('name', 1), pick('mobile'), pick('email')]).toEqual(
			(
				[
					['name', 0, 'Name', '홍길동', '홍길동', ''],
					['name', 1, 'Name', 'Gildong Hong', 'Gildong Hong', ''],
					['mobile', 0, 'Mobile', '010-1234-5678', '01012345678', 'M'],
					['email', 0, 'Email', 'gildong.hong@example.com', 'gildong.hong@example.com', 'E-mail'],
				] as FieldRow[]
			).map((row) => fieldItem('nameCard', row, items)),
		);
	});

	test('document output: a column per key, the two names on two lines', async () => {
		const [item] = await itemsOf('nameCard', 'name-card-success', {
			parameters: { output: 'document' },
		});
		expect(item).toEqual(
			documentItem('nameCard', [item], {
				name: '홍길동\nGildong Hong',
				company: '견본소프트 주식회사',
				department: '개발팀',
				position: '팀장',
				rank: '수석연구원',
				email: 'gildong.hong@example.com',
				mobile: '01012345678',
				address: '서울특별시 중구 견본로 12, 3층',
				landlineNumber: '0212345678',
				faxNumber: '0212345679',
				domainUrl: 'www.example.com',
			}),
		);
	});

	test('raw output: images[0] exactly as served', async () => {
		const [item, ...rest] = await itemsOf('nameCard', 'name-card-success', {
			parameters: { output: 'raw' },
		});
		expect(rest).toEqual([]);
		expect(item).toEqual({
			...fixtureImage('name-card-success'),
			uid: expect.stringMatching(UID),
			name: 'scan.jpg',
		});
	});
});

describe('foreign passport', () => {
	test('fields output: dates as ISO, the personal number masked as a registration number', async () => {
		const items = await itemsOf('passport');
		expect(items).toHaveLength(13);
		const pick = (field: string, index = 0) =>
			items.find((item) => item.field === field && item.index === index);
		expect([pick('num'), pick('birthDate'), pick('personalNum'), pick('mrz', 1)]).toEqual(
			(
				[
					['num', 0, 'Passport Number', 'L898902C3', 'L898902C3', 'Passport No.'],
					['birthDate', 0, 'Date of Birth', '12 AUG 1974', '1974-08-12', 'Date of Birth'],
					[
						'personalNum',
						0,
						'Resident Registration Number',
						'*E*******',
						'*E*******',
						'Personal No.',
					],
					[
						'mrz',
						1,
						'Mrz',
						'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
						'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
						'',
					],
				] as FieldRow[]
			).map((row) => fieldItem('passport', row, items, 'en')),
		);
	});

	test("document output: the model's documentType field as field_documentType", async () => {
		const [item] = await itemsOf('passport', 'passport-success', {
			parameters: { output: 'document' },
		});
		expect(item).toEqual(
			documentItem(
				'passport',
				[item],
				{
					// The ID-card passport's column; no check computes it for this model.
					expired: null,
					field_documentType: 'P',
					issuingCountry: 'UTO',
					num: 'L898902C3',
					surName: 'ERIKSSON',
					givenName: 'ANNA MARIA',
					nationality: 'UTO',
					birthDate: '1974-08-12',
					sex: 'F',
					issueDate: '2007-04-16',
					expireDate: '2012-04-15',
					personalNum: '*E*******',
					mrz: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10',
				},
				'en',
			),
		);
	});

	test('raw output: images[0] exactly as served', async () => {
		const [item, ...rest] = await itemsOf('passport', 'passport-success', {
			parameters: { output: 'raw' },
		});
		expect(rest).toEqual([]);
		expect(item).toEqual({
			...fixtureImage('passport-success'),
			uid: expect.stringMatching(UID),
			name: 'scan.jpg',
		});
	});
});

describe('a result missing', () => {
	test.each(['receipt', 'creditCard', 'nameCard', 'passport'] as const)(
		'%s: a shape error naming the path',
		async (model) => {
			const result = await recognize(model, FIXTURES[model] as ScenarioName, {
				edits: [['"result": {', '"resultat": {']],
			});
			expect(result.items).toEqual([]);
			const error = result.error as unknown as Record<string, unknown>;
			expect({
				name: error.name,
				message: error.message,
				itemIndex: (error.context as { itemIndex?: number }).itemIndex,
			}).toEqual({
				name: 'NodeOperationError',
				message: `CLOVA OCR sent a response that does not fit the documented shape: images[0].${model}.result is missing`,
				itemIndex: 0,
			});
			expect(emulator.requests.map(({ status }) => status)).toEqual([200]);
		},
	);
});

describe('the model chooses the domain', () => {
	test("another model's full URL fails before sending, naming that model", async () => {
		const result = await recognize('receipt', 'receipt-success', {
			invokeUrl: `${emulator.invokeUrls.nameCard}/document/name-card`,
		});
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(
			'The Invoke URL belongs to a business card domain (it ends in /document/name-card), but this operation reads a receipt',
		);
		expect(emulator.requests).toEqual([]);
	});
});
