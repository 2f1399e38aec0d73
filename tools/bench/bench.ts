/**
 * `npm run bench`: a real n8n (the pinned 2.x from the cache, this package installed as a
 * community package) against the CLOVA emulator with a set latency and concurrency cap.
 * Prints, in one run:
 *   - wall time for N items through this node (concurrency above the cap), against the
 *     ideal ceil(N / cap) x latency, and the same batch through n8n's HTTP Request node
 *     with batching; rate-limit errors surfaced by each;
 *   - peak RSS of the n8n process for a batch of large images against one of small ones;
 *   - the node's own work per document (parse, check, review, flatten), without network;
 *   - webhook bursts (regular mode, and queue mode with 2 workers), each beside its no-cap floor;
 *   - fairness: single cards posted while a large batch runs, against the same cards on an idle service;
 *   - whether the secret key or a recognized value showed up in n8n's output;
 *   - the redacted copy (Add Redacted Image) of 4032×3024 JPEGs and a PNG: tools/bench/redaction.ts,
 *     run on the dist/ built above.
 *
 * Knobs (environment): BENCH_ITEMS=200 BENCH_LATENCY_MS=300 BENCH_CAP=8 BENCH_CONCURRENCY=16
 * BENCH_LARGE_COUNT=50 BENCH_LARGE_MB=10 BENCH_MEMORY_CONCURRENCY=4 BENCH_OVERHEAD_DOCUMENTS=5000
 * BENCH_BURSTS=64,200,500 BENCH_QUEUE_ITEMS=200 BENCH_QUEUE_WORKERS=2 BENCH_FAIR_BATCH=500
 * BENCH_FAIR_SINGLES=20.
 * `--no-build` packs dist/ as it is.
 *
 * `npm run bench -- matrix [--quick] [--cells latency=fixed,cap=8] [--help]` runs the matrix of
 * tools/bench/matrix/ instead (latency distribution x refusal timing x cap x batch size).
 * `npm run bench -- queue [--busy] [--pool default,10] [--uploads 200] [--help]` runs the
 * queue-mode burst of tools/bench/queue/ alone (pool size, idle or beside CPU-bound processes,
 * the pool waits n8n logged).
 * `npm run bench -- pdf [--pages 20] [--runs 3] [--output lines|text|words] [--help]` runs
 * tools/bench/pdf/ instead: one N-page PDF through Read Text against the same pages as N PNG
 * items (wall, service time, the node's overhead in all and per page, items out, peak RSS).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { startEmulator, type Emulator, type ScenarioName } from '../clova-emulator';
import { installCommunityPackage } from '../n8n/install-community-package';
import {
	clovaCredential,
	importCredentials,
	importWorkflow,
	parseRawOutput,
	type RawRun,
	type WorkflowInput,
} from '../n8n/n8n-cli';
import { createContext, type N8nContext } from '../n8n/n8n-context';
import { packRepo } from '../n8n/pack-package';
import { provideN8n } from '../n8n/provide-n8n';
import { runQueueMode, runWebhookBursts } from './burstRuns';
import { runFairness } from './fairnessRun';
import { poolWaitSummary } from './queue/poolWaits';
import { jpegBytes, writeJpegs } from './imageFiles';
import { findLeaks, recognizedValuesOf, withoutValueFields, type Text } from './leakCheck';
import { executeMeasured } from './measuredRun';
import { measureOverheadRuns } from './overheadBench';
import {
	clovaWorkflow,
	CLOVA_NODE_NAME,
	httpRequestWorkflow,
	HTTP_NODE_NAME,
	readOnlyWorkflow,
} from './workflows';

function knob(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

const CONFIG = {
	items: knob('BENCH_ITEMS', 200),
	latencyMs: knob('BENCH_LATENCY_MS', 300),
	cap: knob('BENCH_CAP', 8),
	concurrency: knob('BENCH_CONCURRENCY', 16),
	largeCount: knob('BENCH_LARGE_COUNT', 50),
	largeMb: knob('BENCH_LARGE_MB', 10),
	memoryConcurrency: knob('BENCH_MEMORY_CONCURRENCY', 4),
	overheadDocuments: knob('BENCH_OVERHEAD_DOCUMENTS', 5000),
	overheadRuns: knob('BENCH_OVERHEAD_RUNS', 8),
	queueItems: knob('BENCH_QUEUE_ITEMS', 200),
	fairBatchItems: knob('BENCH_FAIR_BATCH', 500),
	fairSingles: knob('BENCH_FAIR_SINGLES', 20),
	queueWorkers: knob('BENCH_QUEUE_WORKERS', 2),
	// 200 as well: the queue-mode burst (BENCH_QUEUE_ITEMS uploads) is shown against the
	// regular-mode no-cap floor of the same N too.
	burstSizes: (process.env.BENCH_BURSTS ?? '64,200,500')
		.split(',')
		.map(Number)
		.filter((n) => Number.isInteger(n) && n > 0),
	smallBytes: 4096,
};

const SECRET = 'bench-secret-5f0c2a9e';
const MB = 1024 * 1024;

const say = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

interface NodeRunFigures {
	/** The node's own execution time, as n8n recorded it. */
	readonly ms: number;
	readonly outputItems: number;
	readonly failures: Failures;
	readonly peakRssBytes: number;
	/** 0025 answers the emulator gave during the run, absorbed or not. */
	readonly refusals: number;
	readonly peakInFlight: number;
}

