/**
 * templateDocumentOf: Template OCR's `images[].fields` as a document, field by field in the
 * order sent, sub-fields after their parent, repeated names as values; wrong types fail with
 * their path, and the answer limits hold.
 */
import { templateDocumentOf } from '../../../../nodes/ClovaOcr/actions/template/templateDocument';
import { ANSWER_LIMITS } from '../../../../nodes/ClovaOcr/response/answerLimits';
import { ResponseShapeError } from '../../../../nodes/ClovaOcr/response/responseShapeError';
import { templateAnswer, templateImageOf } from '../../../fixtures/template/templateAnswers';

const box = (x: number, y: number, width: number, height: number) => ({
	vertices: [
		{ x, y },
		{ x: x + width, y },
		{ x: x + width, y: y + height },
		{ x, y: y + height },
	],
});

const image = (fields: unknown, extra: object = {}) =>
	templateImageOf({ inferResult: 'SUCCESS', fields, ...extra });

const fieldNames = (fields: unknown) =>
	templateDocumentOf(image(fields)).fields.map(({ field, values }) => [field, values.length]);

function shapeError(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ResponseShapeError);
		return (error as Error).message;
	}
	throw new Error('no error');
}

describe('templateDocumentOf, on the hand-written answer', () => {
	const document = templateDocumentOf(templateAnswer().response.images[0]);

	test('one field per name, in the order sent; sub-fields after their parent', () => {
		expect(document).toEqual({
			documentType: 'template',
			idType: null,
			isConfident: null,
			fields: [
				{
					field: '회사명',
					values: [
						{
							text: '주식회사 견본',
							confidenceScore: 0.9987,
							boundingPolys: [box(100, 100, 200, 30)],
						},
					],
				},
				{
					field: '주민등록번호',
					values: [
						{
							text: '900101-1234567',
							confidenceScore: 0.9912,
							boundingPolys: [box(100, 150, 220, 30)],
						},
					],
				},
				{
					field: '동의',
					values: [
						{
							text: '',
							confidenceScore: 0.97,
							boundingPolys: [box(100, 200, 20, 20)],
							checked: true,
						},
					],
				},
				{
					field: '연락처',
					values: [
						{ text: '견본 연락처', confidenceScore: 0.95, boundingPolys: [box(100, 250, 400, 80)] },
					],
				},
				{
					field: '연락처.전화',
					values: [
						{ text: '02-555-0100', confidenceScore: 0.93, boundingPolys: [box(100, 250, 200, 30)] },
					],
				},
				{
					field: '연락처.이메일',
					values: [{ text: 'sample@example.com', confidenceScore: 0.91 }],
				},
				{ field: '연락처.field2', values: [{ text: '견본', checked: false }] },
				{
					field: '품목',
					values: [
						{ text: '사과', confidenceScore: 0.9, boundingPolys: [box(100, 350, 100, 30)] },
						{ text: '배', confidenceScore: 0.85, boundingPolys: [box(100, 450, 100, 30)] },
					],
				},
				{
					field: 'field5',
					values: [
						{ text: '메모 견본', confidenceScore: 0.8, boundingPolys: [box(100, 400, 100, 30)] },
					],
				},
				{ field: '비고', values: [{ text: '없음' }] },
			],
			columns: {
				document: { templateId: 31337, templateName: '견본 신청서 (SPECIMEN)' },
				valueKey: 'checked',
			},
		});
	});

	test('keys the node does not read (valueType, type, lineBreak) are not kept', () => {
		const keys = document.fields.flatMap(({ values }) => values.flatMap((v) => Object.keys(v)));
		expect([...new Set(keys)].sort()).toEqual([
			'boundingPolys',
			'checked',
			'confidenceScore',
			'text',
		]);
	});
});

