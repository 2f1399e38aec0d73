import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import { batchItems, IC_FIELDS } from './batchScenarios';
import { runClovaNode, useBinaryMode, type RunOptions, type RunResult } from './harness';

/**
 * Several executions of the node in one process (here: the test's), as a webhook burst
 * or a batch beside single cards would run them: they share one limiter per CLOVA
 * domain. Each test gets its own emulator (its own Invoke URL), so no limiter learned
 * in one test paces another.
 */
const SECRET = 'shared-pacing-secret-71d2';
let emulator: Emulator;

beforeAll(async () => await useBinaryMode('filesystem'));
beforeEach(async () => (emulator = await startEmulator({ secretKey: SECRET })));
afterEach(async () => await emulator.close());

function run(
	items: INodeExecutionData[],
	options: INodeParameters = {},
	extra: Partial<RunOptions> = {},
): Promise<RunResult> {
	return runClovaNode({
		parameters: { operation: 'recognizeIdCard', options },
		items,
		credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
		...extra,
	});
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await pause(5);
	}
}

const refusals = () => emulator.stats.byErrorCode['0025'] ?? 0;
const namesSent = () => emulator.requests.map((request) => request.imageName);

describe('a burst of single-item executions (the webhook shape)', () => {
	test('queues under the cap: every card read, paired, without spending retries (Max Retries 0)', async () => {
		emulator.configure({ latencyMs: 60, concurrencyCap: 3 });
		const runs = await Promise.all(
			Array.from({ length: 16 }, async (_, i) =>
				run(await batchItems(1, () => `applicant-${i}.jpg`), { concurrency: 4, maxRetries: 0 }),
			),
		);
		for (const [i, result] of runs.entries()) {
			expect(result.error).toBeUndefined();
			expect(
				result.items.map((item) => [item.pairedItem, item.json.imageName, item.json.field]),
			).toEqual(IC_FIELDS.map((field) => [{ item: 0 }, `applicant-${i}.jpg`, field]));
		}
		// The limiter starts at Concurrency 4: one probe above the cap is refused, then it holds 3.
		expect(refusals()).toBeLessThanOrEqual(2);
		expect(emulator.stats.byStatus['200']).toBe(16);
	});

	test('Concurrency stays the most one execution takes, though the shared limit is higher', async () => {
		emulator.configure({ latencyMs: 30 });
		await run(await batchItems(1, () => 'lifts-the-limit.jpg'), { concurrency: 12 });
		emulator.reset();
		emulator.configure({ latencyMs: 30 });
		const result = await run(await batchItems(10, (i) => `card-${i}.jpg`), { concurrency: 2 });
		expect(result.error).toBeUndefined();
		expect(emulator.stats.inFlightPeak).toBe(2);
	});
});

describe('a large batch beside single cards', () => {
	test('single cards take turns with the batch instead of queueing behind all of it', async () => {
		// A long latency, so that while the single card's execution starts (tens of ms, more on a
		// busy machine) few of the batch's requests end: 2 every 500 ms.
		emulator.configure({ latencyMs: 500, concurrencyCap: 2 });
		const batch = run(await batchItems(24, (i) => `batch-${i}.jpg`), { concurrency: 16 });
		// Past the first refusals (16 sent at a cap of 2): the limiter holds 2, the batch's other 14 wait.
		const singleItems = await batchItems(1, () => 'single.jpg');
		await until(() => emulator.stats.byStatus['200'] >= 2, 'the batch to settle');
		// Counted from when its execution starts, not from when the test asks for it.
		let sentBefore = 0;
		const single = await run(
			singleItems,
			{ concurrency: 4 },
			{ onStarted: () => (sentBefore = emulator.requests.length) },
		);
		expect(single.error).toBeUndefined();
		const position = namesSent().indexOf('single.jpg');
		// In turn: within the next pair or two. Behind the batch's queue it would come after
		// 14 or more of its requests.
		expect(position - sentBefore).toBeLessThan(8);
		expect((await batch).error).toBeUndefined();
	});
});

