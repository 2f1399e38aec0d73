import type { Cell } from '../matrix/cells';
import { callTimeline, timelineBinMs, timelineLines } from '../matrix/timeline';

const call = (receivedAt: number, durationMs: number | null, errorCode: string | null = null) => ({
	receivedAt,
	durationMs,
	errorCode,
});

describe('callTimeline', () => {
	it('nothing for no calls', () => {
		expect(callTimeline([], 50)).toEqual([]);
	});

	it('per bin from the first arrival: the fewest and most in flight, arrivals and refusals', () => {
		const calls = [
			call(1000, 300),
			call(1010, 300),
			call(1020, 5, '0025'),
			call(1130, 300),
			// takes the first call's slot the instant it ends: never three at once
			call(1300, 300),
		];
		expect(callTimeline(calls, 100)).toEqual([
			{ startMs: 0, fewestInFlight: 0, mostInFlight: 3, arrivals: 3, refusals: 1 },
			{ startMs: 100, fewestInFlight: 2, mostInFlight: 3, arrivals: 1, refusals: 0 },
			{ startMs: 200, fewestInFlight: 3, mostInFlight: 3, arrivals: 0, refusals: 0 },
			{ startMs: 300, fewestInFlight: 2, mostInFlight: 3, arrivals: 1, refusals: 0 },
			{ startMs: 400, fewestInFlight: 1, mostInFlight: 2, arrivals: 0, refusals: 0 },
			{ startMs: 500, fewestInFlight: 1, mostInFlight: 1, arrivals: 0, refusals: 0 },
			{ startMs: 600, fewestInFlight: 0, mostInFlight: 1, arrivals: 0, refusals: 0 },
		]);
	});

	it('a call without a duration (no answer) arrives but is never in flight', () => {
		expect(callTimeline([call(0, null), call(5, 0), call(20, 10)], 50)).toEqual([
			{ startMs: 0, fewestInFlight: 0, mostInFlight: 1, arrivals: 3, refusals: 0 },
		]);
	});
});

describe('timelineLines', () => {
	it('a header, then one line per bin', () => {
		expect(
			timelineLines([
				{ startMs: 50, fewestInFlight: 7, mostInFlight: 8, arrivals: 3, refusals: 1 },
			]),
		).toEqual(['     ms  in flight  arrivals  0025', '     50        7-8         3     1']);
	});
});

describe('timelineBinMs: which cells print their calls over time', () => {
	const cell: Cell = { items: 200, latency: 'tail', refusal: 'at-once', cap: 2, scale: 1 };
	const result = (wallMs: number, onlineMs: number | null, spanMs: number | null) => ({
		cell,
		wallMs,
		leadMs: 20,
		spanMs,
		turnMs: 5,
		idealMs: 38_930,
		onlineMs,
		refusals: {
			calls: 208,
			refusals: 8,
			firstRoundCalls: 64,
			firstRoundRefusals: 4,
			lateCalls: 144,
			lateRefusals: 4,
			latePercent: 2.8,
		},
		failedItems: 0,
		peakInFlight: 2,
		drawnCalls: 200,
	});

	it('the bin asked for, for every cell', () => {
		expect(timelineBinMs(result(39_900, 39_040, 39_800), 1000)).toBe(1000);
		expect(timelineBinMs({ cell, error: 'n8n exit 1' }, 500)).toBe(500);
	});

	it('unasked, none for a cell within 1.15 x its online bound', () => {
		expect(timelineBinMs(result(44_896, 39_040, 44_800), null)).toBeNull();
	});

	it('unasked, an outlier: about 40 bins over its span, in whole 50 ms', () => {
		// 47.87 s against a bound of 39.04 s (1.23 x), calls over 47.70 s: 47,700 / 40 = 1,192.5
		expect(timelineBinMs(result(47_870, 39_040, 47_700), null)).toBe(1200);
		// a short span: never under 50 ms
		expect(timelineBinMs(result(840, 600, 780), null)).toBe(50);
	});

	it('unasked, none without a bound or a span, or for a cell that failed', () => {
		expect(timelineBinMs(result(47_870, null, 47_700), null)).toBeNull();
		expect(timelineBinMs(result(47_870, 39_040, null), null)).toBeNull();
		expect(timelineBinMs({ cell, error: 'n8n exit 1' }, null)).toBeNull();
	});
});
