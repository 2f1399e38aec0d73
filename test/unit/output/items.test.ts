import { RESERVED_COLUMNS, toDocumentItem } from '../../../nodes/ClovaOcr/output/documentItem';
import { toFieldItems } from '../../../nodes/ClovaOcr/output/fieldItems';
import { itemSourceOf } from '../../../nodes/ClovaOcr/output/itemSource';
import { imageFactsOf } from '../../../nodes/ClovaOcr/response/imageFacts';
import { parseIdCardResponse } from '../../../nodes/ClovaOcr/response/parseResponse';
import {
	recognizedDocumentOf,
	type RecognizedDocument,
} from '../../../nodes/ClovaOcr/response/recognizedDocument';
import { ResponseShapeError } from '../../../nodes/ClovaOcr/response/responseShapeError';
import { reviewDocument } from '../../../nodes/ClovaOcr/review/reviewDocument';
import { clovaFixtureText, type ClovaFixture } from '../../fixtures/clovaFixtures';

function documentOf(fixture: ClovaFixture) {
	const { response } = parseIdCardResponse(clovaFixtureText(fixture));
	const image = response.images[0];
	return {
		document: recognizedDocumentOf(image),
		source: itemSourceOf(response, image),
		facts: imageFactsOf(image),
	};
}

const reviewOf = (document: RecognizedDocument) =>
	reviewDocument(document, { runDate: '2026-11-22', minConfidence: 0 });

const DL_SOURCE = { imageName: 'driverlicense_test', requestId: '1234', uid: '{uid}' };

describe("field items from the documented driver's license", () => {
	const { document, source, facts } = documentOf('dl-success.ko');
	const items = toFieldItems(
		document,
		source,
		reviewOf(document).fields,
		{ includePolygons: false },
		facts,
	);

	test('one item per field, in the order sent, with label, text and normalized value', () => {
		expect(
			items.map(({ field, label, index, text, value }) => [field, label, index, text, value]),
		).toEqual([
			[
				'type',
				'License Type',
				0,
				'1종대형 1종보통 1종소형 특수(대형견인,소형견인, 구난) 2종보통 2종소형 원동기',
				'1종대형 1종보통 1종소형 특수(대형견인,소형견인, 구난) 2종보통 2종소형 원동기',
			],
			['num', 'License Number', 0, '**-**-******-**', '**-**-******-**'],
			['name', 'Name', 0, '홍**', '홍**'],
			['personalNum', 'Resident Registration Number', 0, '******-*******', '******-*******'],
			['address', 'Address', 0, '서울시 ***', '서울시 ***'],
			['renewStartDate', 'Renewal Start Date', 0, '2029.01.01', '2029-01-01'],
			['renewEndDate', 'Renewal End Date', 0, '2029 12.31', '2029-12-31'],
			['condition', 'License Conditions', 0, '건 8', '건 8'],
			['code', 'License Code (암호일련번호)', 0, 'H1***', 'H1***'],
			['organDonation', 'Organ and Tissue Donation', 0, '장기 ·조직기증', '장기 ·조직기증'],
			['issueDate', 'Issue Date', 0, '2019.09.10', '2019-09-10'],
			['authority', 'Issuing Authority', 0, '서울지방경찰청', '서울지방경찰청장'],
		]);
	});

	test('a whole item: box around the first polygon, source and confidence', () => {
		expect(items[2]).toEqual({
			documentType: 'driverLicense',
			field: 'name',
			label: 'Name',
			index: 0,
			text: '홍**',
			value: '홍**',
			confidence: 0,
			isConfident: true,
			keyText: '',
			validationResult: 'NO_REQUESTED',
			validationMessage: null,
			estimatedLanguage: 'ko',
			pageIndex: null,
			pageWidth: null,
			pageHeight: null,
			valid: null,
			warnings: '',
			notes: '',
			needsReview: false,
			x: 268.125,
			y: 130,
			width: 90.625,
			height: 34.375,
			...DL_SOURCE,
		});
	});

	test('polygons on request, maskingPolys as sent (or empty)', () => {
		const withPolygons = toFieldItems(document, source, reviewOf(document).fields, {
			includePolygons: true,
		});
		const num = withPolygons.find((item) => item.field === 'num');
		expect(num?.boundingPolys).toHaveLength(1);
		expect(num?.maskingPolys).toHaveLength(1);
		expect(num?.maskingPolys?.[0].vertices).toHaveLength(4);
		const type = withPolygons.find((item) => item.field === 'type');
		expect(type?.maskingPolys).toEqual([]);
		expect(Object.keys(items[0])).not.toContain('boundingPolys');
	});
});

