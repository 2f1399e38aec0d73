/**
 * How many of one execution's items read from n8n's store (their file, their credential) at
 * once. Enough to keep a cap of 32 fed between two rounds; few enough that the first item's
 * reads do not queue behind those of every item Concurrency lets start.
 */
export const STORE_LANE_WIDTH = 4;

interface Waiter {
	readonly itemIndex: number;
	readonly start: () => void;
}

/**
 * One execution's reads from n8n's store, `width` at a time, the lowest item first. Without
 * it, Concurrency 64 starts 64 items' reads together: n8n serves them interleaved, so the
 * first request waits for the 64th file and credential, and a round's answers free slots
 * while the next round's reads crowd the requests that would take them.
 */
export class StoreLane {
	private running = 0;
	/** Sorted by item index: an earlier item is sent earlier, so it reads first. */
	private readonly waiting: Waiter[] = [];

	constructor(private readonly width: number = STORE_LANE_WIDTH) {}

	async run<T>(itemIndex: number, work: () => Promise<T>): Promise<T> {
		await this.enter(itemIndex);
		try {
			return await work();
		} finally {
			this.leave();
		}
	}

	private async enter(itemIndex: number): Promise<void> {
		if (this.running < this.width) {
			this.running++;
			return;
		}
		await new Promise<void>((start) => {
			const at = this.waiting.findIndex((waiter) => waiter.itemIndex > itemIndex);
			this.waiting.splice(at === -1 ? this.waiting.length : at, 0, { itemIndex, start });
		});
	}

	private leave(): void {
		const next = this.waiting.shift();
		// The place passes straight to the next item: `running` stays as it is.
		if (next) next.start();
		else this.running--;
	}
}
