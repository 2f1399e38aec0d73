import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import {
	batchImageName,
	batchItems,
	clearFaults,
	configureFaults,
	DROPPED_MESSAGE,
	FAULT_BATCH,
	IC_FIELDS,
	runFaultBatch,
	TRANSIENT_MESSAGES,
	UNREADABLE_MESSAGE,
} from './batchScenarios';
import {
	binaryItem,
	runClovaNode,
	sampleFile,
	useBinaryMode,
	type RunOptions,
	type RunResult,
} from './harness';

const SECRET = 'batch-secret-3c7e';
let emulator: Emulator;

beforeAll(async () => {
	await useBinaryMode('default');
	emulator = await startEmulator({ secretKey: SECRET });
});
afterAll(async () => await emulator.close());
beforeEach(() => clearFaults(emulator));

function run(
	items: INodeExecutionData[],
	options: INodeParameters = {},
	extra: Partial<RunOptions> = {},
) {
	return runClovaNode({
		parameters: { operation: 'recognizeIdCard', options },
		items,
		credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
		...extra,
	});
}

const pairedIndex = (item: INodeExecutionData) => (item.pairedItem as { item: number }).item;

/** Output items grouped by the input item they are paired with, in output order. */
function byInputItem(items: INodeExecutionData[]): Map<number, INodeExecutionData[]> {
	const groups = new Map<number, INodeExecutionData[]>();
	for (const item of items)
		groups.set(pairedIndex(item), [...(groups.get(pairedIndex(item)) ?? []), item]);
	return groups;
}

function errorSeen(result: RunResult) {
	const error = result.error as
		| (Error & { description?: string; context?: { itemIndex?: number } })
		| undefined;
	return {
		message: error?.message,
		itemIndex: error?.context?.itemIndex,
		items: result.items.length,
	};
}

describe('items in parallel', () => {
	test('at most Options > Concurrency requests at once; output in input order', async () => {
		emulator.configure({ latencyMs: 40 });
		const result = await run(await batchItems(12, (i) => `card-${i}.jpg`), { concurrency: 3 });
		expect(result.error).toBeUndefined();
		expect(emulator.stats.inFlightPeak).toBe(3);
		expect(
			result.items.map((item) => [pairedIndex(item), item.json.imageName, item.json.field]),
		).toEqual(
			Array.from({ length: 12 }, (_, i) =>
				IC_FIELDS.map((field) => [i, `card-${i}.jpg`, field]),
			).flat(),
		);
	});

	test('concurrency 1: one request at a time', async () => {
		emulator.configure({ latencyMs: 10 });
		await run(await batchItems(4), { concurrency: 1 });
		expect(emulator.stats.inFlightPeak).toBe(1);
	});

	test('a cap below the concurrency: the node backs off and every item succeeds', async () => {
		emulator.configure({ latencyMs: 20, concurrencyCap: 4 });
		const result = await run(await batchItems(40, (i) => `card-${i}.jpg`), { concurrency: 16 });
		expect(result.error).toBeUndefined();
		expect(emulator.stats.byErrorCode['0025']).toBeGreaterThan(0);
		expect(result.items).toHaveLength(40 * IC_FIELDS.length);
		expect([...byInputItem(result.items).keys()]).toEqual(Array.from({ length: 40 }, (_, i) => i));
		expect(
			result.items.every((item) => item.json.imageName === `card-${pairedIndex(item)}.jpg`),
		).toBe(true);
	});

	test('an empty input yields an empty output', async () => {
		const result = await run([]);
		expect([result.error, result.items, emulator.requests.length]).toEqual([undefined, [], 0]);
	});
});

