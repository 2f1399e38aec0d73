import { AimdLimiter } from '../../../nodes/ClovaOcr/pacing/aimdLimiter';
import {
	markAttemptFailure,
	type AttemptFailure,
} from '../../../nodes/ClovaOcr/pacing/attemptFailure';
import type { PacingDomain } from '../../../nodes/ClovaOcr/pacing/limiterRegistry';
import {
	RequestNotSentError,
	RequestScheduler,
} from '../../../nodes/ClovaOcr/pacing/requestScheduler';
import type { RetryPolicy } from '../../../nodes/ClovaOcr/pacing/retryPolicy';

const POLICY: RetryPolicy = {
	maxRetries: 3,
	backoff: { baseMs: 100, maxMs: 10_000 },
	maxRetryAfterMs: 60_000,
	maxCongestionResends: 10,
};

type Step = 'ok' | AttemptFailure | 'unclassified';

const DOMAIN: PacingDomain = { url: 'http://127.0.0.1:1/ocr', secretKey: 'unit-secret' };

function limiterOf(max: number): AimdLimiter {
	return new AimdLimiter({
		initial: max,
		max,
		min: 1,
		increasePerWindow: 1,
		plateauWindows: 1,
		maxPlateauWindows: 4,
		maxPlateauCalls: 1000,
	});
}

const QUEUE_TIMEOUT_MS = 60_000;

const flush = () => new Promise((resolve) => setImmediate(resolve));

function untilAborted(signal: AbortSignal): Promise<void> {
	return new Promise((resolve) =>
		signal.addEventListener('abort', () => resolve(), { once: true }),
	);
}

interface SleepControl {
	/** Backoff waits last until they are aborted (else they end at once). */
	hangingBackoff?: boolean;
	/** The queue timeout's wait ends when this aborts (else never). */
	queueTimeout?: AbortController;
	stopAtFailure?: boolean;
}

/**
 * The scheduler of one execution over `limiter`. Backoff delays are recorded; the
 * queue timeout's wait (QUEUE_TIMEOUT_MS) is told apart from them by its length.
 */
function setUp(
	policy: Partial<RetryPolicy> = {},
	max = 4,
	limiter = limiterOf(max),
	control: SleepControl = {},
) {
	const delays: number[] = [];
	const execution = new AbortController();
	const scheduler = new RequestScheduler({
		limiterFor: () => limiter,
		policy: { ...POLICY, ...policy },
		sleep: async (ms, signal) => {
			if (ms === QUEUE_TIMEOUT_MS) {
				const ends = [untilAborted(signal)];
				if (control.queueTimeout) ends.push(untilAborted(control.queueTimeout.signal));
				return await Promise.race(ends);
			}
			delays.push(ms);
			if (control.hangingBackoff) await untilAborted(signal);
		},
		random: () => 0,
		cancelSignal: execution.signal,
		queueTimeoutMs: QUEUE_TIMEOUT_MS,
		stopAtFailure: control.stopAtFailure,
	});
	const send = <T>(itemIndex: number, attempt: (answered: () => void) => Promise<T>) =>
		scheduler.send(itemIndex, DOMAIN, attempt);
	return { limiter, scheduler, send, delays, cancel: () => execution.abort() };
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
		const outcome = await batch.send(0, attempt).catch((error: Error) => error.message);
		expect([outcome, calls.count, batch.delays]).toEqual([expected, attempts, delays]);
		expect(batch.limiter.inFlight).toBe(0);
	});

	test('a refusal lowers the limit; faults do not', async () => {
		const batch = setUp({}, 4);
		const limitAtCall: number[] = [];
		const steps = scripted([T, 'ok', C, 'ok']);
		const attempt = () => (limitAtCall.push(batch.limiter.limit), steps.attempt());
		await batch.send(0, attempt);
		await batch.send(0, attempt);
		expect(limitAtCall).toEqual([4, 4, 4, 1]);
	});

	test("refusals beside other requests are the batch's own probing: resent without using up retries", async () => {
		const batch = setUp({ maxRetries: 0 }, 4);
		const others = [1, 2].map((itemIndex) => {
			let finish!: () => void;
			const sent = batch.send(
				itemIndex,
				() => new Promise<string>((resolve) => (finish = () => resolve(`other ${itemIndex}`))),
			);
			return { sent, finish: () => finish() };
		});
		const { attempt, calls } = scripted([C, C, 'ok']);
		const sending = batch.send(0, attempt);
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
		// no clock: each resend waited only for the limiter (the other request to end)
		expect(batch.delays).toEqual([0, 0]);
	});

	test('a refusal met alone uses up a retry', async () => {
		const batch = setUp({ maxRetries: 0 }, 4);
		await expect(batch.send(0, scripted([C, 'ok']).attempt)).rejects.toThrow('congestion 1');
	});

	test('nothing is sent once the execution is cancelled', async () => {
		const batch = setUp();
		batch.cancel();
		const { attempt, calls } = scripted(['ok']);
		await expect(batch.send(0, attempt)).rejects.toThrow(new RequestNotSentError('cancelled', 0));
		expect(calls.count).toBe(0);
	});

	test('a request that fails after the execution was cancelled is not retried', async () => {
		const batch = setUp();
		const { attempt, calls } = scripted([T, 'ok']);
		const cancelling = () => (batch.cancel(), attempt());
		await expect(batch.send(0, cancelling)).rejects.toThrow('transient 1');
		expect([calls.count, batch.delays]).toEqual([1, []]);
	});

	test('items after the one the batch stops at are not sent; earlier ones are, retries included', async () => {
		const batch = setUp();
		batch.scheduler.abandonAfter(3);
		const later = scripted(['ok']);
		await expect(batch.send(4, later.attempt)).rejects.toThrow(
			new RequestNotSentError('stopped', 0),
		);
		expect(later.calls.count).toBe(0);
		const earlier = scripted([T, 'ok']);
		await expect(batch.send(2, earlier.attempt)).resolves.toBe('answer 2');
		const same = scripted([T, 'ok']);
		await expect(batch.send(3, same.attempt)).resolves.toBe('answer 2');
	});
});

