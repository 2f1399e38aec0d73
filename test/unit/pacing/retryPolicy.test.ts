import type { AttemptFailure } from '../../../nodes/ClovaOcr/pacing/attemptFailure';
import { decideRetry, type RetryPolicy } from '../../../nodes/ClovaOcr/pacing/retryPolicy';

const POLICY: RetryPolicy = {
	maxRetries: 3,
	backoff: { baseMs: 100, maxMs: 10_000 },
	maxRetryAfterMs: 60_000,
	maxCongestionResends: 2,
};

const congestion: AttemptFailure = { kind: 'congestion' };
const transient: AttemptFailure = { kind: 'transient' };
const permanent: AttemptFailure = { kind: 'permanent' };

describe('decideRetry', () => {
	test.each<[string, AttemptFailure, boolean, { retries: number; resends: number }, unknown]>([
		// [case, failure, other requests were in flight, history, decision] with random = 0
		['permanent: never', permanent, true, { retries: 0, resends: 0 }, { retry: false }],
		[
			'transient, first retry',
			transient,
			false,
			{ retries: 0, resends: 0 },
			{ retry: true, delayMs: 50, counted: true },
		],
		[
			'transient, third retry',
			transient,
			false,
			{ retries: 2, resends: 0 },
			{ retry: true, delayMs: 200, counted: true },
		],
		['transient, retries used up', transient, false, { retries: 3, resends: 0 }, { retry: false }],
		[
			'transient beside others still counts',
			transient,
			true,
			{ retries: 3, resends: 0 },
			{ retry: false },
		],
		[
			'refused alone: counts',
			congestion,
			false,
			{ retries: 0, resends: 0 },
			{ retry: true, delayMs: 50, counted: true },
		],
		[
			'refused alone, retries used up',
			congestion,
			false,
			{ retries: 3, resends: 0 },
			{ retry: false },
		],
		[
			'refused beside others: a free resend, sent when the limiter lets it (no backoff)',
			congestion,
			true,
			{ retries: 3, resends: 0 },
			{ retry: true, delayMs: 0, counted: false },
		],
		[
			'free resends used up: counts again',
			congestion,
			true,
			{ retries: 1, resends: 2 },
			{ retry: true, delayMs: 400, counted: true },
		],
		[
			'free resends and retries used up',
			congestion,
			true,
			{ retries: 3, resends: 2 },
			{ retry: false },
		],
	])('%s', (_case, failure, shared, history, decision) => {
		expect(decideRetry(failure, shared, history, POLICY, 0)).toEqual(decision);
	});

	test.each<[string, AttemptFailure, number, unknown]>([
		[
			'Retry-After longer than the backoff wins',
			{ kind: 'congestion', retryAfterMs: 3000 },
			1,
			{ retry: true, delayMs: 3000, counted: true },
		],
		[
			'a shorter Retry-After does not shorten the backoff',
			{ kind: 'transient', retryAfterMs: 10 },
			1,
			{ retry: true, delayMs: 100, counted: true },
		],
		[
			'Retry-After at the longest wait allowed',
			{ kind: 'transient', retryAfterMs: 60_000 },
			0,
			{ retry: true, delayMs: 60_000, counted: true },
		],
		[
			'Retry-After beyond it: give up',
			{ kind: 'transient', retryAfterMs: 60_001 },
			0,
			{ retry: false },
		],
	])('%s', (_case, failure, random, decision) => {
		expect(decideRetry(failure, false, { retries: 0, resends: 0 }, POLICY, random)).toEqual(
			decision,
		);
	});

	test('a free resend still waits a Retry-After the service sent', () => {
		const refused: AttemptFailure = { kind: 'congestion', retryAfterMs: 1500 };
		expect(decideRetry(refused, true, { retries: 0, resends: 1 }, POLICY, 1)).toEqual({
			retry: true,
			delayMs: 1500,
			counted: false,
		});
	});

	test("maxRetries 0: faults are not retried, the batch's own refusals still are", () => {
		const none = { ...POLICY, maxRetries: 0 };
		expect(decideRetry(transient, true, { retries: 0, resends: 0 }, none, 0)).toEqual({
			retry: false,
		});
		expect(decideRetry(congestion, false, { retries: 0, resends: 0 }, none, 0)).toEqual({
			retry: false,
		});
		expect(decideRetry(congestion, true, { retries: 0, resends: 0 }, none, 0)).toEqual({
			retry: true,
			delayMs: 0,
			counted: false,
		});
	});
});