interface Bench {
	readonly ctx: N8nContext;
	readonly emulator: Emulator;
	readonly texts: Text[];
}

interface Failures {
	/** Items that ended in an error item or a CLOVA error body. */
	readonly items: number;
	/** ... of which a 0025 answer. */
	readonly rateLimitAnswers: number;
	/** ... of which a request the service cut off mid-upload (it refuses over the cap before reading the body). */
	readonly cutOff: number;
}

function failuresOf(items: ReadonlyArray<{ json: Record<string, unknown> }>): Failures {
	let failed = 0;
	let rateLimitAnswers = 0;
	let cutOff = 0;
	for (const { json } of items) {
		const error =
			typeof json.error === 'string'
				? json.error
				: typeof json.error === 'object' && json.error !== null
					? JSON.stringify(json.error)
					: null;
		const code = typeof json.code === 'string' ? json.code : null;
		if (error === null && code === null) continue;
		failed++;
		if (code === '0025' || error?.includes('0025')) rateLimitAnswers++;
		else if (error !== null && /EPIPE|ECONNRESET|socket hang up|closed unexpectedly/i.test(error))
			cutOff++;
	}
	return { items: failed, rateLimitAnswers, cutOff };
}

/** Peak RSS of a workflow that only reads the files: n8n's own share of a batch's memory. */
async function readOnlyPeak(bench: Bench, id: string, fileSelector: string): Promise<number> {
	await importWorkflow(bench.ctx, readOnlyWorkflow(id, fileSelector));
	progress(`running ${id}...`);
	const measured = await executeMeasured(bench.ctx, id);
	if (measured.code !== 0)
		throw new Error(`${id} failed (exit ${measured.code}):\n${measured.stderr.slice(-2000)}`);
	return measured.peakRssBytes;
}

async function runWorkflow(
	bench: Bench,
	workflow: WorkflowInput,
	nodeName: string,
	scenario: ScenarioName | null = null,
): Promise<NodeRunFigures> {
	await importWorkflow(bench.ctx, workflow);
	bench.emulator.reset();
	bench.emulator.setScenario(scenario);
	progress(`running ${workflow.id}...`);
	const measured = await executeMeasured(bench.ctx, workflow.id);
	if (measured.code !== 0)
		throw new Error(
			`${workflow.id} failed (exit ${measured.code}):\n${measured.stderr.slice(-2000)}${measured.stdout.slice(-2000)}`,
		);
	const run: RawRun = parseRawOutput(measured.stdout);
	bench.texts.push(
		{
			where: `${workflow.id}: stdout before the run`,
			text: measured.stdout.slice(0, measured.stdout.indexOf('\n{\n') + 1),
		},
		{ where: `${workflow.id}: run`, text: JSON.stringify(withoutValueFields(run)) },
		{ where: `${workflow.id}: stderr`, text: measured.stderr },
	);
	const task = run.data.resultData.runData[nodeName]?.[0] as {
		executionTime?: number;
		data?: { main?: Array<Array<{ json: Record<string, unknown> }>> };
	};
	if (!task || typeof task.executionTime !== 'number')
		throw new Error(`${workflow.id}: no run data for ${nodeName}`);
	const items = (task.data?.main ?? []).flat();
	const stats = bench.emulator.stats;
	return {
		ms: task.executionTime,
		outputItems: items.length,
		failures: failuresOf(items),
		peakRssBytes: measured.peakRssBytes,
		refusals: stats.byErrorCode['0025'] ?? 0,
		peakInFlight: stats.inFlightPeak,
	};
}

