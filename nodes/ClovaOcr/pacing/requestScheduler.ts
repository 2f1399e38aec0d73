import type { AimdLimiter, RequestOutcome } from './aimdLimiter';
import { attemptFailureOf, type AttemptFailure } from './attemptFailure';
import { decideRetry, type RetryPolicy } from './retryPolicy';

export interface SchedulerDeps {
	readonly limiter: AimdLimiter;
	readonly policy: RetryPolicy;
	/** n8n-workflow's `sleep` in the node; a recorder in tests. */
	readonly sleep: (ms: number) => Promise<void>;
	/** Jitter source, 0 to 1. */
	readonly random: () => number;
	/** True once the execution was stopped: nothing more is retried. */
	readonly isCancelled: () => boolean;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	return promise.then(
		(value) => ({ ok: true as const, value }),
		(error: unknown) => ({ ok: false as const, error }),
	);
}

function outcomeOf(failure: AttemptFailure | undefined): RequestOutcome {
	if (failure === undefined) return 'accepted';
	return failure.kind === 'congestion' ? 'congested' : 'failed';
}

/**
 * Sends the requests of one node execution: each waits for the limiter, and a
 * failed one is sent again after a backoff when the retry policy allows.
 */
export class RequestScheduler {
	private abandonedAfter = Number.POSITIVE_INFINITY;

	constructor(private readonly deps: SchedulerDeps) {}

	/** Items after this one are not retried any more: the batch stops at it. */
	abandonAfter(itemIndex: number): void {
		this.abandonedAfter = Math.min(this.abandonedAfter, itemIndex);
	}

	/** Runs `attempt` (one request) until it succeeds or may not be retried; then rethrows its last error. */
	async send<T>(itemIndex: number, attempt: () => Promise<T>): Promise<T> {
		const { limiter, policy, sleep, random, isCancelled } = this.deps;
		let history = { retries: 0, resends: 0 };
		for (;;) {
			const isRetry = history.retries + history.resends > 0;
			const permit = await limiter.acquire(isRetry ? 'retry' : 'first');
			const result = await settle(attempt());
			const failure = result.ok ? undefined : attemptFailureOf(result.error);
			permit.release(outcomeOf(failure));
			if (result.ok) return result.value;

			const stopped = isCancelled() || itemIndex > this.abandonedAfter;
			const decision = stopped
				? { retry: false as const }
				: decideRetry(failure!, permit.othersInFlight > 0, history, policy, random());
			if (!decision.retry) throw result.error;
			history = decision.counted
				? { ...history, retries: history.retries + 1 }
				: { ...history, resends: history.resends + 1 };
			await sleep(decision.delayMs);
			if (isCancelled()) throw result.error;
		}
	}
}
