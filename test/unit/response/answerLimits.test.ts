/**
 * The answer's shape is bounded where it comes in: fields per document, values per field and
 * per image, polygons per value, vertices per polygon, nesting. Past a limit the item fails,
 * naming the limit and none of the content; polygons keep only `vertices` of `{x, y}`.
 */
import { toFieldItems } from '../../../nodes/ClovaOcr/output/fieldItems';
import { ANSWER_LIMITS } from '../../../nodes/ClovaOcr/response/answerLimits';
import { cardOutlineOf } from '../../../nodes/ClovaOcr/response/cardOutline';
import { imageFactsOf } from '../../../nodes/ClovaOcr/response/imageFacts';
import { parseLenientJson } from '../../../nodes/ClovaOcr/response/lenientJson';
import { nestsDeeperThan } from '../../../nodes/ClovaOcr/response/nestingDepth';
import { parseIdCardResponse } from '../../../nodes/ClovaOcr/response/parseResponse';
import { recognizedDocumentOf } from '../../../nodes/ClovaOcr/response/recognizedDocument';
import type { ImageResult } from '../../../nodes/ClovaOcr/response/schema';
import { reviewDocument } from '../../../nodes/ClovaOcr/review/reviewDocument';
import { clovaFixtureText, type ClovaFixture } from '../../fixtures/clovaFixtures';

const SECRET_TEXT = '800101-1234567';
const limitMessage = (limit: number, what: string) =>
	`CLOVA OCR's answer has more than ${limit} ${what} (the node's limit)`;

function answerWith(section: Record<string, unknown>, result: Record<string, unknown> = {}) {
	return JSON.stringify({
		images: [{ inferResult: 'SUCCESS', idCard: { result: { ic: section, ...result } } }],
	});
}

const values = (count: number) => Array.from({ length: count }, () => ({ text: SECRET_TEXT }));

function fieldsOf(fieldCount: number, valuesPerField: number): Record<string, unknown> {
	return Object.fromEntries(
		Array.from({ length: fieldCount }, (_, i) => [`f800101_${i}`, values(valuesPerField)]),
	);
}

function fieldItemsOf(body: string, includePolygons = false) {
	const image = parseIdCardResponse(body).response.images[0];
	const document = recognizedDocumentOf(image);
	return toFieldItems(
		document,
		{ imageName: null, requestId: null, uid: null },
		reviewDocument(document, { runDate: '2026-11-22', minConfidence: 0 }).fields,
		{ includePolygons },
		imageFactsOf(image),
	);
}

/** Fails the way the item does, with the limit's message and no content of the answer (its values and keys hold 800101). */
function expectRefused(body: string, message: string): void {
	let thrown: unknown;
	try {
		fieldItemsOf(body);
	} catch (error) {
		thrown = error;
	}
	expect((thrown as Error)?.message).toBe(message);
	expect((thrown as Error).message).not.toContain('800101');
}

const square = (size: number) => ({
	vertices: [
		{ x: 0, y: 0 },
		{ x: size, y: 0 },
		{ x: size, y: size },
		{ x: 0, y: size },
	],
});

const SUCCESS_FIXTURES: ClovaFixture[] = [
	'ic-success.ko',
	'ic-success.en',
	'dl-success.ko',
	'pp-success.synthetic',
	'ac-success.synthetic',
];

