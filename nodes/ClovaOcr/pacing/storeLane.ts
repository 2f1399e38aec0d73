/**
 * How many of one execution's items read from n8n's store (their file, their credential) at
 * once. Enough to keep a cap of 32 fed between two rounds; few enough that the first item's
 * reads do not queue behind those of every item Concurrency lets start.
 */
export const STORE_LANE_WIDTH = 4;

/**
 * How many reads from n8n's store all executions of the node in one process make at once. In
 * queue mode a worker runs up to `--concurrency` executions together, and n8n's database pool
 * (2 connections by default) fails any query that waits 20 s for one: reads held here wait
 * without that timeout, and the pool's queue holds at most this many of the process's reads
 * beside n8n's own queries (which can still fill it past 20 s).
 */
export const PROCESS_STORE_LANE_WIDTH = 4;

interface Waiter {
	readonly itemIndex: number;
	readonly start: () => void;
}

/**
 * Reads from n8n's store, `width` at a time, the lowest item first (equal items in the order
 * they came). An execution's lane runs inside the process's lane (`parent`), so each
 * execution holds at most its own width of places there, and executions take turns. Without
 * the execution's lane, Concurrency 64 starts 64 items' reads together: n8n serves them
 * interleaved, so the first request waits for the 64th file and credential, and a round's
 * answers free slots while the next round's reads crowd the requests that would take them.
 */
export class StoreLane {
	private running = 0;
	/** Sorted by item index: an earlier item is sent earlier, so it reads first. */
	private readonly waiting: Waiter[] = [];

	constructor(
		private readonly width: number = STORE_LANE_WIDTH,
		private readonly parent?: StoreLane,
		/** The execution's cancel signal: a read that has not started leaves both lanes. */
		private readonly signal?: AbortSignal,
	) {}

	/** Runs `work` once a place is free here and in the parent; rejects with the signal's reason if it aborts first. */
	async run<T>(
		itemIndex: number,
		work: () => Promise<T>,
		signal: AbortSignal | undefined = this.signal,
	): Promise<T> {
		await this.enter(itemIndex, signal);
		try {
			return this.parent ? await this.parent.run(0, work, signal) : await work();
		} finally {
			this.leave();
		}
	}

	private async enter(itemIndex: number, signal: AbortSignal | undefined): Promise<void> {
		if (signal?.aborted) throw signal.reason;
		if (this.running < this.width) {
			this.running++;
			return;
		}
		await new Promise<void>((resolve, reject) => {
			const onAbort = () => {
				const at = this.waiting.indexOf(waiter);
				if (at === -1) return;
				this.waiting.splice(at, 1);
				reject(signal!.reason);
			};
			const waiter: Waiter = {
				itemIndex,
				start: () => {
					signal?.removeEventListener('abort', onAbort);
					resolve();
				},
			};
			const at = this.waiting.findIndex((other) => other.itemIndex > itemIndex);
			this.waiting.splice(at === -1 ? this.waiting.length : at, 0, waiter);
			signal?.addEventListener('abort', onAbort, { once: true });
		});
	}

	private leave(): void {
		const next = this.waiting.shift();
		// The place passes straight to the next item: `running` stays as it is.
		if (next) next.start();
		else this.running--;
	}
}

/** The process's lane: module state is shared by every execution n8n runs in this process. */
export const PROCESS_STORE_LANE = new StoreLane(PROCESS_STORE_LANE_WIDTH);

/** One execution's lane, inside the process's. */
export function executionStoreLane(cancelSignal: AbortSignal | undefined): StoreLane {
	return new StoreLane(STORE_LANE_WIDTH, PROCESS_STORE_LANE, cancelSignal);
}
