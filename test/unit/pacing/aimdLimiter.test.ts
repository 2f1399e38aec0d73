import {
	AimdLimiter,
	type Permit,
	type RequestOutcome,
} from '../../../nodes/ClovaOcr/pacing/aimdLimiter';

const SETTINGS = { max: 8, min: 1, decreaseFactor: 0.5, increasePerWindow: 1 };

/** Lets the limiter's resolved promises run. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

async function take(limiter: AimdLimiter, count: number): Promise<Permit[]> {
	return await Promise.all(Array.from({ length: count }, () => limiter.acquire()));
}

describe('AimdLimiter: how the limit moves', () => {
	test('starts at the configured concurrency and lets that many through at once', async () => {
		const limiter = new AimdLimiter(SETTINGS);
		await take(limiter, 8);
		expect([limiter.limit, limiter.allowed, limiter.inFlight]).toEqual([8, 8, 8]);
		let ninth = false;
		void limiter.acquire().then(() => (ninth = true));
		await flush();
		expect([ninth, limiter.waitingCount]).toEqual([false, 1]);
	});

	test.each<[string, number, RequestOutcome[], number]>([
		// [case, permits taken, outcomes released in order, limit after]
		['a refusal halves the limit', 8, ['congested'], 4],
		[
			'the rest of the same burst: clamped to what is still in flight',
			8,
			['congested', 'congested', 'congested', 'congested', 'congested'],
			3,
		],
		['failures (5xx, timeouts) leave it alone', 8, ['failed', 'failed'], 8],
		['accepted requests below the limit do not raise it', 4, ['accepted', 'accepted'], 8],
		['never below min', 1, ['congested'], 1],
	])('%s', async (_case, taken, outcomes, limitAfter) => {
		const limiter = new AimdLimiter(SETTINGS);
		const permits = await take(limiter, taken);
		outcomes.forEach((outcome, i) => permits[i].release(outcome));
		expect(limiter.limit).toBe(limitAfter);
	});

	test('additive increase: one more request per window of accepted requests at the limit', async () => {
		const limiter = new AimdLimiter({ ...SETTINGS, max: 16 });
		const permits = await take(limiter, 8);
		permits[0].release('congested'); // 16 -> 8, clamped to the 7 in flight
		expect(limiter.limit).toBe(7);
		const limits: number[] = [];
		for (const permit of permits.slice(1)) {
			void limiter.acquire(); // demand stays above the limit
			permit.release('accepted');
			limits.push(Number(limiter.limit.toFixed(4)));
		}
		expect(limits).toEqual([7.1429, 7.2829, 7.4202, 7.5549, 7.6873, 7.8174, 7.9453]);
	});

	test('grows to max at most', async () => {
		const limiter = new AimdLimiter({ ...SETTINGS, max: 2 });
		const [first] = await take(limiter, 2);
		void limiter.acquire();
		first.release('accepted');
		expect(limiter.limit).toBe(2);
	});

	test('a refusal of a request sent before the last decrease does not decrease again', async () => {
		const limiter = new AimdLimiter(SETTINGS);
		const before = await take(limiter, 8);
		before[0].release('congested'); // 8 -> 4 (window 1)
		before[1].release('congested'); // stale: clamped to the 6 in flight, limit stays 4
		expect(limiter.limit).toBe(4);
		for (const permit of before.slice(2)) permit.release('failed');
		const after = await take(limiter, 4);
		after[0].release('congested'); // sent after the decrease: 4 -> 2
		expect(limiter.limit).toBe(2);
	});

	test('releasing twice counts once', async () => {
		const limiter = new AimdLimiter(SETTINGS);
		const [permit] = await take(limiter, 1);
		permit.release('congested');
		permit.release('congested');
		expect([limiter.limit, limiter.inFlight]).toEqual([1, 0]);
	});

	test('othersInFlight: how many were in flight beside the request when it went', async () => {
		const limiter = new AimdLimiter(SETTINGS);
		const permits = await take(limiter, 3);
		expect(permits.map((p) => p.othersInFlight)).toEqual([0, 1, 2]);
	});
});

describe('AimdLimiter: who goes next', () => {
	test('retries go before first attempts, each queue in arrival order', async () => {
		const limiter = new AimdLimiter({ ...SETTINGS, max: 1 });
		const [running] = await take(limiter, 1);
		const granted: Array<[string, Permit]> = [];
		const wait = (kind: 'first' | 'retry', name: string) =>
			void limiter.acquire(kind).then((permit) => granted.push([name, permit]));
		wait('first', 'first-1');
		wait('retry', 'retry-1');
		wait('first', 'first-2');
		wait('retry', 'retry-2');
		running.release('failed');
		for (let i = 0; i < 4; i++) {
			await flush();
			granted[i][1].release('failed');
		}
		expect(granted.map(([name]) => name)).toEqual(['retry-1', 'retry-2', 'first-1', 'first-2']);
	});

	test('a lower limit holds new requests back until enough have ended', async () => {
		const limiter = new AimdLimiter({ ...SETTINGS, max: 4 });
		const permits = await take(limiter, 4);
		permits[0].release('congested'); // 4 -> 2 (3 in flight)
		let granted = 0;
		void limiter.acquire().then(() => granted++);
		permits[1].release('accepted');
		await flush();
		expect(granted).toBe(0); // 2 in flight, limit 2
		permits[2].release('accepted');
		await flush();
		expect(granted).toBe(1);
	});
});
