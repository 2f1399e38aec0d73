/**
 * businessDocumentOf: the certificate in `images[0].bizLicense.result`, every key a field,
 * arrays of elements or single elements, the result's meta keys skipped, any other value a
 * shape error naming its path.
 */
import { businessDocumentOf } from '../../../nodes/ClovaOcr/actions/businessRegistration/businessDocument';
import { parseIdCardResponse } from '../../../nodes/ClovaOcr/response/parseResponse';
import { ResponseShapeError } from '../../../nodes/ClovaOcr/response/responseShapeError';
import type { ImageResult } from '../../../nodes/ClovaOcr/response/schema';

/** images[0] of an answer with `sectionJson` (JSON text, so hostile keys stay own keys) at `key`. */
function imageOf(sectionJson: string, key = 'bizLicense'): ImageResult {
	const body = `{"version":"V2","requestId":"r","timestamp":1,"images":[{"uid":"u","name":"biz","inferResult":"SUCCESS","message":"SUCCESS",${JSON.stringify(key)}:${sectionJson}}]}`;
	return parseIdCardResponse(body).response.images[0];
}

const element = (text: string, extra: object = {}) => ({
	text,
	formatted: { value: text },
	...extra,
});
const resultJson = (result: object) =>
	JSON.stringify({ meta: { estimatedLanguage: 'ko' }, result });

const fieldsOf = (image: ImageResult) =>
	businessDocumentOf(image).fields.map(({ field, values }) => [field, values.map((v) => v.text)]);

