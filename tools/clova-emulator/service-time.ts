/**
 * How long the emulated service takes: the latency of each admitted request (fixed, or
 * log-normal around a median, with an optional slow tail) and the delay of a refusal over
 * the concurrency cap. Every draw comes from seeded generators, so a run is reproducible:
 * the n-th admitted request always gets the n-th latency of the sequence.
 */
import { createSeededRandom, type RandomSource } from './seeded-random';

export const LATENCY_DISTRIBUTIONS = ['fixed', 'lognormal'] as const;
export type LatencyDistribution = (typeof LATENCY_DISTRIBUTIONS)[number];

/** The standard normal's 95th percentile. */
export const Z_95 = 1.6448536269514722;

export interface LatencyModel {
	/** `fixed`: every request takes `latencyMs`; `lognormal`: `latencyMs` is the median. */
	readonly distribution: LatencyDistribution;
	readonly latencyMs: number;
	/** p95 ÷ median of the log-normal (> 1); sigma = ln(ratio) / 1.645. */
	readonly p95Ratio: number;
	/** Share (0..1) of requests that take `tailFactor` × `latencyMs` instead. */
	readonly tailRate: number;
	readonly tailFactor: number;
}

/** Sigma of the underlying normal for a log-normal whose p95 is `p95Ratio` × its median. */
export function lognormalSigma(p95Ratio: number): number {
	return Math.log(p95Ratio) / Z_95;
}

/** A standard normal draw (Box–Muller; two uniforms, the first kept off 0). */
export function standardNormal(random: RandomSource): number {
	const u1 = 1 - random(); // (0, 1]
	const u2 = random();
	return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * One latency from the model. Uses three uniforms from `random` whatever the model (the
 * tail roll, then two for the normal), so the same seed gives the same tail calls and the
 * same jitter under any combination of knobs.
 */
export function drawLatency(model: LatencyModel, random: RandomSource): number {
	const tail = random() < model.tailRate;
	const z = standardNormal(random);
	if (tail) return model.latencyMs * model.tailFactor;
	if (model.distribution === 'fixed') return model.latencyMs;
	return model.latencyMs * Math.exp(lognormalSigma(model.p95Ratio) * z);
}

/** A delay drawn uniformly from [min, max]; [0, 0] is "at once". */
export function drawUniform([min, max]: readonly [number, number], random: RandomSource): number {
	if (max <= min) return min;
	return min + (max - min) * random();
}

/** What the emulator has drawn since start or reset: the service's own busy time. */
export interface DrawnLatencies {
	/** Admitted requests that got a latency (every one that reached the body checks). */
	calls: number;
	/** Sum of the latencies drawn: the time the service spent on them. */
	totalMs: number;
	/** The longest latency drawn (0 if none). */
	maxMs: number;
}

/** Seeds of the two sequences, apart from the fault-rate one (which uses `seed` itself). */
const LATENCY_STREAM = 0x9e3779b9;
const REFUSAL_STREAM = 0x85ebca6b;

/** The seeded sequences of latencies and refusal delays, and the tally of what was drawn. */
export class ServiceClock {
	private latencyRandom: RandomSource;
	private refusalRandom: RandomSource;
	private tally: DrawnLatencies = { calls: 0, totalMs: 0, maxMs: 0 };

	constructor(seed: number) {
		this.latencyRandom = createSeededRandom(seed ^ LATENCY_STREAM);
		this.refusalRandom = createSeededRandom(seed ^ REFUSAL_STREAM);
	}

	/** Restarts both sequences and forgets the tally. */
	restart(seed: number): void {
		this.latencyRandom = createSeededRandom(seed ^ LATENCY_STREAM);
		this.refusalRandom = createSeededRandom(seed ^ REFUSAL_STREAM);
		this.tally = { calls: 0, totalMs: 0, maxMs: 0 };
	}

	/** The next admitted request's latency (whole ms, as timers wait), counted in the tally. */
	nextLatency(model: LatencyModel): number {
		const ms = Math.round(drawLatency(model, this.latencyRandom));
		this.tally.calls++;
		this.tally.totalMs += ms;
		this.tally.maxMs = Math.max(this.tally.maxMs, ms);
		return ms;
	}

	/** The next refusal's delay (whole ms). */
	nextRefusalDelay(range: readonly [number, number]): number {
		return Math.round(drawUniform(range, this.refusalRandom));
	}

	get drawn(): DrawnLatencies {
		return { ...this.tally };
	}
}
