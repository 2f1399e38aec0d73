/**
 * The flags of `npm run bench -- queue` (pure: tested in tools/bench/test/queueProfile.test.ts).
 */

import { readFlags } from '../flagReader';

export class QueueArgsError extends Error {}

/** Whether the bursts run on an idle machine, beside the busy processes, or both (idle first). */
export type LoadSetting = 'idle' | 'busy';

export interface QueueArgs {
	/** Each a fresh queue mode; null: DB_POSTGRESDB_POOL_SIZE unset (n8n's default, 2 in 2.41). */
	readonly pools: ReadonlyArray<number | null>;
	readonly loads: readonly LoadSetting[];
	/** CPU-bound processes started beside n8n in a busy setting. */
	readonly busyProcesses: number;
	readonly uploads: number;
	/** How many times the floor and this node's bursts run per setting, in alternating order. */
	readonly rounds: number;
	readonly workers: number;
	/** `n8n worker --concurrency`. */
	readonly workerConcurrency: number;
	/** The emulator's concurrency cap and latency for the measured bursts. */
	readonly cap: number;
	readonly latencyMs: number;
	readonly build: boolean;
	readonly packageDir: string | null;
	readonly jsonFile: string | null;
	/** DB_POSTGRESDB_CONNECTION_TIMEOUT for every setting; null: unset (n8n's default, 20,000 ms). */
	readonly connectionTimeoutMs: number | null;
	/** `--stack-trace-limit` for the n8n processes (V8's default is 10: too few to see who waited); null: unset. */
	readonly stackTraceLimit: number | null;
	/** n8n's own pool metrics (N8N_METRICS_INCLUDE_DB_POOL_METRICS) read around each burst. */
	readonly metrics: boolean;
	readonly help: boolean;
}

export const QUEUE_USAGE = `Usage: npm run bench -- queue [flags]
  Per setting, a fresh queue mode (main + workers, Redis, Postgres, binary data in the database)
  and three bursts of N uploads posted at once to Webhook -> node: this node with no cap (the
  floor), this node under the cap, n8n's HTTP Request node (Retry On Fail 5 x 1 s) under the cap.
  --busy             also run each setting beside the busy processes (idle first, then busy)
  --busy-only        only beside the busy processes
  --busy-processes N how many CPU-bound processes (node -e 'for(;;){}') a busy setting starts (default 2)
  --pool LIST        DB_POSTGRESDB_POOL_SIZE per setting, e.g. default,10 (default: default, i.e. unset:
                     n8n's own default, 2)
  --connection-timeout MS
                     DB_POSTGRESDB_CONNECTION_TIMEOUT (how long a query waits for a pooled connection
                     before it fails; default: unset, n8n's own 20,000 ms)
  --stack-trace-limit N
                     node --stack-trace-limit for n8n (V8 keeps 10 frames: a pool timeout's stack then
                     ends inside TypeORM, before the call that asked for the connection)
  --uploads N        uploads per burst (default 200)
  --rounds N         the floor and this node's bursts N times per setting, in alternating order (floor
                     first in odd rounds, this node first in even ones), HTTP Request once after them;
                     each round's node burst is judged against that round's floor, the verdict takes
                     the median ratio (default 1)
  --workers N        queue-mode workers (default 2)
  --concurrency N    n8n worker --concurrency (default 100)
  --cap N            the emulator's concurrency cap (default 8)
  --latency MS       the emulator's latency (default 300)
  --no-build         pack dist/ as it is instead of building first
  --package DIR      pack DIR (a built checkout) instead of this repo
  --json FILE        also write the figures as JSON
  --no-metrics       leave n8n's Prometheus metrics off (by default on, for the pool's own figures)
  --help             this text`;

function parsePools(raw: string): Array<number | null> {
	const pools = raw.split(',').map((part) => {
		const text = part.trim();
		if (text === 'default') return null;
		const value = Number(text);
		if (text === '' || !Number.isInteger(value) || value < 1 || value > 1000)
			throw new QueueArgsError(`--pool: default or an integer from 1 to 1000, not ${part}`);
		return value;
	});
	return [...new Set(pools)];
}

