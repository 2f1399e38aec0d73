/**
 * What a failed request means for sending it again:
 * - `congestion`: the service's concurrency cap (0025, HTTP 429): send fewer at once, then again.
 * - `transient`: a passing fault (0500, 0501, other 5xx, timeout, dropped connection).
 * - `permanent`: the same request would fail the same way.
 */
export type FailureKind = 'congestion' | 'transient' | 'permanent';

export interface AttemptFailure {
	readonly kind: FailureKind;
	/** What the service's Retry-After header asked for. */
	readonly retryAfterMs?: number;
}

const PERMANENT: AttemptFailure = { kind: 'permanent' };

// Kept beside the error, not on it: n8n shows and stores an error's own fields.
const failures = new WeakMap<object, AttemptFailure>();

export function markAttemptFailure<E extends object>(error: E, failure: AttemptFailure): E {
	failures.set(error, failure);
	return error;
}

/** An error nobody classified is not retried. */
export function attemptFailureOf(error: unknown): AttemptFailure {
	return (typeof error === 'object' && error !== null && failures.get(error)) || PERMANENT;
}