describe('retries: only the request is sent again', () => {
	test.each<[string, Parameters<Emulator['enqueue']>, number]>([
		['0500', ['server-error'], 2],
		['0501 twice', ['ocr-error', 'ocr-error'], 3],
		['0025 (alone)', ['rate-limit'], 2],
		['dropped connection', ['drop'], 2],
		['cut-off body', ['truncated'], 2],
		['each kind once', ['server-error', 'rate-limit', 'drop'], 4],
	])('%s, then an answer: the item succeeds', async (_case, faults, requests) => {
		emulator.enqueue(...faults);
		const result = await run([await binaryItem(sampleFile('jpg', 5000), 'front.jpg')], {
			maxRetries: 3,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.field)).toEqual(IC_FIELDS);
		expect(emulator.requests).toHaveLength(requests);
		// the same file each time, in a fresh request (its own requestId)
		expect(
			emulator.requests.every((request) => request.file?.equals(emulator.requests[0].file!)),
		).toBe(true);
		const requestIds = emulator.requests.map(
			(request) => (request.message as { requestId: string }).requestId,
		);
		expect(new Set(requestIds).size).toBe(requests);
		expect(result.items[0].json.requestId).toBe(requestIds[requests - 1]);
	});

	test.each<[string, Parameters<Emulator['setScenario']>[0], number, RegExp | string]>([
		[
			'0500 every time',
			'server-error',
			3,
			'CLOVA OCR service error (CLOVA OCR error 0500, HTTP 500)',
		],
		[
			'0025 every time',
			'rate-limit',
			3,
			'CLOVA OCR rate limit reached (CLOVA OCR error 0025, HTTP 400)',
		],
		['dropped every time', 'drop', 3, DROPPED_MESSAGE],
		[
			'quota (0023): never retried',
			'quota',
			1,
			"The domain's API request quota is used up (CLOVA OCR error 0023, HTTP 400)",
		],
		['recognition failure: never retried', 'infer-failure', 1, UNREADABLE_MESSAGE],
		['a body that is not JSON: not retried', 'non-json', 1, /does not fit the documented shape/],
	])('%s (%s): %d requests, then the error', async (_case, scenario, requests, message) => {
		emulator.setScenario(scenario);
		const result = await run([await binaryItem(sampleFile('jpg'), 'front.jpg')], { maxRetries: 2 });
		const expected = typeof message === 'string' ? message : expect.stringMatching(message);
		expect(errorSeen(result)).toEqual({ message: expected, itemIndex: 0, items: 0 });
		expect(emulator.requests).toHaveLength(requests);
	});

	test('a wrong secret (0002) is not retried', async () => {
		const result = await runClovaNode({
			parameters: { operation: 'recognizeIdCard' },
			items: await batchItems(3),
			credentials: { invokeUrl: emulator.invokeUrl, secretKey: 'not-the-secret' },
		});
		expect(errorSeen(result)).toMatchObject({
			message: expect.stringContaining('error 0002'),
			itemIndex: 0,
		});
		expect(emulator.requests.length).toBeLessThanOrEqual(3);
	});

	test('a timeout is retried, then named as such', async () => {
		emulator.configure({ slowMs: 5000 });
		emulator.setScenario('slow');
		const result = await run([await binaryItem(sampleFile('jpg'), 'front.jpg')], {
			maxRetries: 1,
			timeout: 100,
		});
		expect(errorSeen(result)).toEqual({
			message: 'The request to CLOVA OCR failed: no answer within 100 ms',
			itemIndex: 0,
			items: 0,
		});
		expect((result.error as { description?: string }).description).toMatch(/Options > Timeout/);
		expect(emulator.requests).toHaveLength(2);
	});

	test('maxRetries 0: a fault is not retried', async () => {
		emulator.enqueue('server-error');
		const result = await run([await binaryItem(sampleFile('jpg'), 'front.jpg')], { maxRetries: 0 });
		expect(errorSeen(result).message).toBe(
			'CLOVA OCR service error (CLOVA OCR error 0500, HTTP 500)',
		);
		expect(emulator.requests).toHaveLength(1);
	});

	test('a Retry-After longer than a node run should wait: the error at once', async () => {
		emulator.configure({ retryAfterSeconds: 600 });
		emulator.enqueue('rate-limit');
		const result = await run([await binaryItem(sampleFile('jpg'), 'front.jpg')]);
		expect(errorSeen(result).message).toBe(
			'CLOVA OCR rate limit reached (CLOVA OCR error 0025, HTTP 400)',
		);
		expect(emulator.requests).toHaveLength(1);
		emulator.configure({ retryAfterSeconds: null });
	});
});

