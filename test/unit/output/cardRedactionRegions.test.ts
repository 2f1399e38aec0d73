/**
 * redactionPlanOf for card numbers: a credit card's number (and a receipt's
 * `paymentInfo.cardInfo.number`) is blacked out whole, its bounding box, beside any masking
 * polygon; without a bounding polygon inside the image it is unhidden, so no copy is made.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { FIXTURE_DIRECTORY } from '../../../tools/clova-emulator/fixture-documents';
import { modelDocumentOf } from '../../../nodes/ClovaOcr/actions/document/modelDocument';
import { redactionPlanOf } from '../../../nodes/ClovaOcr/output/redactionRegions';
import { parseIdCardResponse } from '../../../nodes/ClovaOcr/response/parseResponse';
import type {
	RecognizedDocument,
	RecognizedField,
} from '../../../nodes/ClovaOcr/response/recognizedDocument';

const CARD = { width: 856, height: 540 };

const square = (x0: number, y0: number, x1: number, y1: number) => ({
	vertices: [
		{ x: x0, y: y0 },
		{ x: x1, y: y0 },
		{ x: x1, y: y1 },
		{ x: x0, y: y1 },
	],
});

function documentOf(
	documentType: RecognizedDocument['documentType'],
	fields: RecognizedField[],
): RecognizedDocument {
	return { documentType, idType: null, isConfident: null, fields };
}

const NUMBER_BOX = square(60, 290, 696, 340);
// 60,290 – 696,340: 50 px high, grown by max(2, 2.5) px and rounded out.
const NUMBER_REGION = { x: 57, y: 287, width: 642, height: 56 };

describe('redactionPlanOf: a credit card number, blacked out whole', () => {
	test('the emulator’s credit card: the masking polygon, then the number’s whole bounding box', () => {
		const body = readFileSync(
			join(FIXTURE_DIRECTORY, 'credit-card-success.synthetic.json'),
			'utf8',
		);
		const image = parseIdCardResponse(body).response.images[0];
		// masking 211,289 – 533,341 (52 px high: grown by 2.6 px)
		expect(redactionPlanOf(modelDocumentOf(image, 'creditCard'), [], CARD)).toEqual({
			regions: [{ x: 208, y: 286, width: 328, height: 58 }, NUMBER_REGION],
			unhiddenFields: [],
		});
	});

	test.each<[string, RecognizedDocument, object]>([
		[
			'no masking polygon: the bounding box alone',
			documentOf('creditCard', [
				{ field: 'number', values: [{ text: '5412 7512 3412 3452', boundingPolys: [NUMBER_BOX] }] },
			]),
			{ regions: [NUMBER_REGION], unhiddenFields: [] },
		],
		[
			'split across values: every value’s box, in order',
			documentOf('creditCard', [
				{
					field: 'number',
					values: [
						{ text: '5412 7512', boundingPolys: [square(60, 290, 370, 340)] },
						{ text: '3412 3452', boundingPolys: [square(380, 290, 696, 340)] },
					],
				},
			]),
			{
				regions: [
					{ x: 57, y: 287, width: 316, height: 56 },
					{ x: 377, y: 287, width: 322, height: 56 },
				],
				unhiddenFields: [],
			},
		],
		[
			'any number-named key of a credit card (cardInfo.cardNo)',
			documentOf('creditCard', [
				{ field: 'cardInfo.cardNo', values: [{ text: '5412', boundingPolys: [NUMBER_BOX] }] },
			]),
			{ regions: [NUMBER_REGION], unhiddenFields: [] },
		],
		[
			'a receipt’s paymentInfo.cardInfo.number',
			documentOf('receipt', [
				{
					field: 'paymentInfo.cardInfo.number',
					values: [{ text: '9410-61**-****-123*', boundingPolys: [NUMBER_BOX] }],
				},
			]),
			{ regions: [NUMBER_REGION], unhiddenFields: [] },
		],
		[
			'other fields are not blacked out unless chosen (validThru, name)',
			documentOf('creditCard', [
				{ field: 'validThru', values: [{ text: '12/28', boundingPolys: [NUMBER_BOX] }] },
				{ field: 'name', values: [{ text: 'HONG GILDONG', boundingPolys: [NUMBER_BOX] }] },
			]),
			{ regions: [], unhiddenFields: [] },
		],
		[
			'the same key on another document type is not a card number',
			documentOf('nameCard', [
				{ field: 'number', values: [{ text: '010-1234-5678', boundingPolys: [NUMBER_BOX] }] },
			]),
			{ regions: [], unhiddenFields: [] },
		],
		[
			'the box clipped to the image',
			documentOf('creditCard', [
				{
					field: 'number',
					values: [{ text: '5412', boundingPolys: [square(800, 500, 900, 560)] }],
				},
			]),
			{ regions: [{ x: 797, y: 497, width: 59, height: 43 }], unhiddenFields: [] },
		],
	])('%s', (_case, document, plan) => {
		expect(redactionPlanOf(document, [], CARD)).toEqual(plan);
	});
});

describe('redactionPlanOf: a card number with no polygon inside the image is unhidden', () => {
	test.each<[string, RecognizedField['values'], object]>([
		[
			'no bounding polygon',
			[{ text: '5412 7512 3412 3452' }],
			{ regions: [], unhiddenFields: ['number'] },
		],
		[
			'empty bounding polygons',
			[{ text: '5412 7512 3412 3452', boundingPolys: [{ vertices: [] }] }],
			{ regions: [], unhiddenFields: ['number'] },
		],
		[
			'a bounding polygon outside the image',
			[{ text: '5412 7512 3412 3452', boundingPolys: [square(900, 600, 1000, 650)] }],
			{ regions: [], unhiddenFields: ['number'] },
		],
		[
			'a masking polygon inside does not stand for the whole number',
			[
				{
					text: '5412 7512 3412 3452',
					boundingPolys: [square(900, 600, 1000, 650)],
					maskingPolys: [square(211, 289, 533, 341)],
				},
			],
			{ regions: [{ x: 208, y: 286, width: 328, height: 58 }], unhiddenFields: ['number'] },
		],
		[
			'one value’s box inside covers the field',
			[{ text: '5412 7512' }, { text: '3412 3452', boundingPolys: [NUMBER_BOX] }],
			{ regions: [NUMBER_REGION], unhiddenFields: [] },
		],
		[
			'nothing recognized (blank text): nothing to hide',
			[{ text: '  ' }, { text: '' }],
			{ regions: [], unhiddenFields: [] },
		],
	])('%s', (_case, values, plan) => {
		const document = documentOf('creditCard', [{ field: 'number', values }]);
		expect(redactionPlanOf(document, [], CARD)).toEqual(plan);
	});

	test('unhidden card numbers are listed in field order, beside other fields', () => {
		const document = documentOf('receipt', [
			{ field: 'storeInfo.name', values: [{ text: 'emart', boundingPolys: [NUMBER_BOX] }] },
			{ field: 'paymentInfo.cardInfo.number', values: [{ text: '9410-61**-****-123*' }] },
		]);
		expect(redactionPlanOf(document, ['storeInfo.name'], CARD)).toEqual({
			regions: [NUMBER_REGION],
			unhiddenFields: ['paymentInfo.cardInfo.number'],
		});
	});
});
