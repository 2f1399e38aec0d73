/**
 * n8n's queue mode on this machine, all on 127.0.0.1: Redis (Debian `redis-server`), a
 * throwaway Postgres cluster (Debian `postgresql`, run as the unprivileged `nobody`:
 * Postgres refuses root), an n8n main (`n8n start`) and workers (`n8n worker`), with the same
 * encryption key, Postgres, and binary data in the database. The package is installed in the
 * one user folder every process reads. It returns once every worker says it is ready and the
 * main serves the workflows' webhooks. `stop()` ends every process it started, by group.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import {
	chmodSync,
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

import { timed } from './log';
import {
	importCredentials,
	importWorkflow,
	runN8n,
	type CredentialInput,
	type WorkflowInput,
} from './n8n-cli';
import { freePorts, type N8nContext } from './n8n-context';
import { startN8n, type RunningN8n } from './n8n-server';
import { pollUntil } from './poll';
import { groupAlive, stopGroup } from './process-group';
import { untilWebhooksServed, webhookPathsOf } from './webhooks';

function onPath(command: string): boolean {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** The Debian Postgres binaries (initdb, postgres are not on PATH there). */
function postgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
	const found = versions.find((v) => existsSync(join(root, v, 'bin', 'initdb')));
	return found ? join(root, found, 'bin') : undefined;
}

/** Installs redis-server and postgresql with apt-get when missing (a fresh CI machine runs as root). */
export async function ensureQueueModePackages(): Promise<{ redisServer: string; pgBin: string }> {
	if (!onPath('redis-server') || !postgresBin()) {
		await timed('apt-get update && apt-get install -y redis-server postgresql', async () => {
			const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
			execFileSync('apt-get', ['update'], { stdio: 'ignore', env });
			execFileSync(
				'apt-get',
				['install', '-y', '--no-install-recommends', 'redis-server', 'postgresql'],
				{
					stdio: 'ignore',
					env,
				},
			);
		});
	}
	const pgBin = postgresBin();
	if (!onPath('redis-server') || !pgBin)
		throw new Error('redis-server or postgresql is still missing');
	return { redisServer: 'redis-server', pgBin };
}

interface Group {
	readonly name: string;
	readonly pid: number;
	readonly logFile: string;
}

function spawnGroup(
	name: string,
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	logFile: string,
): Group {
	const out = openSync(logFile, 'a');
	const child = spawn(command, args, { env, stdio: ['ignore', out, out], detached: true });
	closeSync(out);
	if (child.pid === undefined) throw new Error(`${name} did not start`);
	child.unref();
	return { name, pid: child.pid, logFile };
}

async function untilListening(port: number, what: string, timeoutMs = 60_000): Promise<void> {
	const open = () =>
		new Promise<boolean>((resolve) => {
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => (socket.destroy(), resolve(true)));
			socket.once('error', () => resolve(false));
		});
	if (!(await pollUntil(open, timeoutMs)))
		throw new Error(`${what} did not listen on ${port} in time`);
}

/** Waits until Postgres on `port` accepts connections (`pg_isready` exits 0; 1 while it starts up). */
async function untilPostgresAccepts(
	pgBin: string,
	port: number,
	timeoutMs = 60_000,
): Promise<void> {
	const accepts = () =>
		new Promise<boolean>((resolve) =>
			execFile(join(pgBin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)], (error) =>
				resolve(error === null),
			),
		);
	if (!(await pollUntil(accepts, timeoutMs)))
		throw new Error(`postgres did not accept connections on ${port} in time`);
}

/** Waits until `group`'s log holds `text` (what the process prints once it is ready). */
async function untilLogSays(group: Group, text: string, timeoutMs = 120_000): Promise<void> {
	const ready = () => {
		if (existsSync(group.logFile) && readFileSync(group.logFile, 'utf8').includes(text))
			return true;
		if (!groupAlive(group.pid)) throw new Error(`${group.name} exited before it was ready`);
		return false;
	};
	if (!(await pollUntil(ready, timeoutMs))) throw new Error(`${group.name} was not ready in time`);
}

export interface QueueMode {
	readonly main: RunningN8n;
	readonly workers: number;
	/** The environment every process of this n8n got (for CLI commands against its database). */
	readonly env: NodeJS.ProcessEnv;
	/** Where each n8n process writes its output: the main's (also `main.logFile`) and each worker's, in order. */
	readonly logFiles: { readonly main: string; readonly workers: readonly string[] };
	/** Each process's Prometheus endpoint, with `metrics: true` (else undefined). */
	readonly metricsUrls?: { readonly main: string; readonly workers: readonly string[] };
	/** Postgres's log: every statement with `logStatements` (counted by store-calls.ts). */
	readonly postgresLog: string;
	stop(): Promise<void>;
}

