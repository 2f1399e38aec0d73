/**
 * How many requests to one CLOVA OCR domain are kept in flight, found by probing: until
 * the service first answers that its per-domain concurrency cap is reached (0025, 429)
 * nothing is known of the cap, and the limit grows by one per accepted request; then the
 * limit becomes what the service held, and stays there: one request above it is tried again
 * after a plateau that doubles each time the same cap refuses it, up to a number of calls. A
 * refusal below what this process has held shows another sender (a queue-mode worker) shares
 * the cap: the plateau starts over, so the share is probed again soon after that sender stops.
 * A probe the service takes shows the cap was raised: the limit then grows by one per
 * accepted request until the next refusal. One limiter is shared by every execution in the
 * process that sends to the same domain (see limiterRegistry.ts); each execution waits in
 * its own lane.
 */
export interface AimdSettings {
	/** Where the limit starts. */
	readonly initial: number;
	/** The most the limit grows to. */
	readonly max: number;
	/** The least the limit falls to. */
	readonly min: number;
	/** Added to the limit over one window of accepted requests (as many as the limit). */
	readonly increasePerWindow: number;
	/**
	 * Windows accepted just under a refused limit before it is tried again. A refusal there
	 * shows the cap has not moved: the plateau doubles, but lasts at most `maxPlateauCalls`
	 * accepted calls (never less than `plateauWindows` windows), so a stable cap costs at
	 * most one refusal in that many calls, and a cap that was raised (another process
	 * stopped sending) is found within them, whatever the share this process holds.
	 */
	readonly plateauWindows: number;
	readonly maxPlateauCalls: number;
	/** And at most this many windows, however few requests this process holds. */
	readonly maxPlateauWindows: number;
}

/**
 * No multiplicative cut: a refusal says how many the service held (the requests still in
 * flight), and that is where the limit goes. Cutting below it leaves slots of the cap idle
 * until the limit grows back, which cost up to a fifth of the throughput against a service
 * that refuses at once (measured by `npm run bench -- matrix`). A plateau of at most 32
 * calls and 16 windows: once the cap is stable, a probe in 32 calls at most (3.1 %); a
 * plateau counted in windows only (up to 64 of them) left a worker at its share of a cap
 * for up to 64 windows after the other worker stopped (`npm run bench -- limiter`).
 */
export const DEFAULT_AIMD: Omit<AimdSettings, 'initial'> = {
	max: 64,
	min: 1,
	increasePerWindow: 1,
	plateauWindows: 4,
	maxPlateauCalls: 32,
	maxPlateauWindows: 16,
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
	/** How many other requests to the domain (any execution) were in flight when this one was let through. */
	readonly othersInFlight: number;
	/** Ends the request; the outcome adjusts the limit. Later calls do nothing. */
	release(outcome: RequestOutcome): void;
}

/** Who waits: one execution. Lanes are served in turn, so a large batch cannot starve a single card. */
export type Lane = object;

export interface AcquireOptions {
	readonly kind?: RequestKind;
	readonly lane?: Lane;
	/** Aborting it takes the request out of the queue: `acquire` rejects with the signal's reason. */
	readonly signal?: AbortSignal;
}

interface Waiter {
	readonly grant: () => void;
}

type LaneQueue = Record<RequestKind, Waiter[]>;

interface SentRequest {
	refused: boolean;
}

const DEFAULT_LANE: Lane = {};

export class AimdLimiter {
	private limitValue: number;
	private inFlightCount = 0;
	/** The requests in flight; each is marked when the service refuses it, for those sent beside it. */
	private readonly outstanding = new Set<SentRequest>();
	private waitingTotal = 0;
	/** The lowest limit the service refused, once it did. */
	private refusedLimit = Number.POSITIVE_INFINITY;
	/** Windows accepted just under the refused limit (in parts of one): the plateau's age. */
	private windowsAtPlateau = 0;
	/** How long the plateau lasts before the refused limit is tried again (windows, before the call bound). */
	private plateauLength: number;
	/**
	 * Nothing is known of the cap (no refusal yet), or a probe was taken (it was raised by an
	 * unknown amount): growth is per accepted request, not per window, until a refusal.
	 */
	private capRaised = true;
	/**
	 * The most requests this process has had accepted for a whole window with the limit in use
	 * (a window: as many accepted requests in a row, no refusal between, as the limit was
	 * when it began): what the service has shown it holds for this process.
	 */
	private provenLimit = 0;
	/** The window being counted: the limit when it began, and its accepted requests so far. */
	private windowOf = 0;
	private acceptedInWindow = 0;
	/** Lanes with waiting requests, in turn order: a lane served goes to the back. */
	private readonly lanes = new Map<Lane, LaneQueue>();
	private lastActiveMs: number;