describe('templateDocumentOf, lenient where the shape is not documented', () => {
	test('no matchedTemplate: the template columns are null', () => {
		expect(templateDocumentOf(image([])).columns.document).toEqual({
			templateId: null,
			templateName: null,
		});
	});

	test('matchedTemplate without a name, or without an id', () => {
		expect(templateDocumentOf(image([], { matchedTemplate: { id: 7 } })).columns.document).toEqual({
			templateId: 7,
			templateName: null,
		});
		expect(
			templateDocumentOf(image([], { matchedTemplate: { name: 'form' } })).columns.document,
		).toEqual({ templateId: null, templateName: 'form' });
	});

	test('no fields: a document without fields', () => {
		expect(templateDocumentOf(image(undefined)).fields).toEqual([]);
	});

	test('a checkbox without inferText: its text is empty, its state kept', () => {
		expect(templateDocumentOf(image([{ name: 'ok', checked: false }])).fields).toEqual([
			{ field: 'ok', values: [{ text: '', checked: false }] },
		]);
	});

	test('names: empty or blank names are named by position, others kept as sent', () => {
		expect(
			fieldNames([
				{ name: '', inferText: 'a' },
				{ name: '  ', inferText: 'b' },
				{ name: ' 이름 ', inferText: 'c' },
				{ name: 'field0', inferText: 'd' },
			]),
		).toEqual([
			['field0', 2],
			['field1', 1],
			[' 이름 ', 1],
		]);
	});

	test('sub-fields of sub-fields, and unnamed parents', () => {
		expect(
			fieldNames([
				{
					inferText: 'a',
					subFields: [{ name: 'b', inferText: 'b', subFields: [{ inferText: 'c' }] }],
				},
				{ name: 'd', inferText: 'd', subFields: [] },
			]),
		).toEqual([
			['field0', 1],
			['field0.b', 1],
			['field0.b.field0', 1],
			['d', 1],
		]);
	});

	test('a repeated parent adds values; its sub-fields too', () => {
		const sub = (text: string) => ({ name: 's', inferText: text });
		expect(
			fieldNames([
				{ name: 'p', inferText: '1', subFields: [sub('1')] },
				{ name: 'q', inferText: '2' },
				{ name: 'p', inferText: '3', subFields: [sub('3')] },
			]),
		).toEqual([
			['p', 2],
			['p.s', 2],
			['q', 1],
		]);
	});

	test('a hostile `__proto__` name is a field like any other, and sets no prototype', () => {
		const document = templateDocumentOf(
			templateImageOf('{"inferResult":"SUCCESS","fields":[{"name":"__proto__","inferText":"x"}]}'),
		);
		expect(document.fields).toEqual([{ field: '__proto__', values: [{ text: 'x' }] }]);
	});

	test('a `fields` key inherited from the prototype is not read', () => {
		const inherited = Object.create({ fields: [{ name: 'a', inferText: 'a' }] });
		expect(templateDocumentOf(inherited).fields).toEqual([]);
	});
});

describe('templateDocumentOf, broken shapes fail with their path', () => {
	const fails = (fields: unknown, extra: object = {}) =>
		shapeError(() => templateDocumentOf(image(fields, extra)));
	const prefix = 'CLOVA OCR sent a response that does not fit the documented shape: ';

	test.each<[string, unknown, object, string]>([
		['fields not an array', { a: 1 }, {}, 'images[0].fields: expected array, got object'],
		['a field not an object', ['x'], {}, 'images[0].fields[0]: expected object, got string'],
		[
			'inferText a number',
			[{ name: 'a', inferText: 1 }],
			{},
			'images[0].fields[0].inferText: expected string, got number',
		],
		[
			'neither inferText nor checked',
			[{ name: 'a', inferText: 'a' }, { name: 'b' }],
			{},
			'images[0].fields[1].inferText: expected string, got undefined',
		],
		[
			'checked a string',
			[{ name: 'a', inferText: '', checked: 'true' }],
			{},
			'images[0].fields[0].checked: expected boolean, got string',
		],
		[
			'inferConfidence a string',
			[{ name: 'a', inferText: 'a', inferConfidence: '0.9' }],
			{},
			'images[0].fields[0].inferConfidence: expected number, got string',
		],
		[
			'name a number',
			[{ name: 3, inferText: 'a' }],
			{},
			'images[0].fields[0].name: expected string, got number',
		],
		[
			'a vertex without y',
			[{ name: 'a', inferText: 'a', boundingPoly: { vertices: [{ x: 1 }] } }],
			{},
			'images[0].fields[0].boundingPoly.vertices[0].y: expected number, got undefined',
		],
		[
			'subFields not an array',
			[{ name: 'a', inferText: 'a', subFields: {} }],
			{},
			'images[0].fields[0].subFields: expected array, got object',
		],
		[
			'a sub-field of the wrong type',
			[
				{
					name: 'a',
					inferText: 'a',
					subFields: [{ name: 'b', inferText: 'b' }, { inferText: [] }],
				},
			],
			{},
			'images[0].fields[0].subFields[1].inferText: expected string, got array',
		],
		[
			'a sub-field of a sub-field',
			[{ inferText: 'a', subFields: [{ inferText: 'b', subFields: [{ checked: 1 }] }] }],
			{},
			'images[0].fields[0].subFields[0].subFields[0].checked: expected boolean, got number',
		],
		[
			'matchedTemplate.id a string',
			[],
			{ matchedTemplate: { id: '12', name: 'form' } },
			'images[0].matchedTemplate.id: expected number, got string',
		],
		[
			'matchedTemplate not an object',
			[],
			{ matchedTemplate: 'form' },
			'images[0].matchedTemplate: expected object, got string',
		],
	])('%s', (_case, fields, extra, reason) => {
		expect(fails(fields, extra)).toBe(prefix + reason);
	});

	test('title and combineResult are never read, whatever they hold', () => {
		expect(
			templateDocumentOf(image([], { title: 'x', combineResult: { a: [1, { b: null }] } })).fields,
		).toEqual([]);
	});
});

