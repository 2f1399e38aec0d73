import { AimdLimiter, DEFAULT_AIMD } from './aimdLimiter';
import { RequestScheduler } from './requestScheduler';
import { DEFAULT_RETRY_POLICY } from './retryPolicy';

/** How one node execution paces its requests. */
export interface PacingSettings {
	readonly concurrency: number;
	readonly maxRetries: number;
}

export interface PacingEnvironment {
	readonly sleep: (ms: number) => Promise<void>;
	readonly random: () => number;
	readonly isCancelled: () => boolean;
}

/** The scheduler one node execution shares across its items: the limiter and retries behind every request. */
export function createExecutionScheduler(
	settings: PacingSettings,
	environment: PacingEnvironment,
): RequestScheduler {
	return new RequestScheduler({
		limiter: new AimdLimiter({ ...DEFAULT_AIMD, max: settings.concurrency }),
		policy: { ...DEFAULT_RETRY_POLICY, maxRetries: settings.maxRetries },
		...environment,
	});
}
