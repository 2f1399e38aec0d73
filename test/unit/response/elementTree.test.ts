/**
 * flattenElements: every element of a Document OCR result tree, whatever the model, with the
 * field it belongs to and its position; unknown keys survive, hostile keys are plain keys, and
 * the answer limits hold.
 */
import fc from 'fast-check';

import { ANSWER_LIMITS } from '../../../nodes/ClovaOcr/response/answerLimits';
import { flattenElements } from '../../../nodes/ClovaOcr/response/elementTree';
import { ResponseShapeError } from '../../../nodes/ClovaOcr/response/responseShapeError';

const square = {
	vertices: [
		{ x: 0, y: 0 },
		{ x: 10, y: 0 },
		{ x: 10, y: 10 },
		{ x: 0, y: 10 },
	],
};

/** The start of NAVER's receipt example (clova-products.md), completed along the documented tree. */
const RECEIPT_RESULT = {
	storeInfo: {
		name: {
			text: 'emart everyday',
			formatted: { value: 'emart everyday' },
			keyText: '',
			confidenceScore: 0.9,
			boundingPolys: [square],
		},
		bizNum: { text: '212-81-25544', formatted: { value: '2128125544' } },
		addresses: [{ text: '경기도 성남시 분당구' }],
		tel: [
			{ text: '(031)786-1171', formatted: { value: '0317861171' } },
			{ text: '(031)786-1172', formatted: { value: '0317861172' } },
		],
	},
	paymentInfo: {
		date: { text: '2020-04-16', formatted: { year: '2020', month: '04', day: '16' } },
		time: { text: '12:30:01', formatted: { hour: '12', minute: '30', second: '01' } },
		cardInfo: { company: { text: '신한카드' }, number: { text: '9410-61**-****-123*' } },
		confirmNum: { text: '30012345' },
	},
	subResults: [
		{
			items: [
				{ name: { text: '우유' }, count: { text: '1' }, price: { price: { text: '2,500' } } },
				{
					name: { text: '빵' },
					count: { text: '2' },
					price: { price: { text: '6,000' }, unitPrice: { text: '3,000' } },
				},
			],
		},
	],
	totalPrice: { price: { text: '8,500', formatted: { value: '8500' } } },
};

const flat = (result: unknown) =>
	flattenElements(result).map(({ path, field, index, element }) => [
		path,
		field,
		index,
		element.text,
	]);

