import { redactionPlanOf } from '../../../nodes/ClovaOcr/output/redactionRegions';
import { parseIdCardResponse } from '../../../nodes/ClovaOcr/response/parseResponse';
import {
	recognizedDocumentOf,
	type RecognizedDocument,
} from '../../../nodes/ClovaOcr/response/recognizedDocument';
import { clovaFixtureText } from '../../fixtures/clovaFixtures';

const CARD = { width: 856, height: 540 };

function documentOf(fixture: 'ic-success.ko' | 'dl-success.ko'): RecognizedDocument {
	return recognizedDocumentOf(parseIdCardResponse(clovaFixtureText(fixture)).response.images[0]);
}

const square = (x0: number, y0: number, x1: number, y1: number) => ({
	vertices: [
		{ x: x0, y: y0 },
		{ x: x1, y: y0 },
		{ x: x1, y: y1 },
		{ x: x0, y: y1 },
	],
});

const regionsOf = (document: RecognizedDocument, redactFields: string[], size: typeof CARD) => {
	const plan = redactionPlanOf(document, redactFields, size);
	expect(plan.unhiddenFields).toEqual([]);
	return plan.regions;
};

describe('redactionPlanOf: masking polygons and Also Black Out', () => {
	test('documented resident card: its two masking polygons, grown by max(2 px, 5 % of the height) and rounded out', () => {
		// personalNum 211.13873,178.01373 – 367.22372,220.14873; issueDate 239.52966,349.0217 – 424.9578,384.36578
		expect(regionsOf(documentOf('ic-success.ko'), [], CARD)).toEqual([
			{ x: 209, y: 175, width: 161, height: 48 },
			{ x: 237, y: 347, width: 190, height: 40 },
		]);
	});

	test("documented driver's license: num, personalNum and issueDate, in the order sent", () => {
		expect(regionsOf(documentOf('dl-success.ko'), [], CARD)).toEqual([
			{ x: 402, y: 76, width: 221, height: 54 },
			{ x: 374, y: 153, width: 130, height: 51 },
			{ x: 244, y: 438, width: 170, height: 42 },
		]);
	});

	test('Also Black Out adds the bounding box of each chosen field; unknown keys add nothing', () => {
		const regions = regionsOf(
			documentOf('ic-success.ko'),
			['address', 'noSuchField', 'constructor'],
			CARD,
		);
		// address 51.675,235.1875 – 192.7875,272.2875
		expect(regions).toEqual([
			{ x: 209, y: 175, width: 161, height: 48 },
			{ x: 49, y: 233, width: 146, height: 42 },
			{ x: 237, y: 347, width: 190, height: 40 },
		]);
	});

	test('every value of a field, every polygon; clipped to the image; outside ones dropped', () => {
		const document: RecognizedDocument = {
			documentType: 'idCard',
			idType: 'ID Card',
			isConfident: true,
			fields: [
				{
					field: 'address',
					values: [
						{ text: 'a', boundingPolys: [square(10, 10, 20, 20)], maskingPolys: [] },
						{ text: 'b', boundingPolys: [square(-50, 90, 30, 120), square(300, 300, 310, 310)] },
					],
				},
				{
					field: 'name',
					values: [{ text: 'c', maskingPolys: [square(95, 5, 400, 15), { vertices: [] }] }],
				},
			],
		};
		expect(regionsOf(document, ['address'], { width: 100, height: 100 })).toEqual([
			{ x: 8, y: 8, width: 14, height: 14 },
			{ x: 0, y: 88, width: 32, height: 12 },
			{ x: 93, y: 3, width: 7, height: 14 },
		]);
	});

	test('no polygons: no regions', () => {
		const document: RecognizedDocument = {
			documentType: 'idCard',
			idType: null,
			isConfident: null,
			fields: [{ field: 'name', values: [{ text: 'x' }] }],
		};
		expect(regionsOf(document, ['name'], CARD)).toEqual([]);
	});
});

/** The document with the masking polygons of `fields` replaced by `masking` (none by default). */
function withMasking(
	document: RecognizedDocument,
	fields: string[],
	masking: ReturnType<typeof square>[] | undefined = undefined,
): RecognizedDocument {
	return {
		...document,
		fields: document.fields.map(({ field, values }) => ({
			field,
			values: fields.includes(field)
				? values.map((value) => {
						const rest = { ...value };
						delete rest.maskingPolys;
						return masking ? { ...rest, maskingPolys: masking } : rest;
					})
				: values,
		})),
	};
}

