/**
 * A cell's calls over time, as the emulator saw them: per bin, the fewest and most calls in
 * flight at the service, the calls that arrived and how many of those it refused. What a
 * ratio to the ideal hides: a cap reached late, a limit held under the cap, a burst of refusals.
 */
import type { TimedCall } from './ideal';
import { isFailure, type CellOutcome } from './table';

/**
 * A cell slower than this many times its online bound prints its timeline unasked: a run that
 * cannot be repeated at will then carries what explains it.
 */
export const OUTLIER_TO_BOUND = 1.15;

/** Bins over an outlier's span when no `--timeline` was asked for. */
const OUTLIER_BINS = 40;

/**
 * The bin of a cell's timeline: the one asked for, else for an outlier about 40 bins over its
 * span (whole 50 ms, at least 50), else none.
 */
export function timelineBinMs(outcome: CellOutcome, askedMs: number | null): number | null {
	if (askedMs !== null) return askedMs;
	if (isFailure(outcome) || outcome.onlineMs === null || outcome.spanMs === null) return null;
	if (outcome.wallMs / outcome.onlineMs <= OUTLIER_TO_BOUND) return null;
	return Math.max(50, Math.ceil(outcome.spanMs / OUTLIER_BINS / 50) * 50);
}

export interface TimelineBin {
	/** From the first call's arrival. */
	readonly startMs: number;
	readonly fewestInFlight: number;
	readonly mostInFlight: number;
	readonly arrivals: number;
	readonly refusals: number;
}

export function callTimeline(calls: readonly TimedCall[], binMs: number): TimelineBin[] {
	if (calls.length === 0) return [];
	const start = Math.min(...calls.map((call) => call.receivedAt));
	// Ends before starts at the same instant: a slot handed on is not two calls at once. A
	// call without a duration (no answer recorded) arrives but is never counted in flight.
	const events = calls
		.flatMap((call) => {
			const at = call.receivedAt - start;
			const refused = call.errorCode === '0025';
			const durationMs = call.durationMs ?? 0;
			if (durationMs <= 0) return [{ at, change: 0, arrival: true, refused }];
			return [
				{ at, change: 1, arrival: true, refused },
				{ at: at + durationMs, change: -1, arrival: false, refused: false },
			];
		})
		.sort((a, b) => a.at - b.at || a.change - b.change);
	const bins: Array<{
		fewestInFlight: number;
		mostInFlight: number;
		arrivals: number;
		refusals: number;
	}> = [];
	let inFlight = 0;
	for (const event of events) {
		const index = Math.floor(event.at / binMs);
		while (bins.length <= index)
			bins.push({ fewestInFlight: inFlight, mostInFlight: inFlight, arrivals: 0, refusals: 0 });
		inFlight += event.change;
		const bin = bins[index]!;
		bin.fewestInFlight = Math.min(bin.fewestInFlight, inFlight);
		bin.mostInFlight = Math.max(bin.mostInFlight, inFlight);
		if (event.arrival) {
			bin.arrivals++;
			if (event.refused) bin.refusals++;
		}
	}
	return bins.map((bin, index) => ({ startMs: index * binMs, ...bin }));
}

export function timelineLines(bins: readonly TimelineBin[]): string[] {
	return [
		'     ms  in flight  arrivals  0025',
		...bins.map(
			(bin) =>
				`${String(bin.startMs).padStart(7)}  ${`${bin.fewestInFlight}-${bin.mostInFlight}`.padStart(9)}  ${String(bin.arrivals).padStart(8)}  ${String(bin.refusals).padStart(4)}`,
		),
	];
}