function thrown(run: () => unknown): Error {
	try {
		run();
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a throw');
}

describe('the receipt example', () => {
	test('single leaves, arrays and arrays of containers, in document order', () => {
		expect(flat(RECEIPT_RESULT)).toEqual([
			['storeInfo.name', 'storeInfo.name', 0, 'emart everyday'],
			['storeInfo.bizNum', 'storeInfo.bizNum', 0, '212-81-25544'],
			['storeInfo.addresses[0]', 'storeInfo.addresses', 0, '경기도 성남시 분당구'],
			['storeInfo.tel[0]', 'storeInfo.tel', 0, '(031)786-1171'],
			['storeInfo.tel[1]', 'storeInfo.tel', 1, '(031)786-1172'],
			['paymentInfo.date', 'paymentInfo.date', 0, '2020-04-16'],
			['paymentInfo.time', 'paymentInfo.time', 0, '12:30:01'],
			['paymentInfo.cardInfo.company', 'paymentInfo.cardInfo.company', 0, '신한카드'],
			['paymentInfo.cardInfo.number', 'paymentInfo.cardInfo.number', 0, '9410-61**-****-123*'],
			['paymentInfo.confirmNum', 'paymentInfo.confirmNum', 0, '30012345'],
			['subResults[0].items[0].name', 'subResults[0].items[0].name', 0, '우유'],
			['subResults[0].items[0].count', 'subResults[0].items[0].count', 0, '1'],
			['subResults[0].items[0].price.price', 'subResults[0].items[0].price.price', 0, '2,500'],
			['subResults[0].items[1].name', 'subResults[0].items[1].name', 0, '빵'],
			['subResults[0].items[1].count', 'subResults[0].items[1].count', 0, '2'],
			['subResults[0].items[1].price.price', 'subResults[0].items[1].price.price', 0, '6,000'],
			[
				'subResults[0].items[1].price.unitPrice',
				'subResults[0].items[1].price.unitPrice',
				0,
				'3,000',
			],
			['totalPrice.price', 'totalPrice.price', 0, '8,500'],
		]);
	});

	test('elements are parsed as the ID card values are: formatted kept, polygons trimmed', () => {
		const [name] = flattenElements({
			name: { ...RECEIPT_RESULT.storeInfo.name, boundingPolys: [{ ...square, extra: 1 }] },
		});
		expect(name.element).toEqual({
			text: 'emart everyday',
			formatted: { value: 'emart everyday' },
			keyText: '',
			confidenceScore: 0.9,
			boundingPolys: [square],
		});
	});

	test('the result as it sits in the answer: meta beside it gives nothing', () => {
		const image = { receipt: { meta: { estimatedLanguage: 'ko' }, result: RECEIPT_RESULT } };
		expect(flattenElements(image.receipt).map((e) => e.field)[0]).toBe('result.storeInfo.name');
		expect(flattenElements({ meta: { estimatedLanguage: 'ko' } })).toEqual([]);
	});
});

describe('any tree', () => {
	test('nested arrays: the inner array is the field', () => {
		expect(flat({ rows: [[{ text: 'a' }, { text: 'b' }], [{ text: 'c' }]] })).toEqual([
			['rows[0][0]', 'rows[0]', 0, 'a'],
			['rows[0][1]', 'rows[0]', 1, 'b'],
			['rows[1][0]', 'rows[1]', 0, 'c'],
		]);
	});

	test('a mixed array: elements keep their array position, containers put it in the path', () => {
		expect(flat({ a: [1, { text: 'x' }, { inner: { text: 'y' } }, 'str', { text: 'z' }] })).toEqual(
			[
				['a[1]', 'a', 1, 'x'],
				['a[2].inner', 'a[2].inner', 0, 'y'],
				['a[4]', 'a', 4, 'z'],
			],
		);
	});

	test('unknown keys survive: new fields, unknown models, extra keys inside an element', () => {
		const result = {
			cardholderName: [{ text: 'HONG GILDONG', newKey: { deep: true } }],
			future: { section: { value: { text: '1', formatted: { value: '1', currency: 'KRW' } } } },
		};
		const elements = flattenElements(result);
		expect(elements.map((e) => [e.field, e.index])).toEqual([
			['cardholderName', 0],
			['future.section.value', 0],
		]);
		expect(elements[0].element).toMatchObject({ newKey: { deep: true } });
		expect(elements[1].element.formatted).toEqual({ value: '1', currency: 'KRW' });
	});

	test('numbers, strings, booleans, null and objects without elements give nothing', () => {
		expect(
			flattenElements({ a: 1, b: 'x', c: null, d: true, e: { f: [1, 2, { g: 'h' }] } }),
		).toEqual([]);
		for (const value of [null, undefined, 1, 'text', [], {}])
			expect(flattenElements(value)).toEqual([]);
	});

	test('an element at the root, and a root array of elements', () => {
		expect(flat({ text: 'r' })).toEqual([['', '', 0, 'r']]);
		expect(flat([{ text: 'a' }, { text: 'b' }])).toEqual([
			['[0]', '', 0, 'a'],
			['[1]', '', 1, 'b'],
		]);
	});

	test('odd keys are written as JSON strings in brackets, so none passes for a path', () => {
		expect(
			flat({ 'a.b': { text: '1' }, 'x[0]': [{ text: '2' }], '': { 'c d': { text: '3' } } }),
		).toEqual([
			['["a.b"]', '["a.b"]', 0, '1'],
			['["x[0]"][0]', '["x[0]"]', 0, '2'],
			['[""]["c d"]', '[""]["c d"]', 0, '3'],
		]);
	});

	test('walks 100,000 containers without recursion', () => {
		const wide = { rows: Array.from({ length: 100_000 }, (_, i) => ({ n: i, sub: { m: [i] } })) };
		expect(flattenElements(wide)).toEqual([]);
	});
});

describe('hostile keys are plain keys', () => {
	test('__proto__, constructor and prototype as keys of containers and elements', () => {
		const result = JSON.parse(
			'{"__proto__":{"name":{"text":"p"}},"constructor":[{"text":"c"}],' +
				'"prototype":{"__proto__":[{"text":"q","__proto__":{"polluted":true}}]},' +
				'"hasOwnProperty":{"text":"h"}}',
		) as unknown;
		const elements = flattenElements(result);
		expect(elements.map((e) => [e.path, e.field, e.index, e.element.text])).toEqual([
			['__proto__.name', '__proto__.name', 0, 'p'],
			['constructor[0]', 'constructor', 0, 'c'],
			['prototype.__proto__[0]', 'prototype.__proto__', 0, 'q'],
			['hasOwnProperty', 'hasOwnProperty', 0, 'h'],
		]);
		for (const { element } of elements)
			expect(Object.getPrototypeOf(element)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect((elements[2].element as Record<string, unknown>).polluted).toBeUndefined();
	});

	test('inherited properties are not walked', () => {
		const inherited = Object.create({ name: { text: 'inherited' } }) as object;
		expect(flattenElements({ a: inherited })).toEqual([]);
		// An inherited `text` does not make an element either.
		expect(flattenElements({ a: Object.create({ text: 'x' }) as object })).toEqual([]);
	});
});

describe('an object with `text` that is not an element fails with its path', () => {
	test.each([
		[
			'text not a string',
			{ storeInfo: { name: { text: 12 } } },
			'storeInfo.name.text: expected string, got number',
		],
		['text an object', { a: [{ text: { text: 'x' } }] }, 'a[0].text: expected string, got object'],
		[
			'a bad polygon',
			{ a: { b: { text: 'x', boundingPolys: [{ vertices: [{ x: 'a', y: 0 }] }] } } },
			'a.b.boundingPolys[0].vertices[0].x: expected number, got string',
		],
		[
			'a bad score',
			{ t: { text: 'x', confidenceScore: '0.9' } },
			't.confidenceScore: expected number, got string',
		],
	])('%s', (_case, result, reason) => {
		const error = thrown(() => flattenElements(result));
		expect(error).toBeInstanceOf(ResponseShapeError);
		expect((error as ResponseShapeError).reason).toBe(reason);
	});

	test('rootPath prefixes the path of the error, positions written as positions', () => {
		const error = thrown(() =>
			flattenElements({ tel: [{ text: 1 }] }, ['images', '0', 'receipt', 'result']),
		) as ResponseShapeError;
		expect(error.reason).toBe('images[0].receipt.result.tel[0].text: expected string, got number');
	});

	test('the error names no content of the answer', () => {
		const error = thrown(() => flattenElements({ '800101-1234567': { text: ['800101-1234567'] } }));
		expect(error.message).not.toContain('800101');
	});
});

describe('the answer limits', () => {
	const elements = (count: number) => Array.from({ length: count }, (_, i) => ({ text: `v${i}` }));
	const limitMessage = (limit: number, what: string) =>
		`CLOVA OCR's answer has more than ${limit} ${what} (the node's limit)`;

	test('values per image: 512 pass, 513 fail', () => {
		const fields = (count: number) =>
			Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, { text: `${i}` }]));
		expect(flattenElements(fields(ANSWER_LIMITS.valuesPerImage))).toHaveLength(512);
		expect(thrown(() => flattenElements(fields(ANSWER_LIMITS.valuesPerImage + 1))).message).toBe(
			limitMessage(512, 'values (output items) in one image'),
		);
		// Spread over the lines of a receipt too.
		const lines = (count: number) => ({
			subResults: [
				{
					items: Array.from({ length: count }, () => ({
						name: { text: 'n' },
						price: { price: { text: '1' } },
					})),
				},
			],
		});
		expect(flattenElements(lines(256))).toHaveLength(512);
		expect(() => flattenElements(lines(257))).toThrow(ResponseShapeError);
	});

	test('values in one array: 32 pass, 33 fail; arrays of containers are not fields', () => {
		expect(flattenElements({ tel: elements(ANSWER_LIMITS.valuesPerField) })).toHaveLength(32);
		expect(thrown(() => flattenElements({ tel: elements(33) })).message).toBe(
			limitMessage(32, 'values in one field'),
		);
		const items = Array.from({ length: 100 }, () => ({ price: { text: '1' } }));
		expect(flattenElements({ items })).toHaveLength(100);
	});

	test('polygons per element and vertices per polygon', () => {
		const polys = (count: number) => Array.from({ length: count }, () => square);
		expect(flattenElements({ a: { text: 'x', boundingPolys: polys(16) } })).toHaveLength(1);
		expect(
			thrown(() => flattenElements({ a: { text: 'x', maskingPolys: polys(17) } })).message,
		).toBe(limitMessage(16, 'polygons in one value'));
		const vertices = Array.from({ length: 65 }, () => ({ x: 0, y: 0 }));
		expect(
			thrown(() => flattenElements({ a: [{ text: 'x', boundingPolys: [{ vertices }] }] })).message,
		).toBe(limitMessage(64, 'vertices in one polygon'));
	});

	test('nesting, counted from the body through rootPath', () => {
		const nested = (levels: number): unknown => {
			let value: unknown = { text: 'deep' };
			for (let i = 1; i < levels; i++) value = { a: value };
			return value;
		};
		expect(flattenElements(nested(32))).toHaveLength(1);
		expect(thrown(() => flattenElements(nested(33))).message).toBe(
			limitMessage(32, 'levels of nesting'),
		);
		const root = ['images', '0', 'receipt', 'result'];
		expect(flattenElements(nested(28), root)).toHaveLength(1);
		expect(() => flattenElements(nested(29), root)).toThrow(ResponseShapeError);
		// Deep junk inside an element counts too (n8n serializes it).
		expect(() => flattenElements({ text: 'x', junk: nested(40) })).toThrow(ResponseShapeError);
		// 200,000 levels are refused without overflowing the stack.
		expect(() => flattenElements(nested(200_000))).toThrow(ResponseShapeError);
	});
});

