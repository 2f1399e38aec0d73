/**
 * `npm run bench:hostile`: hostile input of growing size through the node's built code (dist/),
 * path by path (PDF page count, dates, JPEG scans, regions, decoded size, the answer's shape).
 * Prints, per case and size: the input's size, the time per call (wall and CPU time of warm
 * calls, hostile/timedRuns.ts; and the first, cold call), the peak memory of the first call
 * (peak RSS above the RSS before it, in a process of its own: hostile/peakMemory.ts) and what
 * the node did; then the growth exponent of time against size (hostile/growthExponent.ts).
 * One line per path recalls what the code before issue 18 did (from the issue; that code is
 * not run).
 *
 * Each case runs in its own child process, killed after HOSTILE_TIMEOUT_S seconds (30); a
 * timed-out size skips the larger ones of its case. `--no-build` uses dist/ as it is;
 * `--only=1,3` runs those paths alone.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { runCaseProcess } from './hostile/caseProcess';
import { growthExponent } from './hostile/growthExponent';
import type { HostileCase } from './hostile/hostileCase';
import { HOSTILE_PATHS } from './hostile/hostilePaths';
import { startPeakMeter } from './hostile/peakMemory';
import { exponentLine, HEADER_ROW, measuredRow, unmeasuredRow } from './hostile/reportLines';

const REPO = join(__dirname, '..', '..');
const TIMEOUT_SECONDS =
	Number(process.env.HOSTILE_TIMEOUT_S) > 0 ? Number(process.env.HOSTILE_TIMEOUT_S) : 30;

function build(): void {
	console.log('building dist/ (npm run build; --no-build uses it as it is)...');
	try {
		execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'pipe', encoding: 'utf8' });
	} catch (error) {
		const { stdout, stderr } = error as { stdout?: string; stderr?: string };
		process.stderr.write(`${stdout ?? ''}${stderr ?? ''}`);
		throw new Error('npm run build failed');
	}
}

function onlyPaths(): Set<number> | null {
	const arg = process.argv.find((a) => a.startsWith('--only='));
	return arg ? new Set(arg.slice('--only='.length).split(',').map(Number)) : null;
}

function runCase(pathIndex: number, caseIndex: number, hostileCase: HostileCase): void {
	console.log(`  ${String.fromCharCode(97 + caseIndex)}) ${hostileCase.name}`);
	console.log(HEADER_ROW);
	const wall: Array<{ size: number; ms: number }> = [];
	const cpu: Array<{ size: number; ms: number }> = [];
	const outcomeKinds = new Set<string>();
	let skipped = false;
	for (const size of hostileCase.sizes) {
		if (skipped) {
			console.log(unmeasuredRow(size, hostileCase.unit, 'skipped (a smaller size timed out)'));
			continue;
		}
		const result = runCaseProcess(pathIndex, caseIndex, size, TIMEOUT_SECONDS);
		if (result.kind === 'measured') {
			wall.push({ size, ms: result.measurement.ms });
			cpu.push({ size, ms: result.measurement.cpuMs });
			outcomeKinds.add(/^(refused|FAILED)/.exec(result.measurement.outcome)?.[1] ?? 'done');
			console.log(measuredRow(size, hostileCase.unit, result.measurement));
		} else if (result.kind === 'timedOut') {
			skipped = true;
			console.log(
				unmeasuredRow(size, hostileCase.unit, `TIMED OUT: killed after ${result.seconds} s`),
			);
		} else {
			console.log(unmeasuredRow(size, hostileCase.unit, `CRASHED: ${result.detail}`));
		}
	}
	console.log(
		exponentLine(growthExponent(wall), growthExponent(cpu), wall.length, outcomeKinds.size > 1),
	);
}

function main(): void {
	const started = performance.now();
	if (!process.argv.includes('--no-build')) build();
	const only = onlyPaths();
	const load = () =>
		loadavg()
			.map((l) => l.toFixed(2))
			.join(' ');
	console.log(
		`hostile input through dist/: Node ${process.version}, ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${load()}`,
	);
	console.log(
		`each size in its own process, killed after ${TIMEOUT_SECONDS} s; time/call, cpu/call: warm calls, ` +
			'the median of 3 or more batches over 250 ms or more (a 1st call of 2 s or more stands alone); ' +
			'1st call: the cold one',
	);
	console.log(`peak RSS: of the 1st call; ${startPeakMeter().method}`);
	console.log(
		'growth exponent: slope of log(time/call) against log(size); 1 = linear, 2 = quadratic, 0 or less = does not grow',
	);
	HOSTILE_PATHS.forEach((path, pathIndex) => {
		if (only && !only.has(pathIndex + 1)) return;
		console.log(`\n${pathIndex + 1}. ${path.title}`);
		console.log(`  before issue 18 (not run): ${path.before}`);
		path.cases.forEach((hostileCase, caseIndex) => runCase(pathIndex, caseIndex, hostileCase));
	});
	console.log(
		`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s, load average ${load()}`,
	);
}

main();
