/**
 * The least a burst could take under the cap, from its floor (pure: tested in
 * tools/bench/test/queueProfile.test.ts). The floor's calls reach the service as n8n makes
 * them (queue mode hands most uploads to the workers in a rush near the end); a scheduler
 * that knew the cap and every call's time could at best put those same calls through it in
 * arrival order, each in the first slot to free. Like the matrix's online bound: what is
 * left above it is the node's.
 */

/** One call of a floor burst, as the service timed it: ms from the burst's start, and its duration. */
export interface FloorCall {
	readonly atMs: number;
	readonly durationMs: number;
}

/** When the last of `calls` would end, put through `cap` slots in arrival order (greedy list scheduling). */
export function cappedEndMs(calls: readonly FloorCall[], cap: number): number {
	const slotsFreeAt: number[] = new Array<number>(Math.max(1, cap)).fill(0);
	let end = 0;
	for (const call of [...calls].sort((a, b) => a.atMs - b.atMs)) {
		let first = 0;
		for (let slot = 1; slot < slotsFreeAt.length; slot++)
			if (slotsFreeAt[slot]! < slotsFreeAt[first]!) first = slot;
		const ends = Math.max(slotsFreeAt[first]!, call.atMs) + call.durationMs;
		slotsFreeAt[first] = ends;
		end = Math.max(end, ends);
	}
	return end;
}

/**
 * The floor's wall, later by what the cap alone adds: its last call's end moved to where the
 * cap puts it (the time n8n takes after the last answer is kept). Null without calls.
 */
export function capBoundMs(
	floorWallMs: number,
	calls: readonly FloorCall[],
	cap: number,
): number | null {
	if (calls.length === 0) return null;
	const lastEnd = Math.max(...calls.map((call) => call.atMs + call.durationMs));
	return floorWallMs + Math.max(0, cappedEndMs(calls, cap) - lastEnd);
}
