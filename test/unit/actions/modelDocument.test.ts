/**
 * modelDocumentOf: a Document OCR model's result, whatever its tree, as fields named by the
 * element's path (single leaves and arrays alike), in the order the service sent them.
 */
import { modelDocumentOf } from '../../../nodes/ClovaOcr/actions/document/modelDocument';
import type { DocumentModel } from '../../../nodes/ClovaOcr/actions/product';
import { parseIdCardResponse } from '../../../nodes/ClovaOcr/response/parseResponse';
import { ResponseShapeError } from '../../../nodes/ClovaOcr/response/responseShapeError';
import type { ImageResult } from '../../../nodes/ClovaOcr/response/schema';

/** images[0] of an answer whose image holds `section` at `key`, read as the node reads it. */
function imageOf(key: string, section: unknown): ImageResult {
	const body = JSON.stringify({
		version: 'V2',
		requestId: 'string',
		timestamp: 1613984672273,
		images: [
			{ uid: 'u', name: 'receipt', inferResult: 'SUCCESS', message: 'SUCCESS', [key]: section },
		],
	});
	return parseIdCardResponse(body).response.images[0];
}

const box = (x0: number, y0: number, x1: number, y1: number) => ({
	vertices: [
		{ x: x0, y: y0 },
		{ x: x1, y: y0 },
		{ x: x1, y: y1 },
		{ x: x0, y: y1 },
	],
});

/**
 * The receipt example of NAVER's page (clova-products.md), completed in its own shape: single
 * leaves (`storeInfo.name`, `paymentInfo.date`), arrays of elements (`storeInfo.tel`), arrays of
 * objects that hold elements (`subResults[].items[]`).
 */
const RECEIPT_EXAMPLE = {
	meta: { estimatedLanguage: 'ko' },
	result: {
		storeInfo: {
			name: {
				text: 'emart everyday',
				formatted: { value: 'emart everyday' },
				keyText: '',
				confidenceScore: 0.98,
				boundingPolys: [box(10, 10, 200, 40)],
			},
			bizNum: { text: '212-81-25544', formatted: { value: '2128125544' } },
			tel: [
				{ text: '(031)786-1171', formatted: { value: '0317861171' } },
				{ text: '(031)786-1172', formatted: { value: '0317861172' } },
			],
		},
		paymentInfo: {
			date: { text: '2020-04-16', formatted: { year: '2020', month: '04', day: '16' } },
			cardInfo: {
				company: { text: '국민카드', formatted: { value: '국민카드' } },
				number: { text: '9410-61**-****-123*', formatted: { value: '9410-61**-****-123*' } },
			},
		},
		subResults: [
			{
				items: [
					{
						name: { text: '서울우유', formatted: { value: '서울우유' } },
						price: { price: { text: '2,980', formatted: { value: '2980' } } },
					},
					{
						name: { text: '바나나', formatted: { value: '바나나' } },
						price: { price: { text: '4,480', formatted: { value: '4480' } } },
					},
				],
			},
		],
		totalPrice: { price: { text: '7,460', formatted: { value: '7460' } } },
	},
};

describe('modelDocumentOf: the receipt example', () => {
	const document = modelDocumentOf(imageOf('receipt', RECEIPT_EXAMPLE), 'receipt');

	test('a field per path, in the order sent; an array of elements is one field', () => {
		expect(document.fields.map(({ field, values }) => [field, values.map((v) => v.text)])).toEqual([
			['storeInfo.name', ['emart everyday']],
			['storeInfo.bizNum', ['212-81-25544']],
			['storeInfo.tel', ['(031)786-1171', '(031)786-1172']],
			['paymentInfo.date', ['2020-04-16']],
			['paymentInfo.cardInfo.company', ['국민카드']],
			['paymentInfo.cardInfo.number', ['9410-61**-****-123*']],
			['subResults[0].items[0].name', ['서울우유']],
			['subResults[0].items[0].price.price', ['2,980']],
			['subResults[0].items[1].name', ['바나나']],
			['subResults[0].items[1].price.price', ['4,480']],
			['totalPrice.price', ['7,460']],
		]);
	});

	test('the document: its model, no idType, no isConfident sent', () => {
		expect({ ...document, fields: document.fields.length }).toEqual({
			documentType: 'receipt',
			idType: null,
			isConfident: null,
			fields: 11,
		});
	});

	test('each element as parsed: every key kept, polygons with their vertices', () => {
		expect(document.fields[0].values).toEqual([
			{
				text: 'emart everyday',
				formatted: { value: 'emart everyday' },
				keyText: '',
				confidenceScore: 0.98,
				boundingPolys: [box(10, 10, 200, 40)],
			},
		]);
		expect(document.fields[3].values).toEqual([
			{ text: '2020-04-16', formatted: { year: '2020', month: '04', day: '16' } },
		]);
	});
});

