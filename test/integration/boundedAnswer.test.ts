/**
 * CLOVA OCR's answer is bounded inside n8n's real engine: an answer past one of the node's limits
 * fails its item with the limit's message, naming none of the content, and what the node
 * outputs always serializes (a vertex's extra keys, however deep, are dropped).
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { startAnsweringServer } from '../fixtures/hostileServer';
import { binaryItem, runClovaNode, sampleFile, type RunOptions } from './harness';

const SECRET = 'bounded-answer-secret-3c9e';
const NUMBER = '800101-1234567';

const answerWith = (section: Record<string, unknown>) =>
	JSON.stringify({
		requestId: 'r',
		images: [{ inferResult: 'SUCCESS', name: 'card', idCard: { result: { ic: section } } }],
	});

const fields = (count: number, values: number) =>
	Object.fromEntries(
		Array.from({ length: count }, (_, i) => [
			`f${i}`,
			Array.from({ length: values }, () => ({ text: NUMBER })),
		]),
	);

const deepVertex =
	`{"images":[{"inferResult":"SUCCESS","idCard":{"result":{"ic":{"name":[{"text":"A","boundingPolys":[{"vertices":[{"x":1,"y":2,"deep":` +
	'['.repeat(200_000) +
	']'.repeat(200_000) +
	'}]}]}]}}}}]}';

let answers: Awaited<ReturnType<typeof startAnsweringServer>>;
beforeAll(async () => {
	answers = await startAnsweringServer({
		fields: { status: 200, body: answerWith(fields(65, 1)) },
		values: { status: 200, body: answerWith(fields(1, 80_000)) },
		items: { status: 200, body: answerWith(fields(17, 32)) },
		deep: { status: 200, body: deepVertex },
		extras: {
			status: 200,
			body: answerWith({
				name: [
					{
						text: 'HONG',
						boundingPolys: [
							{
								note: NUMBER,
								vertices: [{ x: 1, y: 2, label: NUMBER, more: [[[{ a: NUMBER }]]] }],
							},
						],
						maskingPolys: [{ vertices: [{ x: 3, y: 4, z: 5 }], kind: 'mask' }],
					},
				],
			}),
		},
		max: { status: 200, body: answerWith(fields(16, 32)) },
	});
});
afterAll(async () => await answers.close());

async function run(key: string, onError?: RunOptions['onError']) {
	const item: INodeExecutionData = await binaryItem(sampleFile('jpg'), 'card.jpg');
	return await runClovaNode({
		parameters: {
			operation: 'recognizeAnyId',
			options: { includePolygons: true, revealSensitiveValues: false },
		},
		items: [item],
		credentials: { invokeUrl: `${answers.url}/${key}/custom/v1/1/key`, secretKey: SECRET },
		onError,
	});
}

const limit = (what: string) => `CLOVA OCR's answer has more than ${what} (the node's limit)`;

describe('past a limit the item fails, naming the limit', () => {
	test.each([
		['fields', limit('64 fields in one document')],
		['values', limit('32 values in one field')],
		['items', limit('512 values (output items) in one image')],
		['deep', limit('32 levels of nesting')],
	])('%s', async (key, message) => {
		const result = await run(key);
		expect(result.error?.message).toBe(message);
		expect(result.items).toEqual([]);
		expect(JSON.stringify(result.error)).not.toContain('800101');
		// What n8n stores of the run serializes.
		expect(() => JSON.stringify(result.run)).not.toThrow();
	});

	test('under On Error: Continue, one error item for the input item', async () => {
		const result = await run('values', 'continueRegularOutput');
		expect(result.items.map(({ json }) => json)).toEqual([
			{ error: limit('32 values in one field') },
		]);
	});
});

describe('within the limits', () => {
	test('512 values give 512 items', async () => {
		const result = await run('max');
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(512);
	});

	test('Include Polygons outputs vertices of x and y only', async () => {
		const result = await run('extras');
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const { json } = result.items[0];
		expect(json.boundingPolys).toEqual([{ vertices: [{ x: 1, y: 2 }] }]);
		expect(json.maskingPolys).toEqual([{ vertices: [{ x: 3, y: 4 }] }]);
		expect(JSON.stringify(result.run)).not.toContain('800101');
	});
});