describe('the first failure stops the node (no On Error: Continue)', () => {
	test("it is the lowest failing item's error, though a later item failed first", async () => {
		emulator.configure({ latencyMs: 20 });
		const names = (i: number) =>
			i === 3
				? '[scenario=ocr-error] slow-to-fail.jpg'
				: i === 5
					? '[scenario=quota] fails-at-once.jpg'
					: `card-${i}.jpg`;
		const result = await run(await batchItems(20, names), { concurrency: 4, maxRetries: 2 });
		expect(errorSeen(result)).toEqual({
			message: 'CLOVA OCR service error (CLOVA OCR error 0501, HTTP 500)',
			itemIndex: 3,
			items: 0,
		});
		// items after the failure were not all started
		expect(new Set(emulator.requests.map((request) => request.imageName)).size).toBeLessThan(20);
	});
});

describe(`fault injection: ${FAULT_BATCH.items} items, ${FAULT_BATCH.faultRate * 100}% transient faults, cap ${FAULT_BATCH.cap} below concurrency ${FAULT_BATCH.concurrency}`, () => {
	test('every input item yields exactly its field items or one error item, in order, correctly paired', async () => {
		configureFaults(emulator);
		const items = await batchItems(FAULT_BATCH.items);
		const result = await runFaultBatch(emulator, SECRET, items);
		expect(result.error).toBeUndefined();

		// in order: the paired input indexes never go back
		const order = result.items.map(pairedIndex);
		expect(order).toEqual([...order].sort((a, b) => a - b));

		const groups = byInputItem(result.items);
		expect([...groups.keys()]).toEqual(Array.from({ length: FAULT_BATCH.items }, (_, i) => i));
		let succeeded = 0;
		const errors: string[] = [];
		for (const [index, group] of groups) {
			const name = batchImageName(index);
			if (group.length === 1 && typeof group[0].json.error === 'string') {
				const message = group[0].json.error;
				expect(Object.keys(group[0].json)).toEqual(['error']);
				if (name.includes('infer-failure')) expect(message).toBe(UNREADABLE_MESSAGE);
				else
					expect(TRANSIENT_MESSAGES.includes(message) || DROPPED_MESSAGE.test(message)).toBe(true);
				errors.push(message);
				continue;
			}
			expect(name.includes('infer-failure')).toBe(false);
			expect(group.map((item) => [item.json.field, item.json.imageName])).toEqual(
				IC_FIELDS.map((field) => [field, name]),
			);
			succeeded++;
		}

		// nothing lost or duplicated on the service's side either: one answered document per success
		const answered = emulator.requests.filter(
			(request) => request.status === 200 && request.scenario === 'ic-success',
		);
		expect(answered).toHaveLength(succeeded);
		expect(new Set(answered.map((request) => request.imageName)).size).toBe(succeeded);
		const outputRequestIds = new Set(
			result.items.filter((item) => item.json.requestId).map((item) => item.json.requestId),
		);
		expect(outputRequestIds).toEqual(
			new Set(answered.map((request) => (request.message as { requestId: string }).requestId)),
		);

		// the faults really happened, and the retries absorbed nearly all of them
		const unreadable = Math.floor(FAULT_BATCH.items / FAULT_BATCH.unreadableEvery);
		expect(
			emulator.stats.byScenario['server-error'] + emulator.stats.byScenario['ocr-error'],
		).toBeGreaterThan(50);
		expect(emulator.stats.byErrorCode['0025']).toBeGreaterThan(20);
		expect(emulator.stats.dropped).toBeGreaterThan(10);
		expect(succeeded + errors.length).toBe(FAULT_BATCH.items);
		expect(errors.length - unreadable).toBeLessThan(FAULT_BATCH.items * 0.02);
		expect(emulator.stats.inFlightPeak).toBeLessThanOrEqual(FAULT_BATCH.cap);
	}, 180_000);
});