describe('redactionPlanOf: a recognized number without a usable masking polygon', () => {
	test('documented resident card: the back part of personalNum from its bounding box', () => {
		// 65.5875 + 298.12496 × 6/14 = 193.355 (the hyphen of 800***-234****) – 363.71246,
		// 181.52498 – 216.63748; grown by 2 px and rounded out
		expect(
			redactionPlanOf(withMasking(documentOf('ic-success.ko'), ['personalNum']), [], CARD),
		).toEqual({
			regions: [
				{ x: 191, y: 179, width: 175, height: 40 },
				{ x: 237, y: 347, width: 190, height: 40 },
			],
			unhiddenFields: [],
		});
	});

	test("documented driver's license: num and personalNum cut along their skewed boxes", () => {
		// num **-**-******-** from 1/3 of its top and bottom edges (385.68, 82.36 / 385.55, 121.85)
		// to 615.73; personalNum ******-******* from 3/7 (364.16, 160.82 / 364.57, 197.73) to 497.16
		const document = withMasking(documentOf('dl-success.ko'), ['num', 'personalNum']);
		expect(redactionPlanOf(document, [], CARD)).toEqual({
			regions: [
				{ x: 383, y: 80, width: 235, height: 45 },
				{ x: 362, y: 157, width: 138, height: 43 },
				{ x: 244, y: 438, width: 170, height: 42 },
			],
			unhiddenFields: [],
		});
	});

	test('a masking polygon outside the image counts as none', () => {
		const document = withMasking(
			documentOf('ic-success.ko'),
			['personalNum'],
			[square(900, 600, 950, 620)],
		);
		expect(redactionPlanOf(document, [], CARD).regions).toEqual([
			{ x: 191, y: 179, width: 175, height: 40 },
			{ x: 237, y: 347, width: 190, height: 40 },
		]);
	});

	test('one value with a masking polygon inside the image covers the field', () => {
		const document: RecognizedDocument = {
			documentType: 'idCard',
			idType: 'ID Card',
			isConfident: true,
			fields: [
				{
					field: 'personalNum',
					values: [
						{ text: '800101-1234567', boundingPolys: [square(10, 10, 150, 30)] },
						{ text: '800101-1234567', maskingPolys: [square(80, 50, 150, 70)] },
					],
				},
			],
		};
		expect(redactionPlanOf(document, [], CARD)).toEqual({
			regions: [{ x: 78, y: 48, width: 74, height: 24 }],
			unhiddenFields: [],
		});
	});

	test('no masking polygon and no bounding polygon inside the image: unhidden, in field order', () => {
		const document: RecognizedDocument = {
			documentType: 'driverLicense',
			idType: "Driver's License",
			isConfident: true,
			fields: [
				{ field: 'num', values: [{ text: '11-00-123456-10', boundingPolys: [] }] },
				{ field: 'name', values: [{ text: '홍길동', boundingPolys: [square(5, 5, 50, 20)] }] },
				{
					field: 'personalNum',
					values: [
						{ text: '800101-1234567', boundingPolys: [square(2000, 5, 2100, 20)] },
						{ text: '800101-1234567', maskingPolys: [{ vertices: [] }] },
					],
				},
				{ field: 'alienRegNumEtc', values: [{ text: '991231-5123456' }] },
			],
		};
		expect(redactionPlanOf(document, [], CARD)).toEqual({
			regions: [],
			unhiddenFields: ['num', 'personalNum', 'alienRegNumEtc'],
		});
	});

	test('the documented answers on an image smaller than their polygons: every number unhidden', () => {
		const tiny = { width: 40, height: 30 };
		expect(
			[documentOf('ic-success.ko'), documentOf('dl-success.ko')].map((document) =>
				redactionPlanOf(document, [], tiny),
			),
		).toEqual([
			{ regions: [], unhiddenFields: ['personalNum'] },
			{ regions: [], unhiddenFields: ['num', 'personalNum'] },
		]);
	});

	test('not a number the rule covers, or not recognized: no fallback, not unhidden', () => {
		const document: RecognizedDocument = {
			documentType: 'passport',
			idType: 'Passport',
			isConfident: true,
			fields: [
				{ field: 'num', values: [{ text: 'M12345678', boundingPolys: [square(5, 5, 90, 20)] }] },
				{ field: 'personalNum', values: [{ text: '' }, { text: ' \n' }] },
				{ field: 'issueDate', values: [{ text: '2020.08.16' }] },
			],
		};
		expect(redactionPlanOf(document, [], CARD)).toEqual({ regions: [], unhiddenFields: [] });
	});
});
