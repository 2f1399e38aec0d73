/**
 * `npm run bench -- matrix [--quick] [--cells ...]`: the node's batch against services that
 * differ in latency distribution, refusal timing and cap (issue 20), cell by cell. One real
 * n8n (the pinned 2.x, this package installed as a community package), one emulator
 * reconfigured per cell, one fresh `n8n execute` per cell (so no cell inherits what the
 * node's process-wide limiter learned in another). Prints a table, the time-scale note and
 * the worst cell per target. `--help` for the flags.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import { startEmulator, type Emulator } from '../../clova-emulator';
import { installCommunityPackage } from '../../n8n/install-community-package';
import {
	clovaCredential,
	importCredentials,
	parseRawOutput,
	runN8n,
	type RawRun,
	type WorkflowInput,
} from '../../n8n/n8n-cli';
import {
	choosePortsAgain,
	createContext,
	lostPortRace,
	type N8nContext,
} from '../../n8n/n8n-context';
import { provideN8n } from '../../n8n/provide-n8n';
import { packBenchPackage } from '../benchPackage';
import { writeJpegs } from '../imageFiles';
import { executeMeasured } from '../measuredRun';
import { CLOVA_NODE_NAME } from '../workflows';
import {
	cellName,
	emulatorKnobs,
	floorKey,
	MatrixArgsError,
	MATRIX_USAGE,
	parseMatrixArgs,
	selectedCells,
	serviceOf,
	type Cell,
	type MatrixArgs,
} from './cells';
import { countRefusals, idealMs, onlineMs, turnaroundMs } from './ideal';
import { callTimeline, OUTLIER_TO_BOUND, timelineBinMs, timelineLines } from './timeline';
import {
	floorNote,
	hasFloors,
	headerLine,
	judge,
	legend,
	onlineNote,
	resultLine,
	scaleNote,
	TARGETS,
	verdictLine,
	type CellOutcome,
	type FloorFigures,
} from './table';
import { matrixWorkflow } from './workflow';

const SECRET = 'bench-matrix-secret-7d41';
const IMAGE_BYTES = 4096;
/** Cards the warm-up node sends (to its own emulator) before the measured node starts. */
const WARM_UP_CARDS = 8;

const say = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`[bench matrix] ${line}\n`);
const load = () =>
	loadavg()
		.map((value) => value.toFixed(2))
		.join(' / ');

/** A 16-character workflow id per batch size (and, for a floor run, per Concurrency). */
const workflowId = (items: number, floorConcurrency: number | null = null) =>
	floorConcurrency === null
		? `benchMatrix${String(items).padStart(5, '0')}`
		: `benchFl${String(items).padStart(5, '0')}c${String(floorConcurrency).padStart(3, '0')}`;

/** `n8n import:workflow` of several workflows in one file (one n8n start-up). */
async function importWorkflows(
	ctx: N8nContext,
	workflows: readonly WorkflowInput[],
): Promise<void> {
	const file = join(ctx.folder.importDir, `matrix-workflows-${process.pid}.json`);
	writeFileSync(
		file,
		JSON.stringify(workflows.map((workflow) => ({ active: false, settings: {}, ...workflow }))),
	);
	await runN8n(ctx, ['import:workflow', `--input=${file}`]);
}

/** Rough lower bound of a cell's run, for the time estimate and its timeout. */
function estimateMs(cell: Cell): number {
	const { latencyMs } = serviceOf(cell);
	const mean =
		cell.latency === 'fixed'
			? latencyMs
			: latencyMs * Math.exp((Math.log(2) / 1.645) ** 2 / 2) * (cell.latency === 'tail' ? 1.18 : 1);
	return Math.ceil(cell.items / cell.cap) * mean;
}

function failedItems(run: RawRun): {
	items: number;
	failed: number;
	executionMs: number;
	startedAt: number | null;
} {
	const task = run.data.resultData.runData[CLOVA_NODE_NAME]?.[0] as
		| {
				executionTime?: number;
				startTime?: number;
				data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
		  }
		| undefined;
	if (!task || typeof task.executionTime !== 'number')
		throw new Error(
			`no run data for ${CLOVA_NODE_NAME}${run.data.resultData.error?.message ? `: ${run.data.resultData.error.message}` : ''}`,
		);
	const items = (task.data?.main ?? []).flatMap((output) => output ?? []);
	const failed = items.filter(({ json }) => json.error !== undefined || json.code !== undefined);
	return {
		items: items.length,
		failed: failed.length,
		executionMs: task.executionTime,
		startedAt: typeof task.startTime === 'number' ? task.startTime : null,
	};
}

interface BatchFigures {
	readonly wallMs: number;
	readonly failedItems: number;
	/** When n8n started the node (epoch ms), if it said. */
	readonly startedAt: number | null;
}

