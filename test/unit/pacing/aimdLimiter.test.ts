import {
	AimdLimiter,
	type Permit,
	type RequestOutcome,
} from '../../../nodes/ClovaOcr/pacing/aimdLimiter';

const SETTINGS = {
	initial: 8,
	max: 8,
	min: 1,
	increasePerWindow: 1,
	plateauWindows: 1,
	maxPlateauWindows: 4,
	maxPlateauCalls: 1000,
};

/** A limiter that starts at, and grows to, `limit`. */
const startingAt = (limit: number) => ({ ...SETTINGS, initial: limit, max: limit });

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
		['a refusal: the limit becomes what the service held (7 still in flight)', 8, ['congested'], 7],
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

	test('a refusal read late, after answers emptied slots nobody filled: the cap the service held when it came', async () => {
		// A cap of 32: 33 sent, 13 of them answered (no item was ready to take their slots), then
		// the 33rd's refusal comes back: only 19 are in flight now, 32 were when it was sent.
		const limiter = new AimdLimiter(startingAt(64));
		const permits = await take(limiter, 33);
		for (const permit of permits.slice(0, 13)) permit.release('accepted');
		permits[32].release('congested');
		expect([limiter.inFlight, limiter.limit]).toEqual([19, 32]);
	});

	test('requests refused beside it are not counted as held', async () => {
		const limiter = new AimdLimiter(startingAt(64));
		const permits = await take(limiter, 12);
		// 8 taken, 4 refused: the last refusal read counts the 8 others taken, not the 3 refused
		for (const permit of permits.slice(8, 11)) permit.release('congested');
		for (const permit of permits.slice(0, 4)) permit.release('accepted');
		permits[11].release('congested');
		expect([limiter.inFlight, limiter.limit]).toEqual([4, 8]);
	});

	test('before any refusal nothing is known of the cap: one more request per accepted request at the limit', async () => {
		const limiter = new AimdLimiter({ ...SETTINGS, initial: 4, max: 16 });
		const permits = await take(limiter, 4);
		const limits: number[] = [];
		for (const permit of permits) {
			while (limiter.waitingCount === 0) void limiter.acquire(); // demand stays above the limit
			permit.release('accepted');
			limits.push(Number(limiter.limit.toFixed(2)));
		}
		// additive per window (the limiter before): 4.25, 4.49, 4.71, 4.92
		expect(limits).toEqual([5, 6, 7, 8]);
	});

	test('grows to max at most', async () => {
		const limiter = new AimdLimiter(startingAt(2));
		const [first] = await take(limiter, 2);
		void limiter.acquire();
		first.release('accepted');
		expect(limiter.limit).toBe(2);
	});

	test('a refusal never cuts below what the service held: a failure or an acceptance after it leaves the limit', async () => {
		const limiter = new AimdLimiter(SETTINGS);
		const permits = await take(limiter, 8);
		permits[0].release('congested'); // 7 held
		permits[1].release('failed'); // 6 in flight, no signal
		expect(limiter.limit).toBe(7);
		permits[2].release('congested'); // 5 held now: a burst comes down to what was taken
		expect(limiter.limit).toBe(5);
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
		const limiter = new AimdLimiter(startingAt(1));
		const [running] = await take(limiter, 1);
		const granted: Array<[string, Permit]> = [];
		const wait = (kind: 'first' | 'retry', name: string) =>
			void limiter.acquire({ kind }).then((permit) => granted.push([name, permit]));
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
		const limiter = new AimdLimiter(startingAt(4));
		const permits = await take(limiter, 4);
		permits[0].release('congested'); // 4 -> 3 (3 in flight)
		let granted = 0;
		void limiter.acquire().then(() => granted++);
		await flush();
		expect(granted).toBe(0); // 3 in flight, limit 3
		permits[1].release('accepted');
		await flush();
		expect(granted).toBe(1);
	});
});

