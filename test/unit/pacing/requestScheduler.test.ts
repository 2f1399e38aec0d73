import { AimdLimiter } from '../../../nodes/ClovaOcr/pacing/aimdLimiter';
import {
	markAttemptFailure,
	type AttemptFailure,
} from '../../../nodes/ClovaOcr/pacing/attemptFailure';
import { RequestScheduler } from '../../../nodes/ClovaOcr/pacing/requestScheduler';
import type { RetryPolicy } from '../../../nodes/ClovaOcr/pacing/retryPolicy';

const POLICY: RetryPolicy = {
	maxRetries: 3,
	backoff: { baseMs: 100, maxMs: 10_000 },
	maxRetryAfterMs: 60_000,
	maxCongestionResends: 10,
};

type Step = 'ok' | AttemptFailure | 'unclassified';

function setUp(policy: Partial<RetryPolicy> = {}, max = 4) {
	const limiter = new AimdLimiter({ max, min: 1, decreaseFactor: 0.5, increasePerWindow: 1 });
	const delays: number[] = [];
	let cancelled = false;
	const scheduler = new RequestScheduler({
		limiter,
		policy: { ...POLICY, ...policy },
		sleep: async (ms) => {
			delays.push(ms);
		},
		random: () => 0,
		isCancelled: () => cancelled,
	});
	return { limiter, scheduler, delays, cancel: () => (cancelled = true) };
}

/** An attempt that plays `steps` in turn; each failure is an error named after its step. */
function scripted(steps: Step[]) {
	const calls = { count: 0 };
	const attempt = async (): Promise<string> => {
		const step = steps[calls.count++];
		if (step === 'ok') return `answer ${calls.count}`;
		if (step === 'unclassified') throw new Error('unclassified');
		throw markAttemptFailure(new Error(`${step.kind} ${calls.count}`), step);
	};
	return { attempt, calls };
}

const T: AttemptFailure = { kind: 'transient' };
const C: AttemptFailure = { kind: 'congestion' };
const P: AttemptFailure = { kind: 'permanent' };

describe('RequestScheduler.send', () => {
	test.each<[string, Step[], string, number, number[]]>([
		// [case, what each attempt does, result or error message, attempts, delays waited]
		['answered at once', ['ok'], 'answer 1', 1, []],
		['two faults, then an answer', [T, T, 'ok'], 'answer 3', 3, [50, 100]],
		['retries used up: the last error', [T, T, T, T, 'ok'], 'transient 4', 4, [50, 100, 200]],
		['a permanent failure is not retried', [P, 'ok'], 'permanent 1', 1, []],
		['an error nobody classified is not retried', ['unclassified', 'ok'], 'unclassified', 1, []],
		['refused alone: counted like a fault', [C, C, C, C, 'ok'], 'congestion 4', 4, [50, 100, 200]],
		[
			'Retry-After is waited for',
			[{ kind: 'congestion', retryAfterMs: 2000 }, 'ok'],
			'answer 2',
			2,
			[2000],
		],
		[
			'Retry-After too long: fails at once',
			[{ kind: 'transient', retryAfterMs: 120_000 }, 'ok'],
			'transient 1',
			1,
			[],
		],
	])('%s', async (_case, steps, expected, attempts, delays) => {
		const batch = setUp();
		const { attempt, calls } = scripted(steps);
		const outcome = await batch.scheduler.send(0, attempt).catch((error: Error) => error.message);
		expect([outcome, calls.count, batch.delays]).toEqual([expected, attempts, delays]);
		expect(batch.limiter.inFlight).toBe(0);
	});

	test('a refusal lowers the limit; faults do not', async () => {
		const batch = setUp({}, 4);
		const limitAtCall: number[] = [];
		const steps = scripted([T, 'ok', C, 'ok']);
		const attempt = () => (limitAtCall.push(batch.limiter.limit), steps.attempt());
		await batch.scheduler.send(0, attempt);
		await batch.scheduler.send(0, attempt);
		expect(limitAtCall).toEqual([4, 4, 4, 1]);
	});

	test("refusals beside other requests are the batch's own probing: resent without using up retries", async () => {
		const batch = setUp({ maxRetries: 0 }, 4);
		const others = [1, 2].map((itemIndex) => {
			let finish!: () => void;
			const sent = batch.scheduler.send(
				itemIndex,
				() => new Promise<string>((resolve) => (finish = () => resolve(`other ${itemIndex}`))),
			);
			return { sent, finish: () => finish() };
		});
		const { attempt, calls } = scripted([C, C, 'ok']);
		const sending = batch.scheduler.send(0, attempt);
		const flush = () => new Promise((resolve) => setImmediate(resolve));
		await flush();
		expect([calls.count, batch.limiter.limit]).toEqual([1, 2]); // halved, and the resend waits
		others[0].finish();
		await flush();
		expect([calls.count, batch.limiter.limit]).toEqual([2, 1]); // refused again beside the other
		others[1].finish();
		expect(await Promise.all([sending, ...others.map((o) => o.sent)])).toEqual([
			'answer 3',
			'other 1',
			'other 2',
		]);
		expect(batch.delays).toEqual([50, 100]);
	});

	test('a refusal met alone uses up a retry', async () => {
		const batch = setUp({ maxRetries: 0 }, 4);
		await expect(batch.scheduler.send(0, scripted([C, 'ok']).attempt)).rejects.toThrow(
			'congestion 1',
		);
	});

	test('nothing is retried once the execution is cancelled', async () => {
		const batch = setUp();
		batch.cancel();
		const { attempt, calls } = scripted([T, 'ok']);
		await expect(batch.scheduler.send(0, attempt)).rejects.toThrow('transient 1');
		expect(calls.count).toBe(1);
	});

	test('items after the one the batch stops at are not retried; earlier ones are', async () => {
		const batch = setUp();
		batch.scheduler.abandonAfter(3);
		const later = scripted([T, 'ok']);
		await expect(batch.scheduler.send(4, later.attempt)).rejects.toThrow('transient 1');
		const earlier = scripted([T, 'ok']);
		await expect(batch.scheduler.send(2, earlier.attempt)).resolves.toBe('answer 2');
		const same = scripted([T, 'ok']);
		await expect(batch.scheduler.send(3, same.attempt)).resolves.toBe('answer 2');
	});
});