describe('businessDocumentOf', () => {
	test('arrays of elements and single elements, in the order sent', () => {
		const image = imageOf(
			resultJson({
				registerNumber: [element('201-86-12345', { keyText: '등록번호' })],
				repName: element('홍길동'),
				bisType: [element('서비스업'), element('도매 및 소매업')],
				coRepName: [],
			}),
		);
		expect(businessDocumentOf(image)).toEqual({
			documentType: 'businessRegistration',
			idType: null,
			isConfident: null,
			fields: [
				{ field: 'registerNumber', values: [element('201-86-12345', { keyText: '등록번호' })] },
				{ field: 'repName', values: [element('홍길동')] },
				{ field: 'bisType', values: [element('서비스업'), element('도매 및 소매업')] },
				{ field: 'coRepName', values: [] },
			],
		});
	});

	test.each<[string, object, boolean | null]>([
		['isConfident true', { isConfident: true }, true],
		['isConfident false', { isConfident: false }, false],
		['isConfident not a boolean', { isConfident: 'yes' }, null],
		['no isConfident', {}, null],
	])('%s: read as isConfident, never a field', (_case, meta, isConfident) => {
		const image = imageOf(resultJson({ ...meta, repName: [element('홍길동')] }));
		const document = businessDocumentOf(image);
		expect([document.isConfident, fieldsOf(image)]).toEqual([
			isConfident,
			[['repName', ['홍길동']]],
		]);
	});

	test('meta keys (isConfident, rois, idtype, idType) are skipped, whatever they hold', () => {
		const image = imageOf(
			resultJson({
				rois: [{ vertices: [{ x: 1, y: 2 }] }],
				idtype: 'Business',
				idType: [element('x')],
				isConfident: true,
				socialNumber: [element('800101-1234567')],
			}),
		);
		expect(fieldsOf(image)).toEqual([['socialNumber', ['800101-1234567']]]);
	});

	test('a hostile `__proto__` key is a field like any other, and sets no prototype', () => {
		const image = imageOf(
			`{"result":{"__proto__":[{"text":"x"}],"constructor":{"text":"y"},"repName":[{"text":"홍길동"}]}}`,
		);
		const document = businessDocumentOf(image);
		expect(fieldsOf(image)).toEqual([
			['__proto__', ['x']],
			['constructor', ['y']],
			['repName', ['홍길동']],
		]);
		expect(Object.getPrototypeOf(document.fields[0])).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).text).toBeUndefined();
	});

	function reasonOf(image: ImageResult): string {
		try {
			businessDocumentOf(image);
		} catch (error) {
			if (error instanceof ResponseShapeError) return error.reason;
			throw error;
		}
		throw new Error('no ResponseShapeError');
	}

	test.each<[string, ImageResult, string]>([
		['no section', imageOf('{"result":{}}', 'idCard'), 'images[0].bizLicense.result is missing'],
		['no result', imageOf('{"meta":{}}'), 'images[0].bizLicense.result is missing'],
		[
			'a result that is not an object',
			imageOf('{"result":[1]}'),
			'images[0].bizLicense.result: expected object',
		],
	])('%s fails naming the result', (_case, image, reason) => {
		expect(reasonOf(image)).toBe(reason);
	});

	/** Where a field's value breaks the shape; the path after the model's key. */
	const BROKEN_FIELDS: Array<[string, string, string]> = [
		[
			'a string where a field belongs',
			'{"repName":"홍길동"}',
			'repName: expected array, got string',
		],
		[
			'an object without text (not an element)',
			'{"repName":{"value":"홍길동"}}',
			'repName: expected array, got object',
		],
		['null where a field belongs', '{"repName":null}', 'repName: expected array, got null'],
		[
			'a single element whose text is not a string',
			'{"repName":{"text":5}}',
			'repName[0].text: expected string, got number',
		],
		[
			'an array entry that is not an element',
			'{"repName":[{"text":"a"},"b"]}',
			'repName[1]: expected object, got string',
		],
	];

	test.each(BROKEN_FIELDS)('%s fails with its path', (_case, result, path) => {
		expect(reasonOf(imageOf(`{"result":${result}}`))).toBe(`images[0].bizLicense.result.${path}`);
	});

	// The certificate's own keys hold runs of letters OCR reads for digits (`bizLi`, `bis`, `gis`,
	// `iss`): written as they are, not scrubbed like service text (responseShapeError.ts).
	test.each([
		['{"bisType":"서비스업"}', 'images[0].bizLicense.result.bisType: expected array, got string'],
		[
			'{"registerNumber":[{"text":1}]}',
			'images[0].bizLicense.result.registerNumber[0].text: expected string, got number',
		],
		[
			'{"corpRegisterNum":{"text":"x","confidenceScore":"high"}}',
			'images[0].bizLicense.result.corpRegisterNum[0].confidenceScore: expected number, got string',
		],
		['{"bisItem":1}', 'images[0].bizLicense.result.bisItem: expected array, got number'],
		['{"bisAddress":true}', 'images[0].bizLicense.result.bisAddress: expected array, got boolean'],
		['{"bisArea":"x"}', 'images[0].bizLicense.result.bisArea: expected array, got string'],
		[
			'{"issuanceDate":"x"}',
			'images[0].bizLicense.result.issuanceDate: expected array, got string',
		],
		[
			'{"issuanceReason":[{"text":"x","boundingPolys":[{"vertices":[{"x":1}]}]}]}',
			'images[0].bizLicense.result.issuanceReason[0].boundingPolys[0].vertices[0].y: expected number, got undefined',
		],
	])('%s fails naming its path exactly', (result, reason) => {
		expect(reasonOf(imageOf(`{"result":${result}}`))).toBe(reason);
	});

	test.each([
		// A key the node does not document is the service's text: runs OCR reads for digits masked.
		['{"bisCategory":"x"}', 'images[0].bizLicense.result.***Category: expected array, got string'],
		[
			'{"rep900101_1234567":"x"}',
			'images[0].bizLicense.result.rep******_*******: expected array, got string',
		],
		['{"900101-1234567":"x"}', 'images[0].bizLicense.result.(a key): expected array, got string'],
	])('an unknown key %s is scrubbed', (result, reason) => {
		expect(reasonOf(imageOf(`{"result":${result}}`))).toBe(reason);
	});
});