describe('the limits leave a wide margin over the documented examples', () => {
	test.each(SUCCESS_FIXTURES)('%s: at most a quarter of each limit', (fixture) => {
		const text = clovaFixtureText(fixture);
		expect(nestsDeeperThan(parseLenientJson(text), 12)).toBe(false);
		const document = recognizedDocumentOf(parseIdCardResponse(text).response.images[0]);
		expect(document.fields.length * 4).toBeLessThanOrEqual(ANSWER_LIMITS.fieldsPerDocument);
		for (const { values: read } of document.fields) {
			expect(read.length * 16).toBeLessThanOrEqual(ANSWER_LIMITS.valuesPerField);
			for (const value of read) {
				for (const polygon of [...(value.boundingPolys ?? []), ...(value.maskingPolys ?? [])])
					expect(polygon.vertices.length * 16).toBeLessThanOrEqual(
						ANSWER_LIMITS.verticesPerPolygon,
					);
			}
		}
	});

	test('the numbers', () => {
		expect(ANSWER_LIMITS).toEqual({
			fieldsPerDocument: 64,
			valuesPerField: 32,
			valuesPerImage: 512,
			polygonsPerValue: 16,
			verticesPerPolygon: 64,
			nestingDepth: 32,
			pagesPerAnswer: 100,
			wordsPerPage: 5000,
			wordsPerAnswer: 20000,
			tablesPerPage: 64,
			cellsPerTable: 4096,
			linesPerCell: 64,
			wordsPerCell: 256,
			cellWordsPerAnswer: 20000,
			gridCellsPerTable: 10000,
			gridCellsPerAnswer: 40000,
			tableCharactersPerAnswer: 4_000_000,
		});
	});
});

describe('fields per document', () => {
	test('64 fields give 64 items', () => {
		expect(fieldItemsOf(answerWith(fieldsOf(64, 1)))).toHaveLength(64);
	});

	test('65 fail the item', () => {
		expectRefused(answerWith(fieldsOf(65, 1)), limitMessage(64, 'fields in one document'));
	});

	test('an answer of 80,000 one-value fields (about 1 MB) fails without reading a value', () => {
		let reads = 0;
		const section: Record<string, unknown> = {};
		for (let i = 0; i < 80_000; i++)
			section[`f${i}`] = [
				{
					get text() {
						reads++;
						return 'A';
					},
				},
			];
		const image: ImageResult = { inferResult: 'SUCCESS', idCard: { result: { ic: section } } };
		expect(() => recognizedDocumentOf(image)).toThrow(limitMessage(64, 'fields in one document'));
		expect(reads).toBe(0);
	});
});

describe('values per field and per image', () => {
	test('32 values of one field give 32 items', () => {
		expect(fieldItemsOf(answerWith(fieldsOf(1, 32)))).toHaveLength(32);
	});

	test('33 fail the item', () => {
		expectRefused(answerWith(fieldsOf(1, 33)), limitMessage(32, 'values in one field'));
	});

	test('80,000 values of one field fail before any is read', () => {
		let reads = 0;
		const many = Array.from({ length: 80_000 }, () => ({
			get text() {
				reads++;
				return 'A';
			},
		}));
		const image: ImageResult = {
			inferResult: 'SUCCESS',
			idCard: { result: { ic: { name: many } } },
		};
		expect(() => recognizedDocumentOf(image)).toThrow(limitMessage(32, 'values in one field'));
		expect(reads).toBe(0);
	});

	test('512 values in one image give 512 items', () => {
		expect(fieldItemsOf(answerWith(fieldsOf(16, 32)))).toHaveLength(512);
	});

	test('513 fail the item, after reading at most one field past the limit', () => {
		expectRefused(
			answerWith({ ...fieldsOf(16, 32), last: values(1) }),
			limitMessage(512, 'values (output items) in one image'),
		);
		let reads = 0;
		const counted = () =>
			Array.from({ length: 32 }, () => ({
				get text() {
					reads++;
					return 'A';
				},
			}));
		const section = Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`f${i}`, counted()]));
		const image: ImageResult = { inferResult: 'SUCCESS', idCard: { result: { ic: section } } };
		expect(() => recognizedDocumentOf(image)).toThrow(
			limitMessage(512, 'values (output items) in one image'),
		);
		expect(reads).toBeLessThanOrEqual(512 + 32);
	});
});

