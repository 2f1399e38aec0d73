import { AimdLimiter, DEFAULT_AIMD } from './aimdLimiter';
import { RequestScheduler } from './requestScheduler';
import { DEFAULT_RETRY_POLICY } from './retryPolicy';

export interface BatchSettings {
	readonly concurrency: number;
	readonly maxRetries: number;
	readonly timeoutMs: number;
}

export interface BatchEnvironment {
	readonly sleep: (ms: number) => Promise<void>;
	readonly random: () => number;
	readonly isCancelled: () => boolean;
}

/** The state one node execution shares across its items: the limiter and retries behind every request. */
export interface Batch {
	readonly settings: BatchSettings;
	readonly limiter: AimdLimiter;
	readonly scheduler: RequestScheduler;
}

export function createBatch(settings: BatchSettings, environment: BatchEnvironment): Batch {
	const limiter = new AimdLimiter({ ...DEFAULT_AIMD, max: settings.concurrency });
	const scheduler = new RequestScheduler({
		limiter,
		policy: { ...DEFAULT_RETRY_POLICY, maxRetries: settings.maxRetries },
		...environment,
	});
	return { settings, limiter, scheduler };
}
