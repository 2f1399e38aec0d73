/**
 * `npm run bench -- queue [--busy] [--pool default,10] [--uploads 200] [--rounds 3] [--no-build]
 * [--help]`: the queue-mode webhook burst alone, per setting (Postgres pool size, idle or
 * beside CPU-bound processes). Each setting starts a fresh queue mode (tools/n8n/queue-mode.ts:
 * Redis, Postgres, a main and 2 workers at `--concurrency=100`, binary data in the database) in
 * a fresh user folder, warms both workflows up, then posts N uploads at once: this node with no
 * cap (queue mode's floor) and this node under the cap, once per --rounds in alternating order,
 * then n8n's HTTP Request node (Retry On Fail) under the cap. Per burst: wall, wall ÷ its round's
 * floor, failed uploads and n8n's answers to them, 0025 refusals, p50/p95 per upload, the
 * Postgres pool waits the main and the workers logged during it, the errors n8n stored for the
 * failed executions, and for a floor its calls put through the cap (capBound.ts). Then a
 * verdict per target.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmulator, type Emulator } from '../../clova-emulator';
import { installCommunityPackage } from '../../n8n/install-community-package';
import { clovaCredential } from '../../n8n/n8n-cli';
import { createContext } from '../../n8n/n8n-context';
import type { PackedPackage } from '../../n8n/pack-package';
import { provideN8n, type ProvidedN8n } from '../../n8n/provide-n8n';
import { ensureQueueModePackages, startQueueMode, type QueueMode } from '../../n8n/queue-mode';
import { packBenchPackage } from '../benchPackage';
import { jpegBytes } from '../imageFiles';
import { clovaWebhookWorkflow, httpWebhookWorkflow, postBurst } from '../webhookBurst';
import {
	burstPlan,
	parseQueueArgs,
	QueueArgsError,
	queueSettings,
	QUEUE_USAGE,
	settingLabel,
	type PlannedBurst,
	type QueueArgs,
	type QueueSetting,
} from './args';
import { startBusyProcesses, type BusyProcesses } from './busyProcesses';
import { capBoundMs } from './capBound';
import { executionsAfter, lastExecutionId, type ExecutionDb } from './executionErrors';
import { watchPools } from './poolMetrics';
import { countPoolWaits, logsSince, markLogs, POOL_WAIT_PATTERNS } from './poolWaits';
import {
	burstLabel,
	settingLines,
	verdictLines,
	type BurstResult,
	type SettingResult,
} from './report';

const SECRET = 'bench-queue-secret-41c7';
const IMAGE_BYTES = 4096;
/** Seconds the busy processes run before the first burst, and the pause after each burst (n8n finishing its writes). */
const SETTLE_MS = 2_000;

const say = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`[bench queue] ${line}\n`);
const load = () =>
	loadavg()
		.map((value) => value.toFixed(2))
		.join(' / ');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const isPoolWait = (text: string) => POOL_WAIT_PATTERNS.some(({ pattern }) => pattern.test(text));

/** Cleanups run, newest first, when SIGINT or SIGTERM ends the profile; then it exits 130. */
const cleanups: Array<() => unknown> = [];
/** Set once a signal came: the run's own errors (its processes stopped under it) wait for this. */
let interrupted: Promise<never> | null = null;
function onSignal(signal: NodeJS.Signals): void {
	if (interrupted !== null) return;
	progress(`${signal}: stopping the busy processes and queue mode...`);
	interrupted = (async () => {
		for (const cleanup of cleanups.splice(0).reverse()) {
			try {
				await cleanup();
			} catch {
				// best effort: the next one still runs
			}
		}
		process.exit(130);
	})();
}
function withCleanup<T>(cleanup: () => unknown, run: () => Promise<T>): Promise<T> {
	cleanups.push(cleanup);
	return run().finally(() => {
		const index = cleanups.lastIndexOf(cleanup);
		if (index >= 0) cleanups.splice(index, 1);
	});
}

interface Shared {
	readonly args: QueueArgs;
	readonly n8n: ProvidedN8n;
	readonly pkg: PackedPackage;
	readonly emulator: Emulator;
	readonly pgBin: string;
}

