import type { AbortableSleep } from './abortableSleep';
import { PROCESS_LIMITERS, type LimiterRegistry } from './limiterRegistry';
import { RequestScheduler, type RequestNotSentError } from './requestScheduler';
import { DEFAULT_RETRY_POLICY } from './retryPolicy';

/** How one node execution paces its requests. */
export interface PacingSettings {
	/** The most requests this execution keeps in flight; the domain's shared limiter may allow fewer. */
	readonly concurrency: number;
	readonly maxRetries: number;
	/** Options > Timeout: also the longest a request waits for its turn. */
	readonly timeoutMs: number;
}

export interface PacingEnvironment {
	readonly sleep: AbortableSleep;
	readonly random: () => number;
	readonly cancelSignal?: AbortSignal;
	readonly stopAtFailure?: boolean;
	readonly notSentError?: (error: RequestNotSentError, itemIndex: number) => Error;
	/** The process's limiters unless a test passes its own. */
	readonly limiters?: LimiterRegistry;
}

/** The scheduler one node execution shares across its items, over the process's limiter per domain. */
export function createExecutionScheduler(
	settings: PacingSettings,
	environment: PacingEnvironment,
): RequestScheduler {
	const limiters = environment.limiters ?? PROCESS_LIMITERS;
	return new RequestScheduler({
		limiterFor: (domain) => limiters.limiterFor(domain, settings.concurrency),
		policy: { ...DEFAULT_RETRY_POLICY, maxRetries: settings.maxRetries },
		sleep: environment.sleep,
		random: environment.random,
		cancelSignal: environment.cancelSignal,
		queueTimeoutMs: settings.timeoutMs,
		stopAtFailure: environment.stopAtFailure,
		notSentError: environment.notSentError,
	});
}