/** One `n8n execute` of a workflow against the emulator as configured; null figures and the reason when it did not run. */
async function executeBatch(
	ctx: N8nContext,
	emulator: Emulator,
	cell: Cell,
	seed: number,
	id: string,
): Promise<BatchFigures | { error: string }> {
	const timeoutMs = Math.max(600_000, 4 * estimateMs(cell) + 120_000);
	for (let attempt = 1; ; attempt++) {
		emulator.configure(emulatorKnobs(cell, seed));
		emulator.reset();
		const measured = await executeMeasured(ctx, id, {}, timeoutMs);
		let run: RawRun | null = null;
		try {
			run = parseRawOutput(measured.stdout);
		} catch {
			// no run printed: below
		}
		if (run === null) {
			const output = measured.stdout + measured.stderr;
			if (attempt < 3 && lostPortRace(output)) {
				await choosePortsAgain(ctx, `matrix cell ${cellName(cell)}`);
				continue;
			}
			const tail = measured.stderr.split('\n').filter(Boolean).slice(-3).join(' | ');
			return { error: `n8n exit ${String(measured.code)}: ${tail.slice(-400)}` };
		}
		try {
			const figures = failedItems(run);
			return {
				wallMs: figures.executionMs,
				failedItems: figures.failed + Math.max(0, cell.items - figures.items),
				startedAt: figures.startedAt,
			};
		} catch (error) {
			return { error: error instanceof Error ? error.message : String(error) };
		}
	}
}

async function runCell(
	ctx: N8nContext,
	emulator: Emulator,
	cell: Cell,
	seed: number,
	floor: FloorFigures | null,
	concurrency: number,
): Promise<CellOutcome> {
	const batch = await executeBatch(ctx, emulator, cell, seed, workflowId(cell.items));
	if ('error' in batch) return { cell, error: batch.error };
	const drawn = emulator.drawnLatencies;
	const requests = emulator.requests;
	const firstArrival = Math.min(...requests.map((request) => request.receivedAt));
	const lastAnswer = Math.max(
		...requests.map((request) => request.receivedAt + (request.durationMs ?? 0)),
	);
	return {
		cell,
		wallMs: batch.wallMs,
		leadMs:
			batch.startedAt === null || requests.length === 0 ? null : firstArrival - batch.startedAt,
		spanMs: requests.length === 0 ? null : lastAnswer - firstArrival,
		turnMs: turnaroundMs(requests, cell.cap),
		idealMs: idealMs(cell, serviceOf(cell).latencyMs, drawn),
		onlineMs: onlineMs(requests, cell.cap),
		refusals: countRefusals(emulator.requests, cell.cap, concurrency),
		failedItems: batch.failedItems,
		peakInFlight: emulator.stats.inFlightPeak,
		drawnCalls: drawn.calls,
		floor,
	};
}

/** The cell's batch with Concurrency = cap; null when it did not run (said on stderr). */
async function runFloor(
	ctx: N8nContext,
	emulator: Emulator,
	cell: Cell,
	seed: number,
): Promise<FloorFigures | null> {
	const floorCell: Cell = { ...cell, refusal: 'at-once' };
	const batch = await executeBatch(
		ctx,
		emulator,
		floorCell,
		seed,
		workflowId(cell.items, cell.cap),
	);
	if ('error' in batch) {
		progress(`  floor did not run: ${batch.error}`);
		return null;
	}
	return {
		wallMs: batch.wallMs,
		refusals: emulator.stats.byErrorCode['0025'] ?? 0,
		failedItems: batch.failedItems,
	};
}