describe('templateDocumentOf, the answer limits', () => {
	const field = (name: string) => ({ name, inferText: 'x' });
	const named = (count: number, name: (i: number) => string) =>
		Array.from({ length: count }, (_, i) => field(name(i)));
	const overLimit = (limit: number, what: string) =>
		`CLOVA OCR's answer has more than ${limit} ${what} (the node's limit)`;

	test('fields in one image: counted before any is read', () => {
		const { valuesPerImage } = ANSWER_LIMITS;
		expect(shapeError(() => templateDocumentOf(image(new Array(valuesPerImage + 1).fill(0))))).toBe(
			overLimit(valuesPerImage, 'fields in one image'),
		);
	});

	test('distinct fields in one document, sub-fields included', () => {
		const { fieldsPerDocument } = ANSWER_LIMITS;
		expect(fieldNames(named(fieldsPerDocument, (i) => `f${i}`))).toHaveLength(fieldsPerDocument);
		expect(shapeError(() => fieldNames(named(fieldsPerDocument + 1, (i) => `f${i}`)))).toBe(
			overLimit(fieldsPerDocument, 'fields in one document'),
		);
		const parent = { ...field('p'), subFields: named(fieldsPerDocument, (i) => `s${i}`) };
		expect(shapeError(() => fieldNames([parent]))).toBe(
			overLimit(fieldsPerDocument, 'fields in one document'),
		);
	});

	test('sub-fields of one field: counted before any is read', () => {
		const { fieldsPerDocument } = ANSWER_LIMITS;
		const parent = { ...field('p'), subFields: new Array(fieldsPerDocument + 1).fill(0) };
		expect(shapeError(() => fieldNames([parent]))).toBe(
			overLimit(fieldsPerDocument, 'sub-fields in one field'),
		);
	});

	test('values of one name', () => {
		const { valuesPerField } = ANSWER_LIMITS;
		expect(fieldNames(named(valuesPerField, () => 'same'))).toEqual([['same', valuesPerField]]);
		expect(shapeError(() => fieldNames(named(valuesPerField + 1, () => 'same')))).toBe(
			overLimit(valuesPerField, 'values in one field'),
		);
	});

	test('values in one image, sub-fields included', () => {
		const { valuesPerImage, valuesPerField } = ANSWER_LIMITS;
		// 32 parents of 4 names, 15 sub-fields each: 64 names of 8 values, 512 values in all.
		const parents = Array.from({ length: 32 }, (_, i) => ({
			...field(`p${i % 4}`),
			subFields: named(15, (k) => `s${k}`),
		}));
		expect(32 * 16).toBe(valuesPerImage);
		expect(valuesPerField).toBe(32);
		expect(fieldNames(parents).reduce((sum, [, n]) => sum + Number(n), 0)).toBe(valuesPerImage);
		const more = [...parents, field('p0')];
		expect(shapeError(() => fieldNames(more))).toBe(
			overLimit(valuesPerImage, 'values (output items) in one image'),
		);
	});

	test('vertices of one polygon', () => {
		const { verticesPerPolygon } = ANSWER_LIMITS;
		const vertices = Array.from({ length: verticesPerPolygon + 1 }, (_, i) => ({ x: i, y: i }));
		expect(shapeError(() => fieldNames([{ ...field('a'), boundingPoly: { vertices } }]))).toBe(
			overLimit(verticesPerPolygon, 'vertices in one polygon'),
		);
	});
});
