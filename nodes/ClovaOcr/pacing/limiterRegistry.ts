import { createHash } from 'crypto';

import { AimdLimiter, DEFAULT_AIMD } from './aimdLimiter';

/** Where requests go: a CLOVA OCR domain is its endpoint and the secret that opens it. */
export interface PacingDomain {
	readonly url: string;
	readonly secretKey: string;
}

/** A limiter nothing used for this long is forgotten (at the next look-up: no timers). */
export const LIMITER_IDLE_EXPIRY_MS = 10 * 60_000;

/**
 * One limiter per domain for the whole process: every execution of the node that sends
 * to the same endpoint with the same secret shares it, so a burst of single-item
 * executions queues under the service's cap instead of spending retries on it.
 */
export class LimiterRegistry {
	private readonly limiters = new Map<string, AimdLimiter>();

	constructor(
		private readonly now: () => number = Date.now,
		private readonly idleExpiryMs = LIMITER_IDLE_EXPIRY_MS,
	) {}

	get size(): number {
		return this.limiters.size;
	}

	/** The domain's limiter, made on first use; `concurrency` may lift its limit (AimdLimiter.offer). */
	limiterFor(domain: PacingDomain, concurrency: number): AimdLimiter {
		this.forgetIdle();
		const key = domainKey(domain);
		let limiter = this.limiters.get(key);
		if (!limiter) {
			limiter = new AimdLimiter({ ...DEFAULT_AIMD, initial: concurrency }, this.now);
			this.limiters.set(key, limiter);
		}
		limiter.offer(concurrency);
		return limiter;
	}

	private forgetIdle(): void {
		for (const [key, limiter] of this.limiters) {
			if (limiter.isIdleFor(this.idleExpiryMs)) this.limiters.delete(key);
		}
	}
}

/** The secret never becomes a key (a heap snapshot would show it): only its hash does. */
export function domainKey(domain: PacingDomain): string {
	const secretHash = createHash('sha256').update(domain.secretKey, 'utf8').digest('hex');
	return `${domain.url}\n${secretHash}`;
}

/** The process's registry: module state is shared by every execution n8n runs in this process. */
export const PROCESS_LIMITERS = new LimiterRegistry();
