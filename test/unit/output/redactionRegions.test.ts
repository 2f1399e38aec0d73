import { redactionRegionsOf } from '../../../nodes/ClovaOcr/output/redactionRegions';
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

describe('redactionRegionsOf', () => {
	test('documented resident card: its two masking polygons, grown by max(2 px, 5 % of the height) and rounded out', () => {
		// personalNum 211.13873,178.01373 – 367.22372,220.14873; issueDate 239.52966,349.0217 – 424.9578,384.36578
		expect(redactionRegionsOf(documentOf('ic-success.ko'), [], CARD)).toEqual([
			{ x: 209, y: 175, width: 161, height: 48 },
			{ x: 237, y: 347, width: 190, height: 40 },
		]);
	});

	test("documented driver's license: num, personalNum and issueDate, in the order sent", () => {
		expect(redactionRegionsOf(documentOf('dl-success.ko'), [], CARD)).toEqual([
			{ x: 402, y: 76, width: 221, height: 54 },
			{ x: 374, y: 153, width: 130, height: 51 },
			{ x: 244, y: 438, width: 170, height: 42 },
		]);
	});

	test('Also Black Out adds the bounding box of each chosen field; unknown keys add nothing', () => {
		const regions = redactionRegionsOf(
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
		expect(redactionRegionsOf(document, ['address'], { width: 100, height: 100 })).toEqual([
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
		expect(redactionRegionsOf(document, ['name'], CARD)).toEqual([]);
	});
});