describe('AimdLimiter: executions share it fairly', () => {
	/** Queues `count` first attempts in `lane`, recording their names as they are let through. */
	function queue(limiter: AimdLimiter, lane: object, name: string, count: number, log: string[]) {
		for (let i = 0; i < count; i++) {
			void limiter.acquire({ lane }).then((permit) => {
				log.push(`${name}${i}`);
				permit.release('accepted');
			});
		}
	}

	test('lanes take turns: a batch queued first does not keep single cards waiting behind it', async () => {
		const limiter = new AimdLimiter(startingAt(1));
		const [running] = await take(limiter, 1);
		const log: string[] = [];
		queue(limiter, {}, 'batch-', 4, log);
		queue(limiter, {}, 'cardA-', 1, log);
		queue(limiter, {}, 'cardB-', 1, log);
		running.release('accepted');
		await flush();
		expect(log).toEqual(['batch-0', 'cardA-0', 'cardB-0', 'batch-1', 'batch-2', 'batch-3']);
	});

	test("in its turn a lane's retry goes first; another lane's retry does not jump the turns", async () => {
		const limiter = new AimdLimiter(startingAt(1));
		const [running] = await take(limiter, 1);
		const log: string[] = [];
		const batch = {};
		queue(limiter, batch, 'batch-', 2, log);
		const wait = (lane: object, name: string) =>
			void limiter.acquire({ lane, kind: 'retry' }).then((permit) => {
				log.push(name);
				permit.release('accepted');
			});
		wait(batch, 'batch-retry');
		queue(limiter, {}, 'card-', 1, log);
		running.release('accepted');
		await flush();
		expect(log).toEqual(['batch-retry', 'card-0', 'batch-0', 'batch-1']);
	});

	test('othersInFlight counts requests of every lane', async () => {
		const limiter = new AimdLimiter(startingAt(4));
		const a = await limiter.acquire({ lane: {} });
		const b = await limiter.acquire({ lane: {} });
		expect([a.othersInFlight, b.othersInFlight]).toEqual([0, 1]);
	});

	test('an aborted wait leaves the queue: it rejects with the reason and is never granted', async () => {
		const limiter = new AimdLimiter(startingAt(1));
		const [running] = await take(limiter, 1);
		const leave = new AbortController();
		const cancelled = limiter.acquire({ signal: leave.signal });
		let nextGranted = false;
		void limiter.acquire().then(() => (nextGranted = true));
		expect(limiter.waitingCount).toBe(2);
		leave.abort('cancelled');
		await expect(cancelled).rejects.toBe('cancelled');
		expect(limiter.waitingCount).toBe(1);
		running.release('accepted');
		await flush();
		expect([nextGranted, limiter.inFlight, limiter.waitingCount]).toEqual([true, 1, 0]);
	});

	test('an already aborted signal rejects at once, even with a free slot', async () => {
		const limiter = new AimdLimiter(startingAt(4));
		await expect(limiter.acquire({ signal: AbortSignal.abort('stopped') })).rejects.toBe('stopped');
		expect(limiter.inFlight).toBe(0);
	});
});