/** A request that stays in flight until `finish` is called. */
function held(
	scheduler: { send: (i: number, a: () => Promise<string>) => Promise<string> },
	i: number,
) {
	let finish!: () => void;
	const sent = scheduler.send(
		i,
		() => new Promise<string>((resolve) => (finish = () => resolve(`held ${i}`))),
	);
	return { sent, finish: () => finish() };
}

describe('RequestScheduler: an answered request hands its slot on before it is parsed', () => {
	test('the next request starts while the answered one is still being read', async () => {
		const batch = setUp({}, 1);
		let finishParsing!: () => void;
		const parsing = new Promise<void>((resolve) => (finishParsing = resolve));
		const first = batch.send(0, async (answered) => {
			answered();
			await parsing;
			return 'first';
		});
		const next = scripted(['ok']);
		const second = batch.send(1, next.attempt);
		await expect(second).resolves.toBe('answer 1');
		expect([batch.limiter.inFlight, next.calls.count]).toEqual([0, 1]);
		finishParsing();
		await expect(first).resolves.toBe('first');
		expect(batch.limiter.inFlight).toBe(0);
	});

	test('a failure after the answer (its parse) is not retried and frees the slot once', async () => {
		const batch = setUp({}, 2);
		const attempts = { count: 0 };
		const failing = batch.send(0, async (answered) => {
			attempts.count++;
			answered();
			answered();
			throw markAttemptFailure(new Error('shape'), P);
		});
		await expect(failing).rejects.toThrow('shape');
		expect([attempts.count, batch.limiter.inFlight, batch.limiter.allowed]).toEqual([1, 0, 2]);
	});
});