	constructor(
		private readonly settings: AimdSettings,
		private readonly now: () => number = Date.now,
	) {
		this.limitValue = Math.min(settings.max, Math.max(settings.min, settings.initial));
		this.plateauLength = settings.plateauWindows;
		this.lastActiveMs = now();
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
		return this.waitingTotal;
	}

	/** Nothing in flight or waiting since `idleMs`: the registry may forget this limiter. */
	isIdleFor(idleMs: number): boolean {
		return (
			this.inFlightCount === 0 &&
			this.waitingTotal === 0 &&
			this.now() - this.lastActiveMs >= idleMs
		);
	}

	/**
	 * An execution that starts with a higher Concurrency lifts the limit to it, unless
	 * the service already refused that many: a learned cap is kept.
	 */
	offer(concurrency: number): void {
		const wanted = Math.min(this.settings.max, concurrency, this.refusedLimit - 1);
		if (wanted > this.limitValue) this.limitValue = wanted;
	}

	/** A permit now, without waiting, when one is free and nobody waits; else undefined. */
	tryAcquire(): Permit | undefined {
		if (this.waitingTotal > 0 || this.inFlightCount >= this.allowed) return undefined;
		return this.grant();
	}

	/** Resolves once a request may be sent. */
	acquire(options: AcquireOptions = {}): Promise<Permit> {
		const signal = options.signal;
		if (signal?.aborted) return Promise.reject(signal.reason);
		const now = this.tryAcquire();
		if (now) return Promise.resolve(now);
		const lane = options.lane ?? DEFAULT_LANE;
		const kind = options.kind ?? 'first';
		return new Promise((resolve, reject) => {
			const onAbort = () => {
				if (!this.remove(lane, kind, waiter)) return;
				reject(signal!.reason);
				// A waiter that leaves may have been the one holding others back.
				this.dispatch();
			};
			const waiter: Waiter = {
				grant: () => {
					signal?.removeEventListener('abort', onAbort);
					resolve(this.grant());
				},
			};
			this.enqueue(lane, kind, waiter);
			signal?.addEventListener('abort', onAbort, { once: true });
		});
	}

	private enqueue(lane: Lane, kind: RequestKind, waiter: Waiter): void {
		let queue = this.lanes.get(lane);
		if (!queue) {
			queue = { retry: [], first: [] };
			this.lanes.set(lane, queue);
		}
		queue[kind].push(waiter);
		this.waitingTotal++;
	}

	private remove(lane: Lane, kind: RequestKind, waiter: Waiter): boolean {
		const queue = this.lanes.get(lane);
		const index = queue ? queue[kind].indexOf(waiter) : -1;
		if (!queue || index < 0) return false;
		queue[kind].splice(index, 1);
		this.waitingTotal--;
		if (queue.retry.length + queue.first.length === 0) this.lanes.delete(lane);
		return true;
	}

	/**
	 * The next waiter: lanes take turns (the one served goes to the back), and in its
	 * turn a lane sends its retry before its first attempts. Retries first across all
	 * lanes would let a batch's refused requests keep a single card waiting.
	 */
	private takeNext(): Waiter | undefined {
		for (const [lane, queue] of this.lanes) {
			const waiter = queue.retry.shift() ?? queue.first.shift();
			if (!waiter) continue;
			this.waitingTotal--;
			this.lanes.delete(lane);
			if (queue.retry.length + queue.first.length > 0) this.lanes.set(lane, queue);
			return waiter;
		}
		return undefined;
	}

	private grant(): Permit {
		this.inFlightCount++;
		this.lastActiveMs = this.now();
		const request: SentRequest = { refused: false };
		const sentBeside = [...this.outstanding];
		this.outstanding.add(request);
		let released = false;
		return {
			othersInFlight: this.inFlightCount - 1,
			release: (outcome) => {
				if (released) return;
				released = true;
				this.outstanding.delete(request);
				if (outcome === 'congested') request.refused = true;
				this.onRelease(outcome, sentBeside);
			},
		};
	}