describe('AimdLimiter: staying under a cap it learned', () => {
	/** Starts at 5, a plateau of 1 window that doubles up to 4. */
	const DOUBLING_FROM_5 = {
		...SETTINGS,
		initial: 5,
		max: 16,
		plateauWindows: 1,
		maxPlateauWindows: 4,
	};

	/** Runs `windows` windows at the limit, all accepted, and returns the limit after each. */
	async function acceptedWindows(limiter: AimdLimiter, windows: number): Promise<number[]> {
		const limits: number[] = [];
		for (let w = 0; w < windows; w++) {
			const permits = await take(limiter, limiter.allowed);
			for (const permit of permits) {
				void limiter.acquire().then((p) => p.release('failed'));
				permit.release('accepted');
			}
			await flush();
			limits.push(Number(limiter.limit.toFixed(2)));
		}
		return limits;
	}

	/** Refuses the `level`-th request (level - 1 held), then counts the windows until `level` is tried again, `probes` times. */
	async function plateausAt(
		limiter: AimdLimiter,
		level: number,
		probes: number,
	): Promise<number[]> {
		const refuse = async () => {
			const permits = await take(limiter, level);
			permits[level - 1].release('congested');
			for (const permit of permits.slice(0, level - 1)) permit.release('failed');
		};
		const plateaus: number[] = [];
		await refuse();
		for (let probe = 0; probe < probes; probe++) {
			let windows = 0;
			while (limiter.allowed < level) {
				await acceptedWindows(limiter, 1);
				windows++;
			}
			plateaus.push(windows);
			await refuse();
		}
		return plateaus;
	}

	test('under a refused limit it grows as usual up to one below it, and holds there for the plateau', async () => {
		const limiter = new AimdLimiter({ ...SETTINGS, initial: 6, max: 16, plateauWindows: 3 });
		const first = await take(limiter, 6);
		first[0].release('congested'); // the service held 5: refused limit 6
		for (const permit of first.slice(1)) permit.release('failed');
		expect(limiter.limit).toBe(5);
		// at 5 (one below 6): held for three windows, then 6 is tried; taken, so growth goes on
		expect(await acceptedWindows(limiter, 4)).toEqual([5, 5, 6, 6.94]);
	});

	test('the same cap refusing its probe again doubles the plateau, up to maxPlateauWindows', async () => {
		const limiter = new AimdLimiter(DOUBLING_FROM_5);
		expect(await plateausAt(limiter, 5, 4)).toEqual([1, 2, 4, 4]);
	});

	test('a probe the service takes: the cap was raised, so the limit grows per request until a refusal', async () => {
		const limiter = new AimdLimiter({ ...SETTINGS, initial: 3, max: 16, plateauWindows: 1 });
		const permits = await take(limiter, 3);
		permits[0].release('congested'); // refused at 3
		for (const permit of permits.slice(1)) permit.release('failed');
		// one window at 2, then 3 tried and taken for a window (+1 / limit per request); from 4
		// on, +1 per accepted request that found the limit in use (here every other one)
		expect(await acceptedWindows(limiter, 6)).toEqual([3, 3.91, 5.16, 7.16, 9.16, 11.16]);
		const refused = await take(limiter, limiter.allowed);
		refused[0].release('congested'); // 10 held: refused at 11
		for (const permit of refused.slice(1)) permit.release('failed');
		expect(limiter.limit).toBe(10);
		// held at 10 for the plateau, then 11 tried: growth is per window again (+1 / limit per request)
		expect(await acceptedWindows(limiter, 2)).toEqual([10, 11.79]);
	});

	test('refused below what it has held (another worker took part of the cap): the plateau starts over', async () => {
		const limiter = new AimdLimiter(DOUBLING_FROM_5);
		// a stable cap of 4: its probes refused three times, the plateau doubled to its longest
		expect(await plateausAt(limiter, 5, 3)).toEqual([1, 2, 4]);
		const permits = await take(limiter, 3);
		permits[2].release('congested'); // 2 held: another sender holds the rest of the cap
		for (const permit of permits.slice(0, 2)) permit.release('failed');
		expect(limiter.limit).toBe(2);
		// it may stop at any time: 3 is tried after one window (a stable cap's plateau: 4)
		let windows = 0;
		while (limiter.allowed < 3) {
			await acceptedWindows(limiter, 1);
			windows++;
		}
		expect(windows).toBe(1);
	});

	test('the plateau lasts at most maxPlateauCalls calls, never under plateauWindows windows', async () => {
		const limiter = new AimdLimiter({
			...SETTINGS,
			initial: 9,
			max: 16,
			plateauWindows: 1,
			maxPlateauWindows: 64,
			maxPlateauCalls: 16,
		});
		// 1 window, then doubled to 2 = 16 calls at 8 a window: no longer however often refused
		expect(await plateausAt(limiter, 9, 4)).toEqual([1, 2, 2, 2]);
	});

	test('offer: a higher Concurrency lifts the limit, but never to a refused one', async () => {
		const limiter = new AimdLimiter({ ...SETTINGS, initial: 4, max: 64 });
		limiter.offer(16);
		expect(limiter.limit).toBe(16);
		const permits = await take(limiter, 10);
		permits[0].release('congested'); // refused beside 9 in flight: 16 -> 8, the 10th refused
		for (const permit of permits.slice(1)) permit.release('failed');
		limiter.offer(32);
		expect(limiter.limit).toBe(9);
		limiter.offer(4);
		expect(limiter.limit).toBe(9);
	});

	test('isIdleFor: only with nothing in flight or waiting, counted from the last release', async () => {
		let now = 1000;
		const limiter = new AimdLimiter(startingAt(1), () => now);
		const [permit] = await take(limiter, 1);
		now += 5000;
		expect(limiter.isIdleFor(1000)).toBe(false); // in flight
		permit.release('accepted');
		expect(limiter.isIdleFor(1000)).toBe(false); // just released
		now += 1000;
		expect(limiter.isIdleFor(1000)).toBe(true);
	});
});
