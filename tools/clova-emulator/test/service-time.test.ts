import {
	drawLatency,
	drawUniform,
	lognormalSigma,
	ServiceClock,
	type LatencyModel,
} from '../service-time';
import { createSeededRandom } from '../seeded-random';
import {
	errorBody,
	holdSlots,
	jsonMessage,
	pngWith,
	postJson,
	useEmulator,
	waitFor,
} from './test-support';

const emulator = useEmulator();
const file = pngWith('service-time');

const FIXED: LatencyModel = {
	distribution: 'fixed',
	latencyMs: 300,
	p95Ratio: 2,
	tailRate: 0,
	tailFactor: 10,
};
const LOGNORMAL: LatencyModel = { ...FIXED, distribution: 'lognormal' };

function draws(model: LatencyModel, count: number, seed = 7): number[] {
	const clock = new ServiceClock(seed);
	return Array.from({ length: count }, () => clock.nextLatency(model));
}

function quantile(values: number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

describe('latency draws', () => {
	it('fixed: every request takes latencyMs', () => {
		expect(new Set(draws(FIXED, 1000))).toEqual(new Set([300]));
	});

	it('sigma is ln(p95 ratio) / 1.645', () => {
		expect(lognormalSigma(2)).toBeCloseTo(Math.log(2) / 1.645, 3);
	});

	it.each([1, 2, 3])(
		'lognormal (seed %i): median ≈ latencyMs and p95 ≈ 2 × median over 5000 draws',
		(seed) => {
			const values = draws(LOGNORMAL, 5000, seed);
			expect(Math.abs(quantile(values, 0.5) / 300 - 1)).toBeLessThan(0.04);
			expect(Math.abs(quantile(values, 0.95) / 600 - 1)).toBeLessThan(0.07);
			expect(Math.min(...values)).toBeGreaterThan(0);
		},
	);

	it('a p95 ratio of 3 puts p95 at about 3 × the median', () => {
		const values = draws({ ...LOGNORMAL, p95Ratio: 3 }, 5000);
		expect(Math.abs(quantile(values, 0.95) / 900 - 1)).toBeLessThan(0.08);
	});

	it('the tail: about tailRate of the draws take tailFactor × latencyMs, on fixed or lognormal', () => {
		for (const base of [FIXED, LOGNORMAL]) {
			const values = draws({ ...base, tailRate: 0.02, tailFactor: 10 }, 5000);
			const slow = values.filter((ms) => ms === 3000).length / values.length;
			expect(slow).toBeGreaterThan(0.014);
			expect(slow).toBeLessThan(0.026);
		}
	});

	it('the tail does not move the other draws: the same seed gives the same jitter', () => {
		const plain = draws(LOGNORMAL, 2000);
		const tailed = draws({ ...LOGNORMAL, tailRate: 0.02 }, 2000);
		const differ = plain.filter((ms, index) => tailed[index] !== ms).length;
		expect(differ).toBeGreaterThan(0);
		tailed.forEach((ms, index) => {
			if (ms !== 3000) expect(ms).toBe(plain[index]);
		});
	});

	it('is reproducible: the same seed, the same sequence; restart starts it again', () => {
		const clock = new ServiceClock(11);
		const first = Array.from({ length: 50 }, () => clock.nextLatency(LOGNORMAL));
		expect(draws(LOGNORMAL, 50, 11)).toEqual(first);
		expect(draws(LOGNORMAL, 50, 12)).not.toEqual(first);
		clock.restart(11);
		expect(clock.drawn).toEqual({ calls: 0, totalMs: 0, maxMs: 0 });
		expect(Array.from({ length: 50 }, () => clock.nextLatency(LOGNORMAL))).toEqual(first);
		expect(clock.drawn).toEqual({
			calls: 50,
			totalMs: first.reduce((sum, ms) => sum + ms, 0),
			maxMs: Math.max(...first),
		});
	});

	it('drawLatency uses the raw model (no rounding); the clock rounds to whole ms', () => {
		const raw = drawLatency(LOGNORMAL, createSeededRandom(3));
		expect(Number.isInteger(raw)).toBe(false);
		expect(draws(LOGNORMAL, 100).every(Number.isInteger)).toBe(true);
	});

	it('a refusal delay is drawn uniformly within its range', () => {
		const random = createSeededRandom(5);
		const values = Array.from({ length: 5000 }, () => drawUniform([50, 200], random));
		expect(Math.min(...values)).toBeGreaterThanOrEqual(50);
		expect(Math.max(...values)).toBeLessThanOrEqual(200);
		expect(Math.abs(quantile(values, 0.5) - 125)).toBeLessThan(6);
		expect(drawUniform([0, 0], random)).toBe(0);
		expect(drawUniform([80, 80], random)).toBe(80);
	});
});

describe('the emulator with service-time knobs', () => {
	it('defaults: fixed latency, refusals at once', () => {
		expect(emulator().options).toMatchObject({
			latencyDistribution: 'fixed',
			latencyP95Ratio: 2,
			latencyTailRate: 0,
			latencyTailFactor: 10,
			refusalDelayMs: [0, 0],
		});
	});

	it('answers a refusal over the cap after a delay within its range, holding no slot meanwhile', async () => {
		emulator().configure({ concurrencyCap: 1, latencyMs: 60_000, refusalDelayMs: [50, 200] });
		const held = await holdSlots(emulator(), 1);
		for (let round = 0; round < 5; round++) {
			const pending = postJson(emulator(), jsonMessage(file));
			await waitFor(() => emulator().requests.length === round + 2);
			expect(emulator().stats.inFlight).toBe(1);
			const refused = await pending;
			expect(errorBody(refused).code).toBe('0025');
			const delay = emulator().requests[round + 1]?.delayMs ?? NaN;
			expect(delay).toBeGreaterThanOrEqual(50);
			expect(delay).toBeLessThanOrEqual(200);
			expect(refused.elapsedMs).toBeGreaterThanOrEqual(delay - 2);
		}
		await held.release();
	});

	it('records the latency drawn per admitted request, and their tally', async () => {
		emulator().configure({ latencyMs: 5, latencyDistribution: 'lognormal', seed: 21 });
		const sequence = async () => {
			for (let index = 0; index < 8; index++) await postJson(emulator(), jsonMessage(file));
			return emulator().requests.map((record) => record.delayMs);
		};
		const first = await sequence();
		expect(emulator().drawnLatencies).toEqual({
			calls: 8,
			totalMs: first.reduce((sum: number, ms) => sum + (ms ?? NaN), 0),
			maxMs: Math.max(...first.map((ms) => ms ?? NaN)),
		});
		emulator().reset();
		expect(emulator().drawnLatencies).toEqual({ calls: 0, totalMs: 0, maxMs: 0 });
		expect(await sequence()).toEqual(first);
		expect(new Set(first).size).toBeGreaterThan(1);
	});

	it.each([2, 8, 32])(
		'the cap holds at %i: one more is refused, none beyond it admitted',
		async (cap) => {
			emulator().configure({ concurrencyCap: cap, latencyMs: 60_000 });
			const held = await holdSlots(emulator(), cap);
			const over = await Promise.all(
				Array.from({ length: 3 }, () => postJson(emulator(), jsonMessage(file))),
			);
			expect(over.map((result) => errorBody(result).code)).toEqual(['0025', '0025', '0025']);
			expect(emulator().stats).toMatchObject({ inFlight: cap, inFlightPeak: cap });
			await held.release();
		},
	);

	it('the cap holds under jittered latency, a slow tail and delayed refusals', async () => {
		emulator().configure({
			concurrencyCap: 3,
			latencyMs: 20,
			latencyDistribution: 'lognormal',
			latencyTailRate: 0.1,
			refusalDelayMs: [5, 20],
		});
		const answers = await Promise.all(
			Array.from({ length: 30 }, () => postJson(emulator(), jsonMessage(file))),
		);
		const ok = answers.filter((result) => result.status === 200).length;
		const refused = answers.filter((result) => result.status === 400).length;
		expect(ok + refused).toBe(30);
		expect(ok).toBeGreaterThanOrEqual(3);
		expect(emulator().stats.inFlightPeak).toBe(3);
		expect(emulator().drawnLatencies.calls).toBe(ok);
	});

	it('rejects bad knobs', () => {
		expect(() => emulator().configure({ latencyDistribution: 'uniform' as never })).toThrow(
			'latencyDistribution: one of fixed, lognormal',
		);
		expect(() => emulator().configure({ latencyP95Ratio: 1 })).toThrow(
			'latencyP95Ratio: a finite number > 1',
		);
		expect(() => emulator().configure({ latencyTailRate: 2 })).toThrow(
			'latencyTailRate: a number from 0 to 1',
		);
		expect(() => emulator().configure({ refusalDelayMs: [200, 50] })).toThrow(
			'refusalDelayMs: min above max',
		);
		expect(() => emulator().configure({ refusalDelayMs: [50] as never })).toThrow(
			'refusalDelayMs: [min, max], finite numbers >= 0',
		);
	});

	it('the control API sets the knobs and reports the drawn latencies', async () => {
		const configure = await fetch(`${emulator().url}/__emulator/configure`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				latencyMs: 3,
				latencyDistribution: 'lognormal',
				latencyTailRate: 0.5,
				latencyTailFactor: 2,
				refusalDelayMs: [50, 200],
			}),
		});
		expect(configure.status).toBe(200);
		expect(emulator().options).toMatchObject({
			latencyDistribution: 'lognormal',
			latencyTailRate: 0.5,
			latencyTailFactor: 2,
			refusalDelayMs: [50, 200],
		});
		await postJson(emulator(), jsonMessage(file));
		const latencies = await (await fetch(`${emulator().url}/__emulator/latencies`)).json();
		expect(latencies).toEqual({
			calls: 1,
			totalMs: emulator().requests[0]?.delayMs,
			maxMs: emulator().requests[0]?.delayMs,
		});
	});
});
