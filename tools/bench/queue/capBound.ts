/**
 * The least a burst could take under the cap, from its floor (pure: tested in
 * tools/bench/test/queueProfile.test.ts). The floor's calls reach the service as n8n makes
 * them (queue mode hands most uploads to the workers in a rush near the end); a scheduler
 * that knew the cap and every call's time could at best put those same calls through it in
 * arrival order, each in the first slot to free. Like the matrix's online bound: what is
 * left above it is the node's.
 */

import { listScheduleEndMs } from '../listSchedule';

/** One call of a floor burst, as the service timed it: ms from the burst's start, and its duration. */
export interface FloorCall {
	readonly atMs: number;
	readonly durationMs: number;
}

/** When the last of `calls` would end, put through `cap` slots in arrival order (greedy list scheduling). */
export function cappedEndMs(calls: readonly FloorCall[], cap: number): number {
	return listScheduleEndMs(
		[...calls]
			.sort((a, b) => a.atMs - b.atMs)
			.map((call) => ({ readyAtMs: call.atMs, durationMs: call.durationMs })),
		cap,
	);
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