function verdict(met: boolean): string {
	return met ? 'MET' : 'NOT MET';
}

async function main(): Promise<void> {
	const build = !process.argv.includes('--no-build');
	const { items, latencyMs, cap, concurrency } = CONFIG;
	const emulator = await startEmulator({ secretKey: SECRET, latencyMs, concurrencyCap: cap });
	const n8n = await provideN8n('v2');
	const ctx = await createContext(n8n);
	const bench: Bench = { ctx, emulator, texts: [] };
	try {
		progress(build ? 'building and packing the package...' : 'packing dist/...');
		const pkg = await packRepo(join(ctx.folder.root, 'pack'), { build });
		await installCommunityPackage(ctx, pkg);
		const credential = clovaCredential(emulator.invokeUrl, SECRET, 'benchClovaCred01');
		await importCredentials(ctx, [credential]);

		const files = ctx.folder.filesDir;
		const batch = writeJpegs(join(files, 'batch'), items, CONFIG.smallBytes);
		const small = writeJpegs(join(files, 'small'), CONFIG.largeCount, CONFIG.smallBytes);
		const large = writeJpegs(join(files, 'large'), CONFIG.largeCount, CONFIG.largeMb * MB);
		const endpoint = `${emulator.invokeUrl}/document/id-card`;

		const clova = await runWorkflow(
			bench,
			clovaWorkflow({ id: 'benchClovaBatch1', fileSelector: batch, credential, concurrency }),
			CLOVA_NODE_NAME,
		);
		const httpTight = await runWorkflow(
			bench,
			httpRequestWorkflow({
				id: 'benchHttpTight01',
				fileSelector: batch,
				credential,
				endpoint,
				batchSize: cap,
				batchIntervalMs: latencyMs,
			}),
			HTTP_NODE_NAME,
		);
		const marginMs = Math.round(latencyMs * 1.2);
		const httpMargin = await runWorkflow(
			bench,
			httpRequestWorkflow({
				id: 'benchHttpMargin1',
				fileSelector: batch,
				credential,
				endpoint,
				batchSize: cap,
				batchIntervalMs: marginMs,
			}),
			HTTP_NODE_NAME,
		);
		const memory = (id: string, fileSelector: string, scenario: ScenarioName | null = null) =>
			runWorkflow(
				bench,
				clovaWorkflow({ id, fileSelector, credential, concurrency: CONFIG.memoryConcurrency }),
				CLOVA_NODE_NAME,
				scenario,
			);
		const smallRun = await memory('benchMemorySmall', small);
		const largeRun = await memory('benchMemoryLarge', large);
		const failingRun = await memory('benchMemoryFails', large, 'quota');
		const readSmall = await readOnlyPeak(bench, 'benchReadSmall01', small);
		const readLarge = await readOnlyPeak(bench, 'benchReadLarge01', large);

		const bursts = await runWebhookBursts(
			ctx,
			emulator,
			credential,
			endpoint,
			jpegBytes(CONFIG.smallBytes),
			CONFIG.burstSizes,
			cap,
			progress,
		);

		const fairness = await runFairness(
			ctx,
			emulator,
			credential,
			writeJpegs(join(files, 'fair'), CONFIG.fairBatchItems, CONFIG.smallBytes),
			CONFIG.fairBatchItems,
			concurrency,
			jpegBytes(CONFIG.smallBytes),
			CONFIG.fairSingles,
			progress,
		);

		// Queue mode in its own user folder (its own Postgres), the package installed in it.
		const queueCtx = await createContext(n8n);
		let queued;
		try {
			await installCommunityPackage(queueCtx, pkg);
			const queueFiles = writeJpegs(
				join(queueCtx.folder.filesDir, 'batch'),
				CONFIG.queueItems,
				CONFIG.smallBytes,
			);
			queued = await runQueueMode(
				queueCtx,
				emulator,
				credential,
				queueFiles,
				CONFIG.queueItems,
				concurrency,
				jpegBytes(CONFIG.smallBytes),
				CONFIG.queueItems,
				CONFIG.queueWorkers,
				progress,
			);
		} finally {
			queueCtx.folder.remove();
		}

		progress('measuring the node overhead without network...');
		const overhead = await measureOverheadRuns(CONFIG.overheadRuns, CONFIG.overheadDocuments);
		const leaks = findLeaks(bench.texts, [SECRET], recognizedValuesOf(['ic-success']));

		const ideal = Math.ceil(items / cap) * latencyMs;
		const ratio = clova.ms / ideal;
		const growth = largeRun.peakRssBytes - smallRun.peakRssBytes;
		const row = (label: string, figures: NodeRunFigures) =>
			say(
				`  ${label.padEnd(52)} ${seconds(figures.ms).padStart(8)}  ${(figures.ms / ideal).toFixed(2)} x ideal   ` +
					`items failed: ${figures.failures.items} (0025: ${figures.failures.rateLimitAnswers}, cut off while refused: ${figures.failures.cutOff})   ` +
					`0025 answers from the service: ${figures.refusals}   peak in flight: ${figures.peakInFlight}`,
			);

		say();
		say(
			`CLOVA OCR batch benchmark: n8n ${n8n.pin.n8n} on Node ${n8n.pin.node ?? process.versions.node}, ${pkg.name}@${pkg.version}`,
		);
		say(`emulator: latency ${latencyMs} ms, concurrency cap ${cap}`);
		say();
		say(`Throughput: N = ${items} items (no faults injected: every failure below is the cap)`);
		say(
			`  ideal ceil(${items} / ${cap}) x ${latencyMs} ms ${''.padEnd(28)} ${seconds(ideal).padStart(8)}`,
		);
		row(`CLOVA OCR node, concurrency ${concurrency}`, clova);
		row(`HTTP Request node, batch ${cap} every ${latencyMs} ms`, httpTight);
		row(`HTTP Request node, batch ${cap} every ${marginMs} ms`, httpMargin);
		say();
		say(
			`Memory: ${CONFIG.largeCount} images at concurrency ${CONFIG.memoryConcurrency}, peak RSS of the n8n process`,
		);
		say(
			`  small (${CONFIG.smallBytes / 1024} KB each)  ${megabytes(smallRun.peakRssBytes).padStart(8)}   (${seconds(smallRun.ms)})`,
		);
		say(
			`  large (${CONFIG.largeMb} MB each)  ${megabytes(largeRun.peakRssBytes).padStart(9)}   (${seconds(largeRun.ms)})`,
		);
		say(`  growth               ${megabytes(growth).padStart(8)}`);
		say(
			`  large, every request refused (0023, On Error: Continue): ${megabytes(failingRun.peakRssBytes)} (growth ${megabytes(failingRun.peakRssBytes - smallRun.peakRssBytes)}; ${failingRun.failures.items} error items)`,
		);
		say(
			`  of which n8n reading the files (Read/Write Files node alone, large vs small): ${megabytes(readLarge - readSmall)}`,
		);
		say();
		say(
			`Webhook burst (regular mode): N uploads posted at once to Webhook -> node (Respond: When Last Node Finishes); bound = max(no-cap floor, ceil(N / ${cap}) x ${latencyMs} ms)`,
		);
		const burstBound = (uploads: number) =>
			Math.max(bursts.floors.get(uploads)?.wallMs ?? 0, Math.ceil(uploads / cap) * latencyMs);
		for (const [uploads, floor] of bursts.floors) {
			say(
				`  N = ${uploads}: no-cap floor (this node, emulator without a cap) ${seconds(floor.wallMs)} (failed ${floor.failed}, p50 ${seconds(floor.p50Ms)}, p95 ${seconds(floor.p95Ms)}); ceil(N / cap) x latency ${seconds(Math.ceil(uploads / cap) * latencyMs)}; bound ${seconds(burstBound(uploads))}`,
			);
		}
		for (const { label, figures } of bursts.rows) {
			say(
				`  ${label.padEnd(56)} ${seconds(figures.wallMs).padStart(8)}  ${(figures.wallMs / burstBound(figures.uploads)).toFixed(2)} x bound   failed: ${figures.failed}   0025 answers: ${figures.refusals} (${((100 * figures.refusals) / figures.uploads).toFixed(1)} % of uploads)   per upload p50 ${seconds(figures.p50Ms)}, p95 ${seconds(figures.p95Ms)}`,
			);
		}
		const fairIdeal = Math.ceil(fairness.batchItems / cap) * latencyMs;
		say(
			`Fairness (regular mode): ${fairness.singles} single cards posted one every 500 ms to Webhook -> node while a batch of ${fairness.batchItems} (Concurrency ${concurrency}) runs, all to the same domain`,
		);
		say(
			`  a single card on an idle service: p50 ${seconds(fairness.idleP50Ms)};  during the batch: p50 ${seconds(fairness.duringP50Ms)}, p95 ${seconds(fairness.duringP95Ms)}, max ${seconds(fairness.duringMaxMs)}, failed ${fairness.singlesFailed}`,
		);
		say(
			`  the batch: ${seconds(fairness.batchMs)} (${(fairness.batchMs / fairIdeal).toFixed(2)} x its ideal ${seconds(fairIdeal)}, webhook call included), failed ${fairness.batchFailed}; queued behind it instead, a card would wait for the batch's remaining items (up to ${seconds(fairIdeal)})`,
		);
		const queueBound = (n: number, floor: number) =>
			Math.max(floor, Math.ceil(n / cap) * latencyMs);
		const regularFloor = bursts.floors.get(CONFIG.queueItems)?.wallMs ?? 0;
		const queueFloor = queued.burstFloor.wallMs;
		const queueBurst = queued.burst;
		const queueRatio = queueBurst.wallMs / queueBound(queueBurst.uploads, queueFloor);
		say(
			`Queue mode, ${queued.workers} workers (Redis, Postgres, binary data in the database); bound = max(queue mode's no-cap floor, ceil(N / ${cap}) x ${latencyMs} ms):`,
		);
		say(
			`  batch of ${queued.batchItems} (Read/Write Files -> node, Concurrency ${concurrency})   ${seconds(queued.batchMs).padStart(8)}  ${(queued.batchMs / queueBound(queued.batchItems, 0)).toFixed(2)} x ideal   failed: ${queued.batchFailed}   0025 answers: ${queued.batchRefusals}`,
		);
		say(
			`  N = ${queueBurst.uploads}: no-cap floor in queue mode ${seconds(queueFloor)} (failed ${queued.burstFloor.failed}, p50 ${seconds(queued.burstFloor.p50Ms)}, p95 ${seconds(queued.burstFloor.p95Ms)}); bound ${seconds(queueBound(queueBurst.uploads, queueFloor))}`,
		);
		say(
			`  burst of ${queueBurst.uploads} uploads                                  ${seconds(queueBurst.wallMs).padStart(8)}  ${queueRatio.toFixed(2)} x bound${regularFloor ? ` (${(queueBurst.wallMs / queueBound(queueBurst.uploads, regularFloor)).toFixed(2)} x the regular-mode bound)` : ''}   failed: ${queueBurst.failed}   0025 answers: ${queueBurst.refusals} (${((100 * queueBurst.refusals) / queueBurst.uploads).toFixed(1)} %)   per upload p50 ${seconds(queueBurst.p50Ms)}, p95 ${seconds(queueBurst.p95Ms)}   Postgres pool waits logged: ${poolWaitSummary(queued.burstPoolWaits)}`,
		);
		if (queued.burstPoolWaits.sample)
			say(
				`    first pool wait logged: [${queued.burstPoolWaits.sample.where}] ${queued.burstPoolWaits.sample.line}`,
			);
		say();
		say(
			`Node overhead without network (read, parse, check, review, flatten, exit): fastest ${overhead.fastest.toFixed(3)} ms, median ${overhead.median.toFixed(3)} ms per document (${overhead.figures.length} runs of ${CONFIG.overheadDocuments} documents; single runs move with the machine, the fastest is the node's own cost)`,
		);
		say(
			`Leak check over n8n's stdout, stderr and run data (value fields removed): ${
				leaks.length === 0
					? 'clean'
					: `${leaks.length} findings: ${leaks.map((f) => `${f.kind} in ${f.where}`).join('; ')}`
			}`,
		);
		say();
		say('Targets');
		say(
			`  wall time <= 1.08 x ideal (N ${items}, latency ${latencyMs} ms, cap ${cap}):  ${ratio.toFixed(2)} x   ${verdict(ratio <= 1.08)}`,
		);
		say(
			`  no rate-limit errors surfaced at concurrency ${concurrency}:          ${clova.failures.items}   ${verdict(clova.failures.items === 0)}`,
		);
		say(
			`  peak RSS growth, ${CONFIG.largeCount} x ${CONFIG.largeMb} MB at concurrency ${CONFIG.memoryConcurrency}, <= 100 MB (succeeding / all refused):    ${megabytes(growth)} / ${megabytes(failingRun.peakRssBytes - smallRun.peakRssBytes)}   ${verdict(growth <= 100 * MB && failingRun.peakRssBytes - smallRun.peakRssBytes <= 100 * MB)}`,
		);
		const largest = bursts.rows.find(
			(row) =>
				row.label.startsWith('this node') && row.figures.uploads === Math.max(...CONFIG.burstSizes),
		);
		if (largest) {
			const f = largest.figures;
			const ratio = f.wallMs / burstBound(f.uploads);
			say(
				`  webhook burst ${f.uploads}: 0 failed, <= 1.25 x bound, 0025 <= 10 % of uploads:  ${f.failed} failed, ${ratio.toFixed(2)} x, ${((100 * f.refusals) / f.uploads).toFixed(1)} %   ${verdict(f.failed === 0 && ratio <= 1.25 && f.refusals <= 0.1 * f.uploads)}`,
			);
		}
		const queueBatchRatio = queued.batchMs / queueBound(queued.batchItems, 0);
		say(
			`  queue mode, ${queued.workers} workers: 0 failed, <= 1.5 x bound (batch ${queued.batchItems} / burst ${queueBurst.uploads}):  ${queued.batchFailed} / ${queueBurst.failed} failed, ${queueBatchRatio.toFixed(2)} x / ${queueRatio.toFixed(2)} x   ${verdict(queued.batchFailed === 0 && queueBurst.failed === 0 && queueBatchRatio <= 1.5 && queueRatio <= 1.5)}`,
		);
		say(
			`  node overhead <= 0.3 ms per document (fastest run):   ${overhead.fastest.toFixed(3)} ms   ${verdict(overhead.fastest <= 0.3)}`,
		);
		say();
		say('Redacted copy (tools/bench/redaction.ts, on dist/)');
		execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'redaction.ts')], {
			stdio: 'inherit',
		});
	} finally {
		ctx.folder.remove();
		await emulator.close();
	}
}

