import type { AttemptFailure } from './attemptFailure';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffSettings } from './backoff';

export interface RetryPolicy {
	/** Retries of one request after transient faults, or after refusals it met alone. */
	readonly maxRetries: number;
	readonly backoff: BackoffSettings;
	/** A Retry-After longer than this is not waited for: the request fails instead. */
	readonly maxRetryAfterMs: number;
	/**
	 * Refusals for the concurrency cap met while other requests of the batch were
	 * in flight are the batch's own probing, answered by the limiter: resent without
	 * using up `maxRetries`, this many times at most.
	 */
	readonly maxCongestionResends: number;
}

export const DEFAULT_RETRY_POLICY: Omit<RetryPolicy, 'maxRetries'> = {
	backoff: DEFAULT_BACKOFF,
	maxRetryAfterMs: 120_000,
	maxCongestionResends: 10,
};

/** What one request has been through so far. */
export interface AttemptHistory {
	/** Retries counted against `maxRetries`. */
	readonly retries: number;
	/** Resends after refusals that came from the batch's own concurrency. */
	readonly resends: number;
}

export type RetryDecision =
	| { readonly retry: false }
	| { readonly retry: true; readonly delayMs: number; readonly counted: boolean };

const GIVE_UP: RetryDecision = { retry: false };

/**
 * Whether and when to send a failed request again. `sharedConcurrency`: other
 * requests of the batch were in flight when it was sent. `random` (0 to 1) is
 * the jitter, passed in so the decision is reproducible.
 */
export function decideRetry(
	failure: AttemptFailure,
	sharedConcurrency: boolean,
	history: AttemptHistory,
	policy: RetryPolicy,
	random: number,
): RetryDecision {
	if (failure.kind === 'permanent') return GIVE_UP;
	const retryAfterMs = failure.retryAfterMs ?? 0;
	if (retryAfterMs > policy.maxRetryAfterMs) return GIVE_UP;
	const counted = !(
		failure.kind === 'congestion' &&
		sharedConcurrency &&
		history.resends < policy.maxCongestionResends
	);
	if (counted && history.retries >= policy.maxRetries) return GIVE_UP;
	// A free resend waits for the limiter, not a clock: the refusal just lowered the limit
	// to what the service held, so it goes out when one of those requests ends. A backoff
	// on top would leave the slot it waits for idle.
	if (!counted) return { retry: true, delayMs: retryAfterMs, counted };
	const retryNumber = history.retries + history.resends + 1;
	const delayMs = Math.max(backoffDelayMs(retryNumber, policy.backoff, random), retryAfterMs);
	return { retry: true, delayMs, counted };
}
