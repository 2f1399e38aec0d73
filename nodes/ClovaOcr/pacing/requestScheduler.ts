import type { AbortableSleep } from './abortableSleep';
import type { AimdLimiter, Permit, RequestOutcome } from './aimdLimiter';
import { attemptFailureOf, type AttemptFailure } from './attemptFailure';
import type { PacingDomain } from './limiterRegistry';
import { decideRetry, type RetryPolicy } from './retryPolicy';

export interface SchedulerDeps {
	/** The domain's limiter: shared by every execution in the process (limiterRegistry.ts). */
	readonly limiterFor: (domain: PacingDomain) => AimdLimiter;
	readonly policy: RetryPolicy;
	/** n8n-workflow's abortable sleep in the node; a recorder in tests. */
	readonly sleep: AbortableSleep;
	/** Jitter source, 0 to 1. */
	readonly random: () => number;
	/** The execution's cancel signal: nothing more is sent, waited for or retried once it aborts. */
	readonly cancelSignal?: AbortSignal;
	/** The longest a request waits in the limiter's queue (Options > Timeout). */
	readonly queueTimeoutMs: number;
	/** The node stops at a failed item (no On Error: Continue): later items are not sent once it fails. */
	readonly stopAtFailure?: boolean;
	/** The error an item fails with when its request was never sent (n8n's error in the node). */
	readonly notSentError?: (error: RequestNotSentError, itemIndex: number) => Error;
}

/** Why a request was never sent (the item fails with it; nothing was billed). */
export type NotSentReason = 'cancelled' | 'stopped' | 'queueTimeout';

export class RequestNotSentError extends Error {
	constructor(
		readonly reason: NotSentReason,
		readonly waitedMs: number,
	) {
		super(
			reason === 'queueTimeout'
				? `waited ${waitedMs} ms for a free slot at the CLOVA OCR domain`
				: reason === 'cancelled'
					? 'the execution was cancelled'
					: 'the node stopped at an earlier item',
		);
		this.name = 'RequestNotSentError';
	}
}

/** One request; `answered` hands its slot on early (see `RequestScheduler.send`). */
export type Attempt<T> = (answered: () => void) => Promise<T>;

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
 * Sends the requests of one node execution: each waits its turn in its domain's limiter
 * (in this execution's lane), and a failed one is sent again after a backoff when the
 * retry policy allows. Once the execution is cancelled, or the batch stopped at an
 * earlier item, a request still waiting or backing off is never sent.
 */
export class RequestScheduler {
	private abandonedAfter = Number.POSITIVE_INFINITY;
	/** The stop switch of every request in progress, by item. */
	private readonly inProgress = new Map<AbortController, number>();

	constructor(private readonly deps: SchedulerDeps) {}

	/** Items after this one are not sent any more: the batch stops at it. */
	abandonAfter(itemIndex: number): void {
		this.abandonedAfter = Math.min(this.abandonedAfter, itemIndex);
		for (const [stop, index] of this.inProgress) if (index > itemIndex) stop.abort('stopped');
	}

	/**
	 * Runs `attempt` (one request) until it succeeds or may not be retried; then rethrows its
	 * last error. An attempt may call `answered` once the service's answer is read and taken:
	 * its slot goes to the next request then, not after the answer is parsed.
	 */
	async send<T>(itemIndex: number, domain: PacingDomain, attempt: Attempt<T>): Promise<T> {
		const stop = new AbortController();
		const cancel = this.deps.cancelSignal;
		const onCancel = () => stop.abort('cancelled');
		if (cancel?.aborted) onCancel();
		cancel?.addEventListener('abort', onCancel, { once: true });
		if (itemIndex > this.abandonedAfter) stop.abort('stopped');
		this.inProgress.set(stop, itemIndex);
		try {
			return await this.sendUntilDone(itemIndex, domain, attempt, stop.signal);
		} catch (error) {
			const describe = this.deps.notSentError;
			throw describe && error instanceof RequestNotSentError ? describe(error, itemIndex) : error;
		} finally {
			this.inProgress.delete(stop);
			cancel?.removeEventListener('abort', onCancel);
		}
	}

	private async sendUntilDone<T>(
		itemIndex: number,
		domain: PacingDomain,
		attempt: Attempt<T>,
		stop: AbortSignal,
	): Promise<T> {
		const { policy, sleep, random } = this.deps;
		const limiter = this.deps.limiterFor(domain);
		let history = { retries: 0, resends: 0 };
		for (;;) {
			const isRetry = history.retries + history.resends > 0;
			const permit = await this.waitForTurn(limiter, isRetry, stop);
			const result = await settle(attempt(() => permit.release('accepted')));
			const failure = result.ok ? undefined : attemptFailureOf(result.error);
			if (result.ok) {
				permit.release('accepted');
				return result.value;
			}
			const decision = stop.aborted
				? { retry: false as const }
				: decideRetry(failure!, permit.othersInFlight > 0, history, policy, random());
			// Stopped before the slot is handed on: a later item granted it must not send. (A
			// failure after `answered`, the answer's parse, comes after the slot went on.)
			if (!decision.retry && this.deps.stopAtFailure) this.abandonAfter(itemIndex);
			permit.release(outcomeOf(failure));
			if (!decision.retry) throw result.error;
			history = decision.counted
				? { ...history, retries: history.retries + 1 }
				: { ...history, resends: history.resends + 1 };
			await sleep(decision.delayMs, stop);
			if (stop.aborted) throw result.error;
		}
	}

	/** A permit, or RequestNotSentError when the request is stopped or waits past the timeout. */
	private async waitForTurn(
		limiter: AimdLimiter,
		isRetry: boolean,
		stop: AbortSignal,
	): Promise<Permit> {
		const notSent = (reason: NotSentReason, waitedMs = 0) =>
			new RequestNotSentError(reason, waitedMs);
		if (stop.aborted) throw notSent(stop.reason as NotSentReason);
		const now = limiter.tryAcquire();
		if (now) return now;

		const leave = new AbortController();
		const onStop = () => leave.abort(stop.reason);
		stop.addEventListener('abort', onStop, { once: true });
		const timeoutMs = this.deps.queueTimeoutMs;
		const timer = new AbortController();
		void this.deps.sleep(timeoutMs, timer.signal).then(() => {
			if (!timer.signal.aborted) leave.abort('queueTimeout');
		});
		try {
			const permit = await limiter.acquire({
				kind: isRetry ? 'retry' : 'first',
				lane: this,
				signal: leave.signal,
			});
			if (!stop.aborted) return permit;
			permit.release('failed');
			throw stop.reason;
		} catch (reason) {
			throw notSent(reason as NotSentReason, reason === 'queueTimeout' ? timeoutMs : 0);
		} finally {
			timer.abort();
			stop.removeEventListener('abort', onStop);
		}
	}
}