export function parseQueueArgs(argv: readonly string[]): QueueArgs {
	let pools: Array<number | null> = [null];
	let loads: LoadSetting[] = ['idle'];
	let busyProcesses = 2;
	let uploads = 200;
	let rounds = 1;
	let workers = 2;
	let workerConcurrency = 100;
	let cap = 8;
	let latencyMs = 300;
	let build = true;
	let packageDir: string | null = null;
	let jsonFile: string | null = null;
	let metrics = true;
	let connectionTimeoutMs: number | null = null;
	let stackTraceLimit: number | null = null;
	const { help } = readFlags(
		argv,
		(message) => new QueueArgsError(message),
		(flag) => {
			switch (flag.name) {
				case '--busy':
					flag.bare();
					loads = ['idle', 'busy'];
					break;
				case '--busy-only':
					flag.bare();
					loads = ['busy'];
					break;
				case '--busy-processes':
					busyProcesses = flag.integer(1, 64);
					break;
				case '--pool':
					pools = parsePools(flag.value());
					break;
				case '--uploads':
					uploads = flag.integer(1, 10_000);
					break;
				case '--rounds':
					rounds = flag.integer(1, 20);
					break;
				case '--workers':
					workers = flag.integer(1, 16);
					break;
				case '--concurrency':
					workerConcurrency = flag.integer(1, 1000);
					break;
				case '--cap':
					cap = flag.integer(1, 1000);
					break;
				case '--latency':
					latencyMs = flag.integer(1, 60_000);
					break;
				case '--no-build':
					flag.bare();
					build = false;
					break;
				case '--package':
					packageDir = flag.value();
					break;
				case '--json':
					jsonFile = flag.value();
					break;
				case '--connection-timeout':
					connectionTimeoutMs = flag.integer(1, 600_000);
					break;
				case '--stack-trace-limit':
					stackTraceLimit = flag.integer(1, 1000);
					break;
				case '--no-metrics':
					flag.bare();
					metrics = false;
					break;
				default:
					return false;
			}
			return true;
		},
	);
	return {
		pools,
		loads,
		busyProcesses,
		uploads,
		rounds,
		workers,
		workerConcurrency,
		cap,
		latencyMs,
		build,
		packageDir,
		jsonFile,
		connectionTimeoutMs,
		stackTraceLimit,
		metrics,
		help,
	};
}

export interface QueueSetting {
	readonly pool: number | null;
	readonly load: LoadSetting;
}

/** Every pool size, each idle and/or busy, in that order. */
export function queueSettings(args: QueueArgs): QueueSetting[] {
	return args.pools.flatMap((pool) => args.loads.map((load) => ({ pool, load })));
}

/** This node with no cap (the floor), this node under the cap, n8n's HTTP Request node under the cap. */
export type BurstKind = 'floor' | 'node' | 'http';

/** A burst of a setting: what is posted to, and in which round of --rounds (from 1). */
export interface PlannedBurst {
	readonly kind: BurstKind;
	readonly round: number;
}

/**
 * The bursts of one setting, in order: per round the floor and this node, the floor first in
 * odd rounds and this node first in even ones (so neither always runs on the fresher queue
 * mode), then HTTP Request once, counted in the last round.
 */
export function burstPlan(rounds: number): PlannedBurst[] {
	const plan: PlannedBurst[] = [];
	for (let round = 1; round <= rounds; round++) {
		const pair: PlannedBurst[] = [
			{ kind: 'floor', round },
			{ kind: 'node', round },
		];
		plan.push(...(round % 2 === 1 ? pair : pair.reverse()));
	}
	plan.push({ kind: 'http', round: rounds });
	return plan;
}

/** n8n 2.41's DB_POSTGRESDB_POOL_SIZE when it is not set (@n8n/config's PostgresConfig.poolSize). */
export const N8N_DEFAULT_POOL_SIZE = 2;

export function poolLabel(pool: number | null): string {
	return pool === null ? `default pool (unset: ${N8N_DEFAULT_POOL_SIZE})` : `pool ${pool}`;
}

export function settingLabel(setting: QueueSetting, busyProcesses: number): string {
	return `${poolLabel(setting.pool)}, ${
		setting.load === 'idle' ? 'idle' : `busy (${busyProcesses} x node -e 'for(;;){}')`
	}`;
}