export async function runMatrix(argv: readonly string[]): Promise<void> {
	let args: MatrixArgs;
	let cells: Cell[];
	try {
		args = parseMatrixArgs(argv);
		cells = selectedCells(args);
		if (!args.help && cells.length === 0) throw new MatrixArgsError('no cell matches --cells');
	} catch (error) {
		if (!(error instanceof MatrixArgsError)) throw error;
		process.stderr.write(`${error.message}\n${MATRIX_USAGE}\n`);
		process.exitCode = 2;
		return;
	}
	if (args.help) {
		say(MATRIX_USAGE);
		return;
	}

	const serviceMinutes = cells.reduce((sum, cell) => sum + estimateMs(cell), 0) / 60_000;
	progress(
		`${cells.length} cells (${args.profile}${args.scale === null ? '' : `, scale ${args.scale}`}): ` +
			`at least ${serviceMinutes.toFixed(1)} min of service time, plus an n8n start-up per cell`,
	);
	const emulator = await startEmulator({ secretKey: SECRET });
	const warmUpEmulator = await startEmulator({ secretKey: SECRET });
	const n8n = await provideN8n('v2');
	const ctx = await createContext(n8n);
	try {
		const pkg = await packBenchPackage(args, join(ctx.folder.root, 'pack'), progress);
		await installCommunityPackage(ctx, pkg);
		const credential = clovaCredential(emulator.invokeUrl, SECRET, 'benchMatrixCred1');
		const warmUpCredential = clovaCredential(
			warmUpEmulator.invokeUrl,
			SECRET,
			'benchMatrixWarm1',
			'CLOVA OCR warm-up',
		);
		await importCredentials(ctx, [credential, warmUpCredential]);
		const warmUpFileSelector = writeJpegs(
			join(ctx.folder.filesDir, 'matrix-warm-up'),
			WARM_UP_CARDS,
			IMAGE_BYTES,
		);
		const workflows: WorkflowInput[] = [];
		for (const items of [...new Set(cells.map((cell) => cell.items))]) {
			const fileSelector = writeJpegs(
				join(ctx.folder.filesDir, `matrix-${items}`),
				items,
				IMAGE_BYTES,
			);
			const batch = (concurrency: number, floor: boolean) =>
				matrixWorkflow({
					id: workflowId(items, floor ? concurrency : null),
					fileSelector,
					credential,
					concurrency,
					warmUpFileSelector,
					warmUpCredential,
				});
			workflows.push(batch(args.concurrency, false));
			if (args.floor)
				for (const cap of new Set(cells.filter((c) => c.items === items).map((c) => c.cap)))
					workflows.push(batch(cap, true));
		}
		await importWorkflows(ctx, workflows);

		const loadBefore = load();
		const started = Date.now();
		const outcomes: CellOutcome[] = [];
		const floors = new Map<string, FloorFigures | null>();
		for (const [index, cell] of cells.entries()) {
			if (args.floor && !floors.has(floorKey(cell))) {
				progress(`floor: ${cellName({ ...cell, refusal: 'at-once' })}, Concurrency ${cell.cap}`);
				const floor = await runFloor(ctx, emulator, cell, args.seed);
				floors.set(floorKey(cell), floor);
				if (floor !== null) progress(`  floor ${(floor.wallMs / 1000).toFixed(2)} s`);
			}
			progress(`[${index + 1}/${cells.length}] ${cellName(cell)} (load ${load()})`);
			const outcome = await runCell(
				ctx,
				emulator,
				cell,
				args.seed,
				floors.get(floorKey(cell)) ?? null,
				args.concurrency,
			);
			outcomes.push(outcome);
			progress(`  ${resultLine(outcome, args.floor).replace(/\s+/g, ' ')}`);
			const binMs = timelineBinMs(outcome, args.timelineMs);
			if (binMs !== null && args.timelineMs === null)
				progress(`  over ${OUTLIER_TO_BOUND} x its online bound: its calls per ${binMs} ms`);
			if (binMs !== null)
				for (const line of timelineLines(callTimeline(emulator.requests, binMs)))
					progress(`  ${line}`);
		}
		const elapsedMin = (Date.now() - started) / 60_000;

		say();
		say(
			`CLOVA OCR batch matrix: n8n ${n8n.pin.n8n} on Node ${n8n.pin.node ?? process.versions.node}, ${pkg.name}@${pkg.version}` +
				`${args.packageDir === null ? '' : ` from ${args.packageDir}`}; profile ${args.profile}, ${cells.length} cells`,
		);
		say(
			`Machine: ${cpus().length} cores; load average (1 / 5 / 15 min) ${loadBefore} before, ${load()} after; ${elapsedMin.toFixed(1)} min`,
		);
		for (const text of legend(args.concurrency, args.seed)) say(text);
		say();
		const withFloor = hasFloors(outcomes);
		say(headerLine(withFloor));
		let previousItems: number | null = null;
		for (const outcome of outcomes) {
			if (previousItems !== null && outcome.cell.items !== previousItems) say();
			previousItems = outcome.cell.items;
			say(resultLine(outcome, withFloor));
		}
		for (const text of [...floorNote(outcomes), ...scaleNote(outcomes)]) say(text);
		const redrawn = outcomes.filter(
			(outcome) => !('error' in outcome) && outcome.drawnCalls !== outcome.cell.items,
		);
		if (redrawn.length > 0)
			say(
				`! ${redrawn.length} cells admitted more or fewer calls than items (retries after a fault?): their ideal counts every admitted call`,
			);
		say();
		say('Targets (worst cell per target)');
		for (const target of TARGETS) say(verdictLine(judge(target, outcomes)));
		for (const text of onlineNote(outcomes)) say(text);

		if (args.jsonFile !== null) {
			writeFileSync(
				args.jsonFile,
				JSON.stringify(
					{
						n8n: n8n.pin.n8n,
						package: `${pkg.name}@${pkg.version}`,
						profile: args.profile,
						concurrency: args.concurrency,
						seed: args.seed,
						cores: cpus().length,
						loadBefore,
						loadAfter: load(),
						outcomes,
					},
					null,
					2,
				),
			);
			progress(`results written to ${args.jsonFile}`);
		}
	} finally {
		ctx.folder.remove();
		await emulator.close();
		await warmUpEmulator.close();
	}
}
