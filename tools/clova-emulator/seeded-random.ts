/** A small deterministic random generator (mulberry32) for reproducible fault injection. */

export type RandomSource = () => number;

/** Returns a generator of floats in [0, 1) fully determined by `seed`. */
export function createSeededRandom(seed: number): RandomSource {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Rolls for an injected fault: one draw decides whether a fault happens
 * (`draw < rate`); on a hit a second draw picks it from `pool`.
 */
export function rollFault<T>(random: RandomSource, rate: number, pool: readonly T[]): T | null {
	if (rate <= 0 || pool.length === 0) return null;
	if (random() >= rate) return null;
	const index = Math.min(pool.length - 1, Math.floor(random() * pool.length));
	return pool[index] ?? null;
}