	/** `sentBeside`: the requests in flight when this one was sent. */
	private onRelease(outcome: RequestOutcome, sentBeside: readonly SentRequest[]): void {
		// Growing is only earned by a limit that was in use, not by a trickle.
		const limitWasReached = this.inFlightCount >= this.allowed || this.waitingTotal > 0;
		this.inFlightCount--;
		this.lastActiveMs = this.now();
		if (outcome === 'accepted' && limitWasReached) {
			this.countWindow();
			this.increase();
		}
		if (outcome === 'congested')
			this.onCongestion(sentBeside.filter((request) => !request.refused).length);
		this.dispatch();
	}

	/** An accepted request with the limit in use: a whole window of them proves the limit it began at. */
	private countWindow(): void {
		if (this.acceptedInWindow === 0) this.windowOf = this.allowed;
		if (++this.acceptedInWindow < this.windowOf) return;
		this.provenLimit = Math.max(this.provenLimit, this.windowOf);
		this.acceptedInWindow = 0;
	}

	/** Windows the plateau lasts now: its doubled length, within `maxPlateauCalls` at this limit and `maxPlateauWindows`. */
	private currentPlateauWindows(): number {
		const { plateauWindows, maxPlateauCalls, maxPlateauWindows } = this.settings;
		const longest = Math.min(
			maxPlateauWindows,
			Math.max(plateauWindows, maxPlateauCalls / this.allowed),
		);
		return Math.min(this.plateauLength, longest);
	}

	private increase(): void {
		const { max, increasePerWindow } = this.settings;
		const plateau = this.refusedLimit - 1;
		if (this.limitValue >= plateau && this.limitValue < this.refusedLimit) {
			// Just under the cap the service showed: held, then the refused limit is tried once more.
			this.windowsAtPlateau += 1 / this.allowed;
			if (this.windowsAtPlateau >= this.currentPlateauWindows())
				this.limitValue = this.refusedLimit;
			return;
		}
		const step = this.capRaised ? increasePerWindow : increasePerWindow / this.limitValue;
		this.limitValue = Math.min(max, this.limitValue + step);
		if (this.limitValue >= plateau && this.limitValue < this.refusedLimit) {
			this.limitValue = plateau;
		} else if (this.limitValue >= this.refusedLimit + 1) {
			// A window at the refused limit went by without a refusal: the cap was raised.
			this.refusedLimit = Number.POSITIVE_INFINITY;
			this.plateauLength = this.settings.plateauWindows;
			this.capRaised = true;
		}
	}

	private onCongestion(takenBeside: number): void {
		const { min } = this.settings;
		// What the service held when it refused: the requests still in flight (an answer the
		// process has not read yet counts though its slot at the service is free), or, for a
		// refusal that comes back late, those sent before it that it did not refuse: meanwhile
		// answers may have emptied slots no item was ready to fill (with items read four at a
		// time, a cap of 32 was read as 22 and held there for six rounds: `npm run bench --
		// matrix --timeline 50`, refusals after 50-200 ms). A refusal shows the cap is below
		// `held + 1`, and only the lowest such reading is kept; a higher one is the same cap
		// seen late, not a cap that was raised.
		const held = Math.max(min, this.inFlightCount, takenBeside);
		const refused = held + 1;
		// Refused below what this process has held: another sender (a queue-mode worker) shares
		// the cap and may stop at any time, so its share is probed again soon. Otherwise the same
		// cap refused a probe again: it is stable, so probe it half as often.
		if (held < this.provenLimit) this.plateauLength = this.settings.plateauWindows;
		else if (refused >= this.refusedLimit) this.plateauLength = this.currentPlateauWindows() * 2;
		this.acceptedInWindow = 0;
		this.refusedLimit = Math.min(this.refusedLimit, refused);
		this.limitValue = Math.max(min, Math.min(this.limitValue, this.refusedLimit - 1));
		this.windowsAtPlateau = 0;
		this.capRaised = false;
	}

	private dispatch(): void {
		while (this.inFlightCount < this.allowed) {
			const next = this.takeNext();
			if (!next) return;
			next.grant();
		}
	}
}