async function measureBurst(
	shared: Shared,
	queue: QueueMode,
	db: ExecutionDb,
	{ kind, round }: PlannedBurst,
): Promise<BurstResult> {
	const { args, emulator } = shared;
	const path = kind === 'http' ? 'queue-profile-http' : 'queue-profile-clova';
	emulator.configure({ concurrencyCap: kind === 'floor' ? null : args.cap });
	const mark = markLogs([
		{ where: 'main', file: queue.logFiles.main },
		...queue.logFiles.workers.map((file, i) => ({ where: `worker ${i + 1}`, file })),
	]);
	const afterId = await lastExecutionId(db);
	const pools = queue.metricsUrls
		? await watchPools([
				{ where: 'main', url: queue.metricsUrls.main },
				...queue.metricsUrls.workers.map((url, i) => ({ where: `worker ${i + 1}`, url })),
			])
		: null;
	const loadAtStart = load();
	progress(
		`  ${burstLabel(kind, args.cap, round, args.rounds)}: ${args.uploads} uploads (load ${loadAtStart})...`,
	);
	const startedAt = Date.now();
	const figures = await postBurst(
		`${queue.main.url}/webhook/${path}`,
		jpegBytes(IMAGE_BYTES),
		args.uploads,
		emulator,
	);
	const capBound =
		kind === 'floor'
			? capBoundMs(
					figures.wallMs,
					emulator.requests.map((call) => ({
						atMs: call.receivedAt - startedAt,
						durationMs: call.durationMs ?? 0,
					})),
					args.cap,
				)
			: null;
	await sleep(SETTLE_MS);
	const poolMetrics = pools ? await pools.stop() : undefined;
	const poolWaits = countPoolWaits(logsSince(mark));
	let executions: BurstResult['executions'];
	try {
		executions = await executionsAfter(db, afterId, isPoolWait);
	} catch (error) {
		executions = error instanceof Error ? error.message : String(error);
	}
	progress(
		`    ${(figures.wallMs / 1000).toFixed(2)} s, failed ${figures.failed}, 0025 ${figures.refusals}, pool waits logged ${poolWaits.total}`,
	);
	return {
		kind,
		round,
		...(capBound === null ? {} : { capBoundMs: capBound }),
		figures,
		poolWaits,
		executions,
		load: loadAtStart,
		...(poolMetrics ? { poolMetrics } : {}),
	};
}

async function runSetting(shared: Shared, setting: QueueSetting): Promise<SettingResult> {
	const { args, emulator, pkg, n8n } = shared;
	const started = Date.now();
	const loadBefore = load();
	progress(`${settingLabel(setting, args.busyProcesses)} (load ${loadBefore})`);
	const ctx = await createContext(n8n);
	let busy: BusyProcesses | null = null;
	let starting: Promise<QueueMode> | undefined;
	let stopping: Promise<void> | undefined;
	// once, whoever asks first (the run's end or a signal); a queue mode still starting is
	// waited for and stopped too
	const stop = () =>
		(stopping ??= (async () => {
			busy?.stop();
			const queue = await starting?.catch(() => undefined);
			await queue?.stop();
		})());
	return withCleanup(
		async () => {
			await stop();
			ctx.folder.remove();
		},
		async () => {
			try {
				await installCommunityPackage(ctx, pkg);
				const credential = clovaCredential(emulator.invokeUrl, SECRET, 'benchQueueCred01');
				const endpoint = `${emulator.invokeUrl}/document/id-card`;
				emulator.configure({ concurrencyCap: args.cap });
				starting = startQueueMode(ctx, {
					workers: args.workers,
					workerConcurrency: args.workerConcurrency,
					metrics: args.metrics,
					env: {
						...(args.connectionTimeoutMs === null
							? {}
							: { DB_POSTGRESDB_CONNECTION_TIMEOUT: String(args.connectionTimeoutMs) }),
						...(args.stackTraceLimit === null
							? {}
							: {
									NODE_OPTIONS:
										`${ctx.env.NODE_OPTIONS ?? ''} --stack-trace-limit=${args.stackTraceLimit}`.trim(),
								}),
					},
					...(setting.pool === null ? {} : { poolSize: setting.pool }),
					credentials: [credential],
					workflows: [
						clovaWebhookWorkflow('benchQueueClova1', 'queue-profile-clova', credential),
						httpWebhookWorkflow('benchQueueHttp01', 'queue-profile-http', credential, endpoint),
					],
				});
				const queue = await starting;
				const db: ExecutionDb = {
					pgBin: shared.pgBin,
					port: String(queue.env.DB_POSTGRESDB_PORT),
					user: String(queue.env.DB_POSTGRESDB_USER),
					database: String(queue.env.DB_POSTGRESDB_DATABASE),
				};
				const url = (path: string) => `${queue.main.url}/webhook/${path}`;
				// warm-up: both workflows loaded, the first executions done on the workers
				await postBurst(url('queue-profile-clova'), jpegBytes(IMAGE_BYTES), 4, emulator);
				await postBurst(url('queue-profile-http'), jpegBytes(IMAGE_BYTES), 4, emulator);
				if (setting.load === 'busy') {
					busy = startBusyProcesses(args.busyProcesses);
					progress(`  busy processes started: pids ${busy.pids.join(', ')}`);
					await sleep(SETTLE_MS);
				}
				const bursts: BurstResult[] = [];
				for (const planned of burstPlan(args.rounds))
					bursts.push(await measureBurst(shared, queue, db, planned));
				const loadAfter = load();
				return { setting, loadBefore, loadAfter, durationMs: Date.now() - started, bursts };
			} finally {
				await stop();
				ctx.folder.remove();
			}
		},
	);
}