describe('recognized documents', () => {
	test.each<[ClovaFixture, string, string, boolean, string[]]>([
		[
			'ic-success.ko',
			'idCard',
			'ID Card',
			true,
			['name', 'personalNum', 'address', 'issueDate', 'authority'],
		],
		[
			'ic-success.en',
			'idCard',
			'ID Card',
			true,
			['name', 'personalNum', 'address', 'issueDate', 'authority'],
		],
		[
			'dl-success.ko',
			'driverLicense',
			"Driver's License",
			true,
			[
				'type',
				'num',
				'name',
				'personalNum',
				'address',
				'renewStartDate',
				'renewEndDate',
				'condition',
				'code',
				'organDonation',
				'issueDate',
				'authority',
			],
		],
	])('%s', (fixture, documentType, idType, isConfident, fields) => {
		const { document } = documentOf(fixture);
		expect(document.documentType).toBe(documentType);
		expect(document.idType).toBe(idType);
		expect(document.isConfident).toBe(isConfident);
		expect(document.fields.map(({ field }) => field)).toEqual(fields);
	});

	// An idtype the node does not know is service text: never echoed (null).
	test.each([
		['pp', 'Passport', 'passport', 'Passport'],
		['ac', 'Alien Registration Card', 'alienRegistrationCard', 'Alien Registration Card'],
		['xx', 'Something New', 'unknown', null],
	])('section %s is read generically', (key, idType, documentType, shownIdType) => {
		const { response } = parseIdCardResponse(
			JSON.stringify({
				requestId: 'r',
				images: [
					{
						inferResult: 'SUCCESS',
						idCard: {
							result: {
								isConfident: false,
								[key]: {
									surName: [{ text: 'HONG' }],
									birthDate: [{ text: '1980.01.01' }],
								},
								idType,
							},
						},
					},
				],
			}),
		);
		const document = recognizedDocumentOf(response.images[0]);
		expect(document).toEqual({
			documentType,
			idType: shownIdType,
			isConfident: false,
			fields: [
				{ field: 'surName', values: [{ text: 'HONG' }] },
				{ field: 'birthDate', values: [{ text: '1980.01.01' }] },
			],
		});
		const items = toFieldItems(
			document,
			{ imageName: 'a', requestId: 'r', uid: null },
			reviewOf(document).fields,
			{ includePolygons: false },
		);
		expect(items.map(({ label, value, x, confidence }) => [label, value, x, confidence])).toEqual([
			['Surname', 'HONG', null, null],
			['Date of Birth', '1980-01-01', null, null],
		]);
	});

	test.each([
		['text', '"HONG"', 'string'],
		['an object', '{"text":"HONG"}', 'object'],
		['null', 'null', 'null'],
		['a number', '7', 'number'],
	])(
		'a field that is not an array (%s) is refused with its path, not its content',
		(_case, raw, got) => {
			const { response } = parseIdCardResponse(
				`{"images":[{"inferResult":"SUCCESS","idCard":{"result":{"pp":{"num":[{"text":"M12345678"}],"surName":${raw}}}}}]}`,
			);
			expect(() => recognizedDocumentOf(response.images[0])).toThrow(
				new ResponseShapeError(`images[0].idCard.result.pp.surName: expected array, got ${got}`),
			);
		},
	);

	test('a field value of the wrong type is refused with its path', () => {
		const { response } = parseIdCardResponse(
			'{"images":[{"inferResult":"SUCCESS","idCard":{"result":{"dl":{"name":[{"text":7}]}}}}]}',
		);
		expect(() => recognizedDocumentOf(response.images[0])).toThrow(
			'CLOVA OCR sent a response that does not fit the documented shape: images[0].idCard.result.dl.name[0].text: expected string, got number',
		);
	});

	test('SUCCESS without a result is refused', () => {
		const { response } = parseIdCardResponse('{"images":[{"inferResult":"SUCCESS"}]}');
		expect(() => recognizedDocumentOf(response.images[0])).toThrow(
			'does not fit the documented shape: images[0].idCard.result is missing',
		);
	});
});