// `npm run bench -- matrix [...]`: the latency/refusal/cap/items matrix (tools/bench/matrix) instead.
const [subcommand, ...subcommandArgs] = process.argv.slice(2);
// `npm run bench -- queue [...]`: the queue-mode burst alone, per pool size, idle and busy (tools/bench/queue).
// `npm run bench -- pdf [...]`: an N-page PDF through Read Text against its pages as PNG items (tools/bench/pdf).
// `npm run bench -- limiter [...]`: the limiter alone on a virtual clock, one or two processes (tools/bench/limiter).
// `npm run bench -- overhead [...]`: the node's own work per document, several runs (overheadBench.ts).
const run =
	subcommand === 'matrix'
		? () => import('./matrix/matrix').then(({ runMatrix }) => runMatrix(subcommandArgs))
		: subcommand === 'queue'
			? () =>
					import('./queue/queueProfile').then(({ runQueueProfile }) =>
						runQueueProfile(subcommandArgs),
					)
			: subcommand === 'pdf'
				? () => import('./pdf/pdfBench').then(({ runPdfBench }) => runPdfBench(subcommandArgs))
				: subcommand === 'limiter'
					? () =>
							import('./limiter/limiterBench').then(({ runLimiterBench }) =>
								runLimiterBench(subcommandArgs),
							)
					: subcommand === 'overhead'
						? () =>
								import('./overheadBench').then(({ runOverheadBench }) =>
									runOverheadBench(subcommandArgs),
								)
						: main;

run().catch((error: unknown) => {
	progress(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exit(1);
});