/** Maps as objects, for --json. */
function jsonOf(value: unknown): string {
	return JSON.stringify(
		value,
		(_key, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : v),
		2,
	);
}

export async function runQueueProfile(argv: readonly string[]): Promise<void> {
	try {
		await runProfile(argv);
	} catch (error) {
		// stopped under it by a signal: let the cleanup finish (it exits 130)
		if (interrupted !== null) await interrupted;
		throw error;
	}
	if (interrupted !== null) await interrupted;
}

async function runProfile(argv: readonly string[]): Promise<void> {
	let args: QueueArgs;
	try {
		args = parseQueueArgs(argv);
	} catch (error) {
		if (!(error instanceof QueueArgsError)) throw error;
		process.stderr.write(`${error.message}\n${QUEUE_USAGE}\n`);
		process.exitCode = 2;
		return;
	}
	if (args.help) {
		say(QUEUE_USAGE);
		return;
	}
	const settings = queueSettings(args);
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const started = Date.now();
	const loadAtStart = load();
	const emulator = await startEmulator({
		secretKey: SECRET,
		latencyMs: args.latencyMs,
		concurrencyCap: args.cap,
	});
	const packDir = mkdtempSync(join(tmpdir(), 'bench-queue-pack-'));
	try {
		const n8n = await provideN8n('v2');
		const { pgBin } = await ensureQueueModePackages();
		const pkg = await packBenchPackage(args, packDir, progress);
		const shared: Shared = { args, n8n, pkg, emulator, pgBin };
		const results: SettingResult[] = [];
		for (const setting of settings) results.push(await runSetting(shared, setting));
		const minutes = (Date.now() - started) / 60_000;

		say();
		say(
			`Queue-mode burst profile: n8n ${n8n.pin.n8n} on Node ${n8n.pin.node ?? process.versions.node}, ${pkg.name}@${pkg.version}` +
				`${args.packageDir === null ? '' : ` from ${args.packageDir}`}`,
		);
		say(
			`Machine: ${cpus().length} cores; load average (1 / 5 / 15 min) ${loadAtStart} at the start, ${load()} at the end; ${minutes.toFixed(1)} min in all`,
		);
		say(
			`Queue mode: a main and ${args.workers} workers (n8n worker --concurrency=${args.workerConcurrency}), Redis, Postgres, binary data in the database; ` +
				`each setting a fresh one. Emulator: latency ${args.latencyMs} ms, cap ${args.cap} (no cap for the floor). ` +
				`${args.uploads} uploads posted at once to Webhook -> node (Respond: When Last Node Finishes) per burst; ceil(N / cap) x latency = ${((Math.ceil(args.uploads / args.cap) * args.latencyMs) / 1000).toFixed(2)} s.`,
		);
		say(
			`Pool waits: lines of the main's and the workers' logs during the burst matching n8n's Postgres pool and connection timeouts ` +
				`(pg-pool's "timeout exceeded when trying to connect" after DB_POSTGRESDB_CONNECTION_TIMEOUT, 20 s unset; ping and recovery messages). ` +
				`DB_POSTGRESDB_CONNECTION_TIMEOUT ${args.connectionTimeoutMs === null ? 'is left unset (20,000 ms)' : `= ${args.connectionTimeoutMs} ms`}; each process has its own pool${args.stackTraceLimit === null ? '' : `; n8n runs with --stack-trace-limit=${args.stackTraceLimit}`}. ` +
				`Pool, n8n's metrics: per process, the connections it handed out during the burst, the seconds queries waited for them in all, how many waited over 1 s and over 5 s, and the most queries seen waiting at once.`,
		);
		for (const [index, result] of results.entries()) {
			say();
			for (const line of settingLines(result, args, index + 1, results.length)) say(line);
		}
		say();
		for (const line of verdictLines(results, args)) say(line);

		if (args.jsonFile !== null) {
			writeFileSync(
				args.jsonFile,
				jsonOf({
					n8n: n8n.pin.n8n,
					package: `${pkg.name}@${pkg.version}`,
					cores: cpus().length,
					loadAtStart,
					loadAtEnd: load(),
					minutes,
					args,
					results,
				}),
			);
			progress(`results written to ${args.jsonFile}`);
		}
	} finally {
		rmSync(packDir, { recursive: true, force: true });
		await emulator.close();
		process.removeListener('SIGINT', onSignal);
		process.removeListener('SIGTERM', onSignal);
	}
}