describe('cancel and timeout reach a request waiting in the shared queue', () => {
	/**
	 * An execution whose 4 requests fill the limiter (Concurrency 4) and stay in flight until
	 * it is cancelled: the service holds them 60 s, so what waits behind them cannot be a
	 * race against their answers.
	 */
	async function holdLimiter(): Promise<{ cancel: () => void; ended: Promise<RunResult> }> {
		emulator.configure({ latencyMs: 60_000 });
		let cancel!: () => void;
		const ended = run(
			await batchItems(4, (i) => `holder-${i}.jpg`),
			{ concurrency: 4 },
			{ onStarted: (stop) => (cancel = stop) },
		);
		await until(() => emulator.stats.inFlight === 4, 'the holder to fill the limiter');
		return { cancel, ended };
	}

	test("a cancelled execution's waiting requests leave the queue and are never sent", async () => {
		const holder = await holdLimiter();
		let cancel!: () => void;
		const cancelled = run(
			await batchItems(4, (i) => `cancelled-${i}.jpg`),
			{ concurrency: 4 },
			{ onStarted: (stop) => (cancel = stop) },
		);
		await pause(100); // its requests are waiting behind the holder's
		cancel();
		await cancelled;
		// The holder's slots free: a waiter left behind would be sent now.
		holder.cancel();
		await holder.ended;
		await until(() => emulator.stats.inFlight === 0, "the holder's requests to end");
		await pause(200);
		expect(namesSent().filter((name) => name?.startsWith('cancelled-'))).toEqual([]);
		expect(emulator.requests).toHaveLength(4);
	});

	test('a request waiting longer than Options > Timeout fails unsent, named as such', async () => {
		const holder = await holdLimiter();
		const waiting = await run(
			await batchItems(1, () => 'waits.jpg'),
			{ timeout: 100 },
			{
				onError: 'continueRegularOutput',
			},
		);
		expect(waiting.items.map((item) => item.json)).toEqual([
			{ error: 'The image was not sent: waited 100 ms for a free slot at the CLOVA OCR domain' },
		]);
		holder.cancel();
		await holder.ended;
		expect(namesSent()).not.toContain('waits.jpg');
	});
});

describe('a stopped execution sends nothing more (issue 10)', () => {
	test('after a cancel, with On Error: Continue, no further item starts', async () => {
		emulator.configure({ latencyMs: 200 });
		const binaryData = Container.get(BinaryDataService);
		const reads = jest.spyOn(binaryData, 'getMetadata');
		try {
			let cancel!: () => void;
			const items = await batchItems(20, (i) => `card-${i}.jpg`);
			reads.mockClear();
			const execution = run(
				items,
				{ concurrency: 2 },
				{ onError: 'continueRegularOutput', onStarted: (stop) => (cancel = stop) },
			);
			await until(() => emulator.requests.length === 2, 'the first two requests');
			cancel();
			await execution;
			await pause(300);
			// Each started item reads its file's metadata once: only the first two started.
			expect(reads).toHaveBeenCalledTimes(2);
			expect(emulator.requests).toHaveLength(2);
		} finally {
			reads.mockRestore();
		}
	});

	test('items beyond the fatal one, backing off or queued, are not sent again', async () => {
		// 8 go out at a cap of 2: 6 are refused and wait to be resent; item 0 then fails for good.
		// Which 2 the service takes first depends on which connections arrive first: item 0 may be
		// refused too and fail only on its resend, after other resends went out. So what is
		// counted is what starts after its fatal answer, not the requests before it.
		emulator.configure({ latencyMs: 150, concurrencyCap: 2 });
		const names = (i: number) => (i === 0 ? '[scenario=quota] fatal.jpg' : `card-${i}.jpg`);
		const result = await run(await batchItems(8, names), { concurrency: 8, maxRetries: 3 });
		expect(result.error?.message).toMatch(/0023/);
		expect(refusals()).toBeGreaterThan(0); // some were waiting to be resent when item 0 failed
		const fatal = emulator.requests.find((r) => r.errorCode === '0023')!;
		const answeredAt = fatal.receivedAt + (fatal.durationMs ?? 0);
		const sentByTheEnd = emulator.requests.length;
		await pause(1500); // longer than any backoff a counted retry could draw
		// Another slot's answer may come at about the same moment as item 0's: when the node reads
		// it first, the one request it hands the slot to is fair. Nothing else may start.
		const sentAfter = emulator.requests.filter((r) => r.receivedAt > answeredAt);
		expect(sentAfter.length).toBeLessThanOrEqual(1);
		// Nothing at all once the execution has ended.
		expect(emulator.requests.length).toBe(sentByTheEnd);
	});
});
