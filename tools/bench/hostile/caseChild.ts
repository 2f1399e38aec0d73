/**
 * One case at one size, in a process of its own (hostile.ts spawns it with --expose-gc):
 *   node --expose-gc --import tsx tools/bench/hostile/caseChild.ts <path> <case> <size>
 * Builds the input, collects garbage, then makes one (cold) call under the peak-memory meter,
 * then times warm calls (timedRuns.ts); prints a CaseMeasurement as JSON.
 */
import type { CaseMeasurement } from './caseMeasurement';
import { HOSTILE_PATHS } from './hostilePaths';
import { startPeakMeter } from './peakMemory';
import { timeBatch, timeCalls } from './timedRuns';

function main(): void {
	const [pathIndex, caseIndex, size] = process.argv.slice(2).map(Number);
	const hostileCase = HOSTILE_PATHS[pathIndex]?.cases[caseIndex];
	if (!hostileCase || !Number.isFinite(size)) throw new Error(`no case ${process.argv.slice(2)}`);
	const prepared = hostileCase.prepare(size);
	(globalThis as { gc?: () => void }).gc?.();
	const meter = startPeakMeter();
	let outcome = '';
	const first = timeBatch(() => (outcome = prepared.run()), 1);
	const peakBytes = meter.peakAboveStart();
	const timing = timeCalls(prepared.run, first);
	const measurement: CaseMeasurement = {
		inputBytes: prepared.inputBytes,
		outcome,
		firstMs: first.ms,
		ms: timing.ms,
		cpuMs: timing.cpuMs,
		calls: timing.calls,
		peakBytes,
		memoryMethod: meter.method,
	};
	process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

main();
