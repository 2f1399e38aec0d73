import { callTimeline, timelineLines } from '../matrix/timeline';

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