describe('document item', () => {
	test('the documented resident card as one row', () => {
		const { document, source, facts } = documentOf('ic-success.ko');
		expect(toDocumentItem(document, source, reviewOf(document).document, facts)).toEqual({
			documentType: 'idCard',
			idType: 'ID Card',
			isConfident: true,
			validationResult: 'NO_REQUESTED',
			validationMessage: null,
			estimatedLanguage: 'ko',
			pageIndex: null,
			pageWidth: null,
			pageHeight: null,
			cardX: 2.264223,
			cardY: -5.092327,
			cardWidth: 752.259027,
			cardHeight: 479.499927,
			imageName: 'idcard_test',
			requestId: '1234',
			uid: '{uid}',
			valid: null,
			warnings: '',
			notes: '',
			needsReview: false,
			name: '홍**',
			personalNum: '800***-234****',
			address: '서울특별시 ***',
			issueDate: '2020-08-16',
			authority: '서울특별시 **구청장',
		});
	});

	test('several values join by line breaks; no value is null', () => {
		const { response } = parseIdCardResponse(
			JSON.stringify({
				images: [
					{
						inferResult: 'SUCCESS',
						idCard: {
							result: { ic: { address: [{ text: 'line 1' }, { text: 'line 2' }], name: [] } },
						},
					},
				],
			}),
		);
		const document = recognizedDocumentOf(response.images[0]);
		const item = toDocumentItem(
			document,
			{ imageName: null, requestId: null, uid: null },
			reviewOf(document).document,
		);
		expect(item).toEqual({
			documentType: 'idCard',
			idType: null,
			isConfident: null,
			validationResult: null,
			validationMessage: null,
			estimatedLanguage: null,
			pageIndex: null,
			pageWidth: null,
			pageHeight: null,
			cardX: null,
			cardY: null,
			cardWidth: null,
			cardHeight: null,
			imageName: null,
			requestId: null,
			uid: null,
			valid: null,
			// No personalNum (an empty array is no value): the card's key field is missing.
			warnings: 'personalNum: missing',
			notes: '',
			needsReview: true,
			address: 'line 1\nline 2',
			name: null,
		});
	});
});

describe('document item: fields named like its own columns', () => {
	const reserved = [...RESERVED_COLUMNS];

	function licenseWithFields(names: string[]): RecognizedDocument {
		return {
			documentType: 'driverLicense',
			idType: "Driver's License",
			isConfident: true,
			fields: names.map((field) => ({ field, values: [{ text: `text of ${field}` }] })),
		};
	}

	test('every column the node writes is reserved', () => {
		const document = licenseWithFields([]);
		const item = toDocumentItem(
			document,
			{ imageName: 'a', requestId: 'b', uid: 'c' },
			reviewOf(document).document,
		);
		expect(Object.keys(item).filter((key) => !RESERVED_COLUMNS.has(key))).toEqual([]);
		expect(Object.keys(item)).toEqual(
			expect.arrayContaining(['licenseClasses', 'renewalOverdue', 'valid', 'warnings']),
		);
	});

	test('a field with a reserved name is output as field_<name>; the review columns stay', () => {
		const names = [...reserved, 'field_valid', 'field_', 'name'];
		const document = licenseWithFields(names);
		const review = reviewOf(document).document;
		const source = { imageName: 'card.jpg', requestId: 'r1', uid: 'u1' };
		const item = toDocumentItem(document, source, review);
		expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
		expect(item).toEqual({
			documentType: 'driverLicense',
			idType: "Driver's License",
			isConfident: true,
			validationResult: null,
			validationMessage: null,
			estimatedLanguage: null,
			pageIndex: null,
			pageWidth: null,
			pageHeight: null,
			cardX: null,
			cardY: null,
			cardWidth: null,
			cardHeight: null,
			...source,
			...review,
			...Object.fromEntries(reserved.map((name) => [`field_${name}`, `text of ${name}`])),
			field_field_valid: 'text of field_valid',
			field_field_: 'text of field_',
			name: 'text of name',
		});
		expect(Object.keys(item)).toHaveLength(22 + names.length);
	});
});