export interface QueueModeOptions {
	readonly workers: number;
	readonly credentials: CredentialInput[];
	/** Imported and published before the main starts. */
	readonly workflows: WorkflowInput[];
	/**
	 * DB_POSTGRESDB_POOL_SIZE for the main and every worker (each process has its own pool).
	 * Unset: not set, so n8n's default (2 in n8n 2.41).
	 */
	readonly poolSize?: number;
	/** `n8n worker --concurrency` (default 100). */
	readonly workerConcurrency?: number;
	/** More environment for the main and every worker (e.g. DB_POSTGRESDB_CONNECTION_TIMEOUT). */
	readonly env?: NodeJS.ProcessEnv;
	/**
	 * Prometheus metrics with the database pool's (N8N_METRICS, N8N_METRICS_INCLUDE_DB_POOL_METRICS):
	 * the main's `/metrics`, and each worker's on a worker server of its own (QUEUE_HEALTH_CHECK_PORT).
	 * Default false: nothing set.
	 */
	readonly metrics?: boolean;
	/**
	 * Postgres logs every statement (`log_statement=all`, bind parameters left out: they hold
	 * whole files), so the store calls of an execution can be counted (store-calls.ts).
	 */
	readonly logStatements?: boolean;
}

const STATEMENT_LOG = ['-c', 'log_statement=all', '-c', 'log_parameter_max_length=0'];

/** Starts Redis, Postgres, the main and the workers on `ctx` (the package already installed in it). */
export async function startQueueMode(
	ctx: N8nContext,
	options: QueueModeOptions,
): Promise<QueueMode> {
	const { redisServer, pgBin } = await ensureQueueModePackages();
	const groups: Group[] = [];
	let main: RunningN8n | undefined;
	const stop = async () => {
		await timed('stop queue mode (main, workers, Redis, Postgres)', async () => {
			await main?.stop();
			for (const group of groups.reverse()) await stopGroup(group.pid, group.name);
		});
	};
	try {
		const metrics = options.metrics === true;
		const [redisPort, pgPort, ...workerPorts] = await freePorts(
			2 + options.workers * (metrics ? 2 : 1),
		);
		const brokerPorts = workerPorts.slice(0, options.workers);
		const metricsPorts = workerPorts.slice(options.workers);
		const root = ctx.folder.root;
		const postgresLog = join(root, 'postgres.log');
		groups.push(
			spawnGroup(
				'redis',
				redisServer,
				['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
				{ PATH: process.env.PATH },
				join(root, 'redis.log'),
			),
		);
		const pgData = join(root, 'pgdata');
		mkdirSync(pgData, { recursive: true });
		chmodSync(root, 0o755);
		execFileSync('chown', ['-R', 'nobody', pgData]);
		const asNobody = (bin: string, args: string[]) => [
			'-u',
			'nobody',
			'--',
			join(pgBin, bin),
			...args,
		];
		await timed('initdb (as nobody)', async () =>
			execFileSync('runuser', asNobody('initdb', ['-D', pgData, '-U', 'n8n', '--auth=trust']), {
				stdio: 'ignore',
			}),
		);
		groups.push(
			spawnGroup(
				'postgres',
				'runuser',
				asNobody('postgres', [
					'-D',
					pgData,
					'-p',
					String(pgPort),
					'-h',
					'127.0.0.1',
					'-k',
					pgData,
					...(options.logStatements ? STATEMENT_LOG : []),
				]),
				{ PATH: process.env.PATH },
				postgresLog,
			),
		);
		await untilListening(redisPort, 'redis');
		// Postgres listens a moment before it accepts logins ("the database system is starting up").
		await untilPostgresAccepts(pgBin, pgPort);

		const env: NodeJS.ProcessEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(pgPort),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			N8N_DEFAULT_BINARY_DATA_MODE: 'database',
			...(options.poolSize === undefined
				? {}
				: { DB_POSTGRESDB_POOL_SIZE: String(options.poolSize) }),
			...(metrics ? { N8N_METRICS: 'true', N8N_METRICS_INCLUDE_DB_POOL_METRICS: 'true' } : {}),
			...options.env,
		};
		ctx.env = { ...ctx.env, ...env };
		await importCredentials(ctx, options.credentials);
		for (const workflow of options.workflows) {
			await importWorkflow(ctx, workflow);
			await runN8n(ctx, ['publish:workflow', `--id=${workflow.id}`]);
		}
		for (let i = 0; i < options.workers; i++) {
			groups.push(
				spawnGroup(
					`worker ${i + 1}`,
					ctx.n8n.node,
					[ctx.n8n.n8nBin, 'worker', `--concurrency=${options.workerConcurrency ?? 100}`],
					{
						...ctx.env,
						N8N_RUNNERS_BROKER_PORT: String(brokerPorts[i]),
						N8N_LOG_LEVEL: 'info',
						...(metrics ? { QUEUE_HEALTH_CHECK_PORT: String(metricsPorts[i]) } : {}),
					},
					join(root, `worker-${i + 1}.log`),
				),
			);
		}
		main = await startN8n(ctx);
		for (const group of groups.filter((g) => g.name.startsWith('worker')))
			await untilLogSays(group, 'n8n worker is now ready');
		await untilWebhooksServed(main.url, webhookPathsOf(options.workflows));
		const workerLogs = groups.filter((g) => g.name.startsWith('worker')).map((g) => g.logFile);
		return {
			main,
			workers: options.workers,
			env: ctx.env,
			logFiles: { main: main.logFile, workers: workerLogs },
			postgresLog,
			...(metrics
				? {
						metricsUrls: {
							main: `${main.url}/metrics`,
							workers: metricsPorts.map((port) => `http://127.0.0.1:${port}/metrics`),
						},
					}
				: {}),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
