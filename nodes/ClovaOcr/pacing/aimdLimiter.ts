/**
 * How many requests one node execution keeps in flight, found by probing:
 * additive increase while the service takes them, multiplicative decrease
 * when it answers that its per-domain concurrency cap is reached (0025, 429).
 */
export interface AimdSettings {
	/** The configured concurrency: where the limit starts and the most it grows to. */
	readonly max: number;
	/** The least the limit falls to. */
	readonly min: number;
	/** The limit is multiplied by this on congestion, once per window. */
	readonly decreaseFactor: number;
	/** Added to the limit over one window of accepted requests (as many as the limit). */
	readonly increasePerWindow: number;
}

/**
 * A gentle decrease: the refused limit is never kept (see onCongestion), so 0.9 is enough
 * to step below the cap, and a probe above it costs one refused request, not a tenth of
 * the throughput (measured by `npm run bench`).
 */
export const DEFAULT_AIMD: Omit<AimdSettings, 'max'> = {
	min: 1,
	decreaseFactor: 0.9,
	increasePerWindow: 1,
};

/**
 * - `accepted`: the service took the request (an answer, even a failed recognition).
 * - `congested`: the service refused it for its concurrency cap.
 * - `failed`: anything else (5xx, timeout, dropped connection): no signal either way.
 */
export type RequestOutcome = 'accepted' | 'congested' | 'failed';

/** Which queue a waiting request joins: retries go before first attempts. */
export type RequestKind = 'first' | 'retry';

export interface Permit {
	/** How many other requests of the batch were in flight when this one was let through. */
	readonly othersInFlight: number;
	/** Ends the request; the outcome adjusts the limit. Later calls do nothing. */
	release(outcome: RequestOutcome): void;
}

export class AimdLimiter {
	private limitValue: number;
	private inFlightCount = 0;
	/** Bumped on every decrease: a refusal of a request sent before it was already answered for. */
	private window = 0;
	private readonly waiting: Record<RequestKind, Array<() => void>> = { retry: [], first: [] };

	constructor(private readonly settings: AimdSettings) {
		this.limitValue = settings.max;
	}

	/** The limit as a fraction: it grows by parts of one request. */
	get limit(): number {
		return this.limitValue;
	}

	/** How many requests may be in flight right now. */
	get allowed(): number {
		return Math.max(this.settings.min, Math.floor(this.limitValue));
	}

	get inFlight(): number {
		return this.inFlightCount;
	}

	get waitingCount(): number {
		return this.waiting.retry.length + this.waiting.first.length;
	}

	/** Resolves once a request may be sent. */
	acquire(kind: RequestKind = 'first'): Promise<Permit> {
		if (this.waitingCount === 0 && this.inFlightCount < this.allowed) {
			return Promise.resolve(this.grant());
		}
		return new Promise((resolve) => this.waiting[kind].push(() => resolve(this.grant())));
	}

	private grant(): Permit {
		this.inFlightCount++;
		const window = this.window;
		let released = false;
		return {
			othersInFlight: this.inFlightCount - 1,
			release: (outcome) => {
				if (released) return;
				released = true;
				this.onRelease(window, outcome);
			},
		};
	}

	private onRelease(window: number, outcome: RequestOutcome): void {
		// Growing is only earned by a limit that was in use, not by a batch's trickle.
		const limitWasReached = this.inFlightCount >= this.allowed || this.waitingCount > 0;
		this.inFlightCount--;
		if (outcome === 'accepted' && limitWasReached) this.increase();
		if (outcome === 'congested') this.onCongestion(window);
		this.dispatch();
	}

	private increase(): void {
		const { max, increasePerWindow } = this.settings;
		this.limitValue = Math.min(max, this.limitValue + increasePerWindow / this.limitValue);
	}

	private onCongestion(window: number): void {
		const { min, decreaseFactor } = this.settings;
		if (window === this.window) {
			this.limitValue *= decreaseFactor;
			this.window++;
		}
		// The requests still in flight are the ones the service took: the limit that was
		// refused is never kept, and the rest of a burst brings it down to what was taken.
		this.limitValue = Math.max(min, Math.min(this.limitValue, this.inFlightCount));
	}

	private dispatch(): void {
		while (this.inFlightCount < this.allowed) {
			const next = this.waiting.retry.shift() ?? this.waiting.first.shift();
			if (!next) return;
			next();
		}
	}
}