describe('modelDocumentOf: other shapes', () => {
	const element = (text: string) => ({ text, formatted: { value: text } });

	test.each<[string, Record<string, unknown>, Array<[string, string[]]>]>([
		['a single leaf', { number: element('1234') }, [['number', ['1234']]]],
		['an array of one', { number: [element('1234')] }, [['number', ['1234']]]],
		[
			'the same path twice (a leaf, then more of its array) stays one field',
			{ a: [element('x'), { b: element('y') }, element('z')] },
			[
				['a', ['x', 'z']],
				['a[1].b', ['y']],
			],
		],
		[
			'a `__proto__` key is a key like any other',
			JSON.parse('{"__proto__": {"number": {"text": "1"}}, "constructor": [{"text": "2"}]}'),
			[
				['__proto__.number', ['1']],
				['constructor', ['2']],
			],
		],
		[
			'numbers, strings and objects without elements give nothing',
			{ n: 1, s: 'x', o: { p: {} } },
			[],
		],
		[
			'an odd key is written as JSON in brackets',
			{ 'card no.': element('1'), info: { 'tel no': [element('2')] } },
			[
				['["card no."]', ['1']],
				['info["tel no"]', ['2']],
			],
		],
	])('%s', (_case, result, fields) => {
		const document = modelDocumentOf(imageOf('creditCard', { result }), 'creditCard');
		expect(document.fields.map(({ field, values }) => [field, values.map((v) => v.text)])).toEqual(
			fields,
		);
	});

	test.each<[unknown, boolean | null]>([
		[true, true],
		[false, false],
		['true', null],
		[undefined, null],
	])('isConfident %j is read as %j', (isConfident, expected) => {
		const image = imageOf('nameCard', { result: { isConfident, name: element('홍길동') } });
		expect(modelDocumentOf(image, 'nameCard').isConfident).toBe(expected);
	});

	test.each<[DocumentModel, string]>([
		['receipt', 'receipt'],
		['creditCard', 'creditCard'],
		['nameCard', 'nameCard'],
		['passport', 'passport'],
	])('%s reads images[0].%s', (model, key) => {
		const document = modelDocumentOf(imageOf(key, { result: { a: element('x') } }), model);
		expect([document.documentType, document.fields]).toEqual([
			model,
			[{ field: 'a', values: [element('x')] }],
		]);
	});
});

describe('modelDocumentOf: shapes that fail', () => {
	function shapeError(run: () => unknown): ResponseShapeError {
		try {
			run();
		} catch (error) {
			if (error instanceof ResponseShapeError) return error;
			throw error;
		}
		throw new Error('no ResponseShapeError');
	}

	test.each<[string, string, unknown, DocumentModel, string]>([
		['no section', 'other', {}, 'receipt', 'images[0].receipt.result is missing'],
		[
			'a section without result',
			'receipt',
			{ meta: {} },
			'receipt',
			'images[0].receipt.result is missing',
		],
		[
			'another model’s section',
			'receipt',
			{ result: {} },
			'creditCard',
			'images[0].creditCard.result is missing',
		],
		[
			'a result that is not an object',
			'receipt',
			{ result: [] },
			'receipt',
			'images[0].receipt.result: expected object',
		],
		[
			'an element whose text is not a string',
			'receipt',
			{ result: { storeInfo: { name: { text: 5 } } } },
			'receipt',
			'images[0].receipt.result.storeInfo.name.text: expected string, got number',
		],
		[
			'an element in an array, its polygon broken',
			'receipt',
			{
				result: {
					storeInfo: {
						tel: [{ text: 'a' }, { text: 'b', boundingPolys: [{ vertices: [{ x: 1 }] }] }],
					},
				},
			},
			'receipt',
			'images[0].receipt.result.storeInfo.tel[1].boundingPolys[0].vertices[0].y: expected number, got undefined',
		],
	])('%s', (_case, key, section, model, reason) => {
		const error = shapeError(() => modelDocumentOf(imageOf(key, section), model));
		expect(error.reason).toBe(reason);
		expect(error.message).toBe(
			`CLOVA OCR sent a response that does not fit the documented shape: ${reason}`,
		);
	});
});