describe('RequestScheduler: a stopped request is never sent (issue 10)', () => {
	test('an item beyond the fatal one, waiting in the queue, leaves it unsent', async () => {
		const batch = setUp({}, 1);
		const running = held(batch, 0);
		const queued = scripted(['ok']);
		const waiting = batch.send(5, queued.attempt);
		const earlier = scripted(['ok']);
		const waitingEarlier = batch.send(2, earlier.attempt);
		await flush();
		expect(batch.limiter.waitingCount).toBe(2);
		batch.scheduler.abandonAfter(3);
		await expect(waiting).rejects.toThrow(new RequestNotSentError('stopped', 0));
		expect(batch.limiter.waitingCount).toBe(1);
		running.finish();
		expect(await Promise.all([running.sent, waitingEarlier])).toEqual(['held 0', 'answer 1']);
		expect([queued.calls.count, earlier.calls.count]).toEqual([0, 1]);
	});

	test('the slot a fatal item frees is not used by a later item waiting for it', async () => {
		const batch = setUp({}, 1, limiterOf(1), { stopAtFailure: true });
		const fatal = scripted([P]);
		const queued = scripted(['ok']);
		let fail!: () => void;
		const failing = batch.send(0, () => new Promise<void>((r) => (fail = r)).then(fatal.attempt));
		const waiting = batch.send(5, queued.attempt);
		await flush();
		fail();
		await expect(failing).rejects.toThrow('permanent 1');
		await expect(waiting).rejects.toThrow(new RequestNotSentError('stopped', 0));
		expect(queued.calls.count).toBe(0);
	});

	test('an item beyond the fatal one, backing off, is not sent again', async () => {
		const batch = setUp({}, 4, limiterOf(4), { hangingBackoff: true });
		const { attempt, calls } = scripted([T, 'ok']);
		const backingOff = batch.send(5, attempt);
		await flush();
		expect([calls.count, batch.delays]).toEqual([1, [50]]);
		batch.scheduler.abandonAfter(3);
		await expect(backingOff).rejects.toThrow('transient 1');
		expect(calls.count).toBe(1);
	});

	test('a long Retry-After wait ends at once when the execution is cancelled', async () => {
		const batch = setUp({}, 4, limiterOf(4), { hangingBackoff: true });
		const { attempt, calls } = scripted([{ kind: 'congestion', retryAfterMs: 50_000 }, 'ok']);
		const waiting = batch.send(0, attempt);
		await flush();
		expect(batch.delays).toEqual([50_000]);
		batch.cancel();
		await expect(waiting).rejects.toThrow('congestion 1');
		expect(calls.count).toBe(1);
	});

	test('a cancelled execution leaves the queue', async () => {
		const batch = setUp({}, 1);
		const running = held(batch, 0);
		const queued = scripted(['ok']);
		const waiting = batch.send(1, queued.attempt);
		await flush();
		batch.cancel();
		await expect(waiting).rejects.toThrow(new RequestNotSentError('cancelled', 0));
		expect([batch.limiter.waitingCount, queued.calls.count]).toEqual([0, 0]);
		running.finish();
		await running.sent;
	});
});

describe('RequestScheduler: executions sharing one limiter', () => {
	test('a request waiting longer than Options > Timeout fails unsent and leaves the queue', async () => {
		const limiter = limiterOf(1);
		const other = setUp({}, 1, limiter);
		const running = held(other, 0);
		const timer = new AbortController();
		const batch = setUp({}, 1, limiter, { queueTimeout: timer });
		const queued = scripted(['ok']);
		const waiting = batch.send(0, queued.attempt);
		await flush();
		expect(limiter.waitingCount).toBe(1);
		timer.abort(); // the queue timeout's sleep ends
		await expect(waiting).rejects.toThrow(
			new RequestNotSentError('queueTimeout', QUEUE_TIMEOUT_MS),
		);
		expect([limiter.waitingCount, queued.calls.count]).toEqual([0, 0]);
		running.finish();
		await running.sent;
	});

	test("a refusal beside another execution's request is resent without using up Max Retries", async () => {
		const limiter = limiterOf(4);
		const other = setUp({}, 4, limiter);
		const running = held(other, 0);
		const batch = setUp({ maxRetries: 0 }, 4, limiter);
		const { attempt, calls } = scripted([C, 'ok']);
		const sending = batch.send(0, attempt);
		await flush();
		expect([calls.count, limiter.limit]).toEqual([1, 1]); // the resend waits for the other's slot
		running.finish();
		expect(await Promise.all([sending, running.sent])).toEqual(['answer 2', 'held 0']);
		expect(calls.count).toBe(2);
	});
});