describe('polygons: bounded, and only vertices of x and y', () => {
	const withPolygons = (boundingPolys: unknown, maskingPolys: unknown = []) =>
		answerWith({ name: [{ text: 'A', boundingPolys, maskingPolys }] });

	test('16 polygons of 64 vertices are output', () => {
		const polygon = { vertices: Array.from({ length: 64 }, (_, i) => ({ x: i, y: i })) };
		const [item] = fieldItemsOf(withPolygons(Array(16).fill(polygon)), true);
		expect(item.boundingPolys).toHaveLength(16);
		expect(item.boundingPolys?.[15].vertices).toHaveLength(64);
	});

	test('17 polygons in one value fail the item', () => {
		expectRefused(
			withPolygons([], Array(17).fill(square(1))),
			limitMessage(16, 'polygons in one value'),
		);
	});

	test('65 vertices in one polygon fail the item', () => {
		const polygon = { vertices: Array.from({ length: 65 }, (_, i) => ({ x: i, y: i })) };
		expectRefused(withPolygons([polygon]), limitMessage(64, 'vertices in one polygon'));
	});

	test('every other key of a vertex and of a polygon is dropped', () => {
		const body = withPolygons(
			[
				{
					note: SECRET_TEXT,
					vertices: [
						{ x: 1, y: 2, z: 3, label: SECRET_TEXT, nested: [[[{ deep: SECRET_TEXT }]]] },
						{ y: 4, x: 5, extra: { a: 1 } },
					],
				},
			],
			[{ vertices: [{ x: 6, y: 7, text: SECRET_TEXT }], kind: 'mask' }],
		);
		const [item] = fieldItemsOf(body, true);
		expect(item.boundingPolys).toEqual([
			{
				vertices: [
					{ x: 1, y: 2 },
					{ x: 5, y: 4 },
				],
			},
		]);
		expect(item.maskingPolys).toEqual([{ vertices: [{ x: 6, y: 7 }] }]);
		expect(Object.keys(item.boundingPolys?.[0] ?? {})).toEqual(['vertices']);
		expect(JSON.stringify([item.boundingPolys, item.maskingPolys])).not.toContain('800101');
	});
});

describe('nesting', () => {
	const nestedIn = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
	// images[0].idCard.result.ic.name[0].boundingPolys[0].vertices[0]: a vertex is 12 levels deep.
	const vertexWith = (extra: string) =>
		`{"images":[{"inferResult":"SUCCESS","idCard":{"result":{"ic":{"name":[{"text":"A","boundingPolys":[{"vertices":[{"x":1,"y":2,"extra":${extra}}]}]}]}}}}]}`;

	test('a vertex carrying 20 levels (32 in all) is read, the extra levels dropped', () => {
		const [item] = fieldItemsOf(vertexWith(nestedIn(20)), true);
		expect(item.boundingPolys).toEqual([{ vertices: [{ x: 1, y: 2 }] }]);
	});

	test('33 levels fail the item', () => {
		expectRefused(vertexWith(nestedIn(21)), limitMessage(32, 'levels of nesting'));
	});

	test('a vertex carrying an array 200,000 levels deep fails the item, the stack intact', () => {
		expectRefused(vertexWith(nestedIn(200_000)), limitMessage(32, 'levels of nesting'));
	});

	test('nestsDeeperThan counts containers, not scalars', () => {
		expect(nestsDeeperThan(7, 0)).toBe(false);
		expect(nestsDeeperThan({}, 1)).toBe(false);
		expect(nestsDeeperThan({}, 0)).toBe(true);
		expect(nestsDeeperThan({ a: [1, { b: 'x' }] }, 3)).toBe(false);
		expect(nestsDeeperThan({ a: [1, { b: [] }] }, 3)).toBe(true);
	});
});

describe('the card outline (rois) is never a reason to fail', () => {
	test('more points than a polygon may have give no outline, not an error', () => {
		const rois = Array.from({ length: 200_000 }, (_, i) => ({ x: i, y: i }));
		expect(cardOutlineOf(rois)).toBeNull();
		const [item] = fieldItemsOf(answerWith(fieldsOf(1, 1), { rois }));
		expect(item.field).toBe('f800101_0');
	});

	test('64 points are an outline', () => {
		const rois = Array.from({ length: 64 }, (_, i) => ({ x: i, y: 2 * i }));
		expect(cardOutlineOf(rois)?.vertices).toHaveLength(64);
	});
});
