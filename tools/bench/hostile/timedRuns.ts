/**
 * The time of one call, warm: after the first (cold) call, batches of calls long enough for
 * the clock (1 ms or more), at least 3 of them and for at least 250 ms; the median batch, per
 * call. Wall time, and the process's CPU time (user + system) over the same batch, which other
 * load on the machine disturbs less. A first call of 2 s or more is not repeated: its time
 * stands (the bench stays bounded, whatever the code under test does).
 */
import { performance } from 'node:perf_hooks';

const TIMING_BUDGET_MS = 250;
const MIN_BATCHES = 3;
const MAX_BATCHES = 51;
const MIN_BATCH_MS = 1;
const SLOW_CALL_MS = 2000;

export interface Timing {
	/** Wall time per call. */
	readonly ms: number;
	/** CPU time per call, of the same batch. */
	readonly cpuMs: number;
	/** Calls timed. */
	readonly calls: number;
}

export interface Batch {
	ms: number;
	cpuMs: number;
}

export function timeBatch(run: () => unknown, calls: number): Batch {
	const cpu = process.cpuUsage();
	const start = performance.now();
	for (let i = 0; i < calls; i++) run();
	const ms = performance.now() - start;
	const used = process.cpuUsage(cpu);
	return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** `first`: the first (cold) call, made already. */
export function timeCalls(run: () => unknown, first: Batch): Timing {
	if (first.ms >= SLOW_CALL_MS) return { ms: first.ms, cpuMs: first.cpuMs, calls: 1 };
	let batch = 1;
	let warm = timeBatch(run, batch);
	while (warm.ms < MIN_BATCH_MS && batch < 1 << 20) {
		batch *= 2;
		warm = timeBatch(run, batch);
	}
	const batches: Batch[] = [warm];
	let spent = warm.ms;
	while (
		(spent < TIMING_BUDGET_MS || batches.length < MIN_BATCHES) &&
		batches.length < MAX_BATCHES
	) {
		const next = timeBatch(run, batch);
		batches.push(next);
		spent += next.ms;
	}
	batches.sort((a, b) => a.ms - b.ms);
	const median = batches[Math.floor(batches.length / 2)];
	return { ms: median.ms / batch, cpuMs: median.cpuMs / batch, calls: batches.length * batch };
}
