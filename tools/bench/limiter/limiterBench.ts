/**
 * `npm run bench -- limiter [--turn MS]`: the node's limiter alone (simulation.ts, a virtual
 * clock, no network, a few seconds), in the matrix's single-process cells and in cells the
 * real matrix cannot run cheaply: two processes (queue-mode workers) sharing one cap, one
 * stopping or joining while the other sends. Prints wall ÷ ideal and the refusals per cell.
 */
import { join } from 'node:path';

import { readFlags } from '../flagReader';
import { idealOf, simulate, type LimiterFactory, type SimulatedService } from './simulation';
import { SCENARIOS, type Scenario } from './scenarios';

/** pacing/aimdLimiter of the built dist/ (tools never import the node's sources). */
interface BuiltAimd {
	AimdLimiter: new (settings: object, now: () => number) => ReturnType<LimiterFactory>;
	DEFAULT_AIMD: object;
}

/** The node's limiter as it ships, with its default settings (run `npm run build` first). */
function builtLimiter(): LimiterFactory {
	const path = join(
		__dirname,
		'..',
		'..',
		'..',
		'dist',
		'nodes',
		'ClovaOcr',
		'pacing',
		'aimdLimiter',
	);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { AimdLimiter, DEFAULT_AIMD } = require(path) as BuiltAimd;
	return (initial, now) => new AimdLimiter({ ...DEFAULT_AIMD, initial }, now);
}

const say = (line = '') => process.stdout.write(`${line}\n`);

/** `--turn MS` (a whole number of ms, default 5) and `--help`; any other flag is an error. */
function argsFrom(argv: readonly string[]): { turnMs: number; help: boolean } {
	let turnMs = 5;
	const { help } = readFlags(
		argv,
		(message) => new Error(message),
		(flag) => {
			switch (flag.name) {
				case '--turn':
					turnMs = flag.integer(0, 1000);
					break;
				default:
					return false;
			}
			return true;
		},
	);
	return { turnMs, help };
}

async function runScenario(
	scenario: Scenario,
	turnMs: number,
	limiterFor: LimiterFactory,
): Promise<string> {
	const service: SimulatedService = { ...scenario.service, turnMs, seed: 1 };
	const outcome = await simulate(service, scenario.processes, limiterFor);
	const items = scenario.processes.reduce((sum, process) => sum + process.items, 0);
	const ideal = Math.max(idealOf(service, outcome, items), scenario.idealFloorMs ?? 0);
	const calls = outcome.processes.reduce((sum, process) => sum + process.calls, 0);
	const refusals = outcome.processes.reduce((sum, process) => sum + process.refusals, 0);
	const ends = outcome.processes.map((process) => (process.endMs / 1000).toFixed(2)).join(' / ');
	const most = Math.max(...outcome.processes.map((process) => process.mostRefusalsOfAnItem));
	return [
		scenario.name.padEnd(68),
		`${(outcome.wallMs / 1000).toFixed(2)} s`.padStart(9),
		`${(ideal / 1000).toFixed(2)} s`.padStart(9),
		(outcome.wallMs / ideal).toFixed(3).padStart(7),
		String(calls).padStart(6),
		`${refusals} = ${((100 * refusals) / calls).toFixed(1)} %`.padStart(13),
		String(most).padStart(4),
		`  ends ${ends} s`,
	].join('  ');
}

export async function runLimiterBench(argv: readonly string[]): Promise<void> {
	const { turnMs, help } = argsFrom(argv);
	if (help) {
		say("Usage: npm run bench -- limiter [--turn MS]  (MS: n8n's time per call, default 5)");
		return;
	}
	say(
		`The node's limiter (dist's AimdLimiter, DEFAULT_AIMD) on a virtual clock against a simulated domain;`,
	);
	say(
		`each process one execution at Concurrency 64 (a worker's uploads: single-item executions at Concurrency 4);`,
	);
	say(`${turnMs} ms from a granted slot to the call reaching the service.`);
	say(
		'ideal: the cap full from the first call to the last answer (for two processes: and not before the later one',
	);
	say(
		'  could have ended on its own share); 0025: every refusal, the opening bursts included; most: the most',
	);
	say(
		'  refusals one item met (the node resends 10 beside other requests for free, then Max Retries counts).',
	);
	say();
	say(
		`${'cell'.padEnd(68)}  ${'wall'.padStart(9)}  ${'ideal'.padStart(9)}  ${'x ideal'.padStart(7)}  ${'calls'.padStart(6)}  ${'0025'.padStart(13)}  ${'most'.padStart(4)}`,
	);
	const limiterFor = builtLimiter();
	for (const scenario of SCENARIOS) say(await runScenario(scenario, turnMs, limiterFor));
}
