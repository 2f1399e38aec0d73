/**
 * What a cell is measured against, and how its refusals are counted. Pure: no I/O.
 *
 * The ideal is a clairvoyant scheduler's: it knows the cap and every call's latency and
 * keeps the cap full from the first moment to the last, with no refusal and no overhead.
 * - fixed latency: ceil(N / cap) × latency;
 * - otherwise: the sum of the latencies the service drew ÷ cap, and never below the longest
 *   single call (no schedule finishes before its slowest call does).
 *
 * The first round: the calls a node sends before any answer can tell it the cap, in arrival
 * order: its opening burst (as many as its Concurrency) or `FIRST_ROUND_PER_SLOT × cap`
 * calls, whichever is more. A limiter that does not know the cap may spend refusals there to
 * learn it; refusals after it are counted against the calls after it.
 */
import { listScheduleEndMs } from '../listSchedule';
import { rangeOf } from '../range';
import type { Cell } from './cells';

export const FIRST_ROUND_PER_SLOT = 2;

export interface DrawnService {
	/** Admitted calls the emulator drew a latency for. */
	readonly calls: number;
	readonly totalMs: number;
	readonly maxMs: number;
}

export function idealMs(
	cell: Pick<Cell, 'latency' | 'cap' | 'items'>,
	latencyMs: number,
	drawn: DrawnService,
): number {
	if (cell.latency === 'fixed') return Math.ceil(cell.items / cell.cap) * latencyMs;
	return Math.max(drawn.totalMs / cell.cap, drawn.maxMs);
}

/** One call as the service saw it, in arrival order. */
export interface ServiceCall {
	readonly errorCode: string | null;
}

export interface RefusalCounts {
	/** Calls that reached the service (first attempts, resends, retries). */
	readonly calls: number;
	/** 0025 answers over the cap. */
	readonly refusals: number;
	/** Calls in the first round: min(calls, max(concurrency, 2 × cap)). */
	readonly firstRoundCalls: number;
	readonly firstRoundRefusals: number;
	/** Calls after the first round, and the refusals among them. */
	readonly lateCalls: number;
	readonly lateRefusals: number;
	/** lateRefusals ÷ lateCalls in %, 0 when there are no late calls. */
	readonly latePercent: number;
}

export function countRefusals(
	calls: readonly ServiceCall[],
	cap: number,
	concurrency: number,
): RefusalCounts {
	const firstRound = Math.max(concurrency, FIRST_ROUND_PER_SLOT * cap);
	const firstRoundCalls = Math.min(calls.length, firstRound);
	let refusals = 0;
	let firstRoundRefusals = 0;
	calls.forEach((call, index) => {
		if (call.errorCode !== '0025') return;
		refusals++;
		if (index < firstRoundCalls) firstRoundRefusals++;
	});
	const lateCalls = calls.length - firstRoundCalls;
	const lateRefusals = refusals - firstRoundRefusals;
	return {
		calls: calls.length,
		refusals,
		firstRoundCalls,
		firstRoundRefusals,
		lateCalls,
		lateRefusals,
		latePercent: lateCalls === 0 ? 0 : (100 * lateRefusals) / lateCalls,
	};
}

/** One admitted call as the service timed it. */
export interface TimedCall {
	readonly errorCode: string | null;
	readonly receivedAt: number;
	readonly durationMs: number | null;
}

/**
 * The median time a slot of the cap stood empty between an answer and the next call: with
 * the calls that took the service's slots sorted by arrival and their answers by end, the
 * k-th call (k >= cap) took the slot the (k - cap)-th answer freed. The clairvoyant ideal
 * counts 0 here; what it is, once per round, is n8n's and the node's own time per call (read
 * the answer, hand the slot on, send the next request). Null with no later calls.
 */
export function turnaroundMs(calls: readonly TimedCall[], cap: number): number | null {
	const taken = calls.filter((call) => call.errorCode !== '0025' && call.durationMs !== null);
	const arrivals = taken.map((call) => call.receivedAt).sort((a, b) => a - b);
	const ends = taken.map((call) => call.receivedAt + (call.durationMs ?? 0)).sort((a, b) => a - b);
	const gaps: number[] = [];
	for (let k = cap; k < arrivals.length; k++) gaps.push(arrivals[k]! - ends[k - cap]!);
	return rangeOf(gaps)?.median ?? null;
}

/** One call as the service drew its time: admitted calls have a latency, refusals a delay. */
export interface DrawnCall {
	readonly errorCode: string | null;
	readonly receivedAt: number;
	readonly delayMs: number | null;
}

/**
 * The best a scheduler that knows the cap but not the latencies can do with the latencies the
 * service drew: each admitted call, in arrival order, takes the slot that frees first, with no
 * overhead and no refusal (greedy list scheduling). With fixed latency it equals the ideal;
 * otherwise the gap between the two is what no online scheduler can win back (a slow call
 * drawn late ends late), and the gap between this and the wall is the node's. Null with no
 * admitted call.
 */
export function onlineMs(calls: readonly DrawnCall[], cap: number): number | null {
	const admitted = calls
		.filter((call) => call.errorCode !== '0025' && call.delayMs !== null)
		.sort((a, b) => a.receivedAt - b.receivedAt);
	if (admitted.length === 0) return null;
	return listScheduleEndMs(
		admitted.map((call) => ({ readyAtMs: 0, durationMs: call.delayMs ?? 0 })),
		cap,
	);
}
