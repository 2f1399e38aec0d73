/** Greedy list scheduling, for the benches' lower bounds. Pure: no I/O. */

export interface ScheduledJob {
	/** When the job may start, from the schedule's start (0: from the start). */
	readonly readyAtMs: number;
	readonly durationMs: number;
}

/**
 * When the last of `jobs` ends if each, in the order given, takes the slot that frees first
 * and starts once that slot is free and the job is ready; 0 with no jobs.
 */
export function listScheduleEndMs(jobs: Iterable<ScheduledJob>, slots: number): number {
	const slotsFreeAt: number[] = new Array<number>(Math.max(1, slots)).fill(0);
	let end = 0;
	for (const job of jobs) {
		let first = 0;
		for (let slot = 1; slot < slotsFreeAt.length; slot++)
			if (slotsFreeAt[slot]! < slotsFreeAt[first]!) first = slot;
		const ends = Math.max(slotsFreeAt[first]!, job.readyAtMs) + job.durationMs;
		slotsFreeAt[first] = ends;
		end = Math.max(end, ends);
	}
	return end;
}