// A generated tree, and where its elements are: the oracle builds the paths by hand.
type Tree =
	| { kind: 'element' }
	| { kind: 'scalar'; value: unknown }
	| { kind: 'object'; entries: Array<[string, Tree]> }
	| { kind: 'array'; items: Tree[] };

const KEYS = fc
	.oneof(
		fc.constantFrom(
			'__proto__',
			'constructor',
			'prototype',
			'toString',
			'hasOwnProperty',
			'valueOf',
			'storeInfo',
			'tel',
			'price',
			'meta',
			'a.b',
			'x[0]',
			'',
			'0',
		),
		fc.string({ maxLength: 6 }),
	)
	.filter((key) => key !== 'text');

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
	tree: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		fc.constant<Tree>({ kind: 'element' }),
		fc
			.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null))
			.map((value): Tree => ({ kind: 'scalar', value })),
		fc
			.uniqueArray(fc.tuple(KEYS, tie('tree')), { maxLength: 5, selector: ([key]) => key })
			.map((entries): Tree => ({ kind: 'object', entries })),
		fc.array(tie('tree'), { maxLength: 5 }).map((items): Tree => ({ kind: 'array', items })),
	),
}));

interface Placed {
	text: string;
	path: string;
	field: string;
	index: number;
}

const plainKey = (key: string) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key);
const member = (path: string, key: string) =>
	plainKey(key) ? (path === '' ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`;

/** The JSON of a tree (every key an own property, `__proto__` included) and its elements. */
function build(root: Tree): { json: unknown; placed: Placed[] } {
	const placed: Placed[] = [];
	const make = (node: Tree, path: string, field: string, index: number): unknown => {
		switch (node.kind) {
			case 'element': {
				const text = `element ${placed.length}`;
				placed.push({ text, path, field, index });
				return { text, formatted: { value: text }, confidenceScore: 0.5, boundingPolys: [square] };
			}
			case 'scalar':
				return node.value;
			case 'array':
				return node.items.map((item, i) => make(item, `${path}[${i}]`, path, i));
			case 'object': {
				const object: Record<string, unknown> = {};
				for (const [key, child] of node.entries) {
					const childPath = member(path, key);
					Object.defineProperty(object, key, {
						value: make(child, childPath, childPath, 0),
						enumerable: true,
						writable: true,
						configurable: true,
					});
				}
				return object;
			}
		}
	};
	const json = make(root, '', '', 0);
	return { json, placed };
}

test('every element placed in a generated tree is found once, at its field and index, and nothing else', () => {
	fc.assert(
		fc.property(tree, (generated) => {
			const { json, placed } = build(generated);
			const found = flattenElements(json).map(({ path, field, index, element }) => ({
				text: element.text,
				path,
				field,
				index,
			}));
			// Integer-like keys come first in a JS object whatever their order: compare as sets.
			const byText = (a: Placed, b: Placed) => a.text.localeCompare(b.text);
			expect(found.sort(byText)).toEqual([...placed].sort(byText));
			expect(new Set(found.map((e) => e.path)).size).toBe(found.length);
			// Through JSON too, as the service's answer comes.
			expect(flattenElements(JSON.parse(JSON.stringify(json)) as unknown)).toHaveLength(
				placed.length,
			);
		}),
		{ numRuns: 500, seed: 7 },
	);
});
