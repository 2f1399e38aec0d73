/**
 * `npm run bench -- pdf [--pages 20] [--runs 3] [--output lines|text|words] [...]`: one N-page
 * PDF (one item) through CLOVA OCR's Read Text against the same N pages as N PNG items, in a
 * real n8n (the pinned 2.x, this package installed as a community package, one fresh
 * `n8n execute` per run as the batch bench does), each against the same emulator settings.
 * Prints per run and as a range: wall time, the emulator's service time, the node's overhead
 * (wall - service) in all and per page, items out, and the peak RSS of the n8n process (and
 * above the same workflow without the measured node). `--help` for the flags.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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
import { contractPdf, CONTRACT_SCENARIO } from '../../samples/multi-page-pdf';
import { packBenchPackage } from '../benchPackage';
import { executeMeasured } from '../measuredRun';
import { CLOVA_NODE_NAME } from '../workflows';
import { parsePdfArgs, PdfArgsError, PDF_USAGE, runLatencyMs, type PdfArgs } from './args';
import {
	comparisonLines,
	headerLine,
	rangeLines,
	runFigures,
	runLine,
	type InputKind,
	type RunFigures,
} from './figures';
import { watchPhase, type PhaseMemory, type PhaseWatch } from './phaseMemory';
import { pdfWorkflow, WAIT_MS } from './workflow';

const SECRET = 'bench-pdf-secret-3a9c';
const KB = 1024;

const say = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`[bench pdf] ${line}\n`);
const load = () =>
	loadavg()
		.map((value) => value.toFixed(2))
		.join(' / ');

const LEGEND = [
	"wall: n8n's execution time of the node; calls: requests at the emulator; drawn: the sum of the latencies it waited;",
	"service: the union of the calls' spans at the emulator (headers in -> answer out, upload included);",
	'overhead = wall - service = node start -> first call + idle between calls + last answer -> node end;',
	'peak RSS: the n8n process (VmHWM) over the whole n8n execute, start-up included;',
	'taken: its peak RSS after the warm-up minus its RSS then (VmHWM reset in the Wait): Read files and the node;',
	'baseline: the same of the workflow without the measured node, same files, run just before; node = taken - baseline',
];

/** 16-character workflow ids. */
const WORKFLOW_IDS: Record<InputKind, { measured: string; baseline: string }> = {
	pdf: { measured: 'benchPdfDocument', baseline: 'benchPdfBaseDocu' },
	pngs: { measured: 'benchPdfPngPages', baseline: 'benchPdfBasePngs' },
};

/** `n8n import:workflow` of several workflows in one file (one n8n start-up). */
async function importWorkflows(
	ctx: N8nContext,
	workflows: readonly WorkflowInput[],
): Promise<void> {
	const file = join(ctx.folder.importDir, `pdf-workflows-${process.pid}.json`);
	writeFileSync(
		file,
		JSON.stringify(workflows.map((workflow) => ({ active: false, settings: {}, ...workflow }))),
	);
	await runN8n(ctx, ['import:workflow', `--input=${file}`]);
}

/** Files the warm-up node reads (a 1-page PDF and a PNG): one call each to the warm-up emulator. */
const WARM_UP_CALLS = 2;
/** How long after the warm-up's last answer the high-water mark is reset (within the Wait). */
const SETTLE_MS = Math.round(WAIT_MS * 0.3);

interface Executed {
	readonly run: RawRun;
	/** The whole run's peak RSS (n8n's start-up included). */
	readonly peakRssBytes: number;
	/** After the warm-up (phaseMemory.ts). */
	readonly phase: PhaseMemory;
}

/**
 * One `n8n execute` against the emulator set to `latencyMs`, its memory watched from the
 * warm-up's end; throws with n8n's output when it did not run.
 */
async function execute(setup: Setup, id: string, latencyMs: number): Promise<Executed> {
	const { ctx, emulator, warmUpEmulator } = setup;
	const warmedUp = () =>
		warmUpEmulator.requests.length >= WARM_UP_CALLS &&
		warmUpEmulator.requests.every((request) => request.durationMs !== null);
	for (let attempt = 1; ; attempt++) {
		emulator.configure({ latencyMs, latencyDistribution: 'fixed', maxPages: setup.maxPages });
		emulator.reset();
		warmUpEmulator.reset();
		const watched: { watch?: PhaseWatch } = {};
		const measured = await executeMeasured(ctx, id, {}, 600_000, (pid) => {
			watched.watch = watchPhase(pid, warmedUp, SETTLE_MS);
		});
		let phase: PhaseMemory = watched.watch?.stop() ?? {
			peakAboveResetBytes: null,
			peakBeforeResetBytes: null,
			resetAt: null,
			problem: 'not watched',
		};
		let run: RawRun | null = null;
		try {
			run = parseRawOutput(measured.stdout);
		} catch {
			// no run printed: below
		}
		if (run !== null) {
			const readStart = startTimeOf(run, 'Read files');
			if (phase.resetAt !== null && (readStart === null || phase.resetAt >= readStart))
				phase = {
					...phase,
					peakAboveResetBytes: null,
					problem: `VmHWM was reset ${readStart === null ? 'without a Read files start to compare' : `${phase.resetAt - readStart} ms after Read files started`}`,
				};
			if (phase.problem !== null)
				progress(`  ${id}: no memory figure after the warm-up: ${phase.problem}`);
			return {
				run,
				peakRssBytes: Math.max(measured.peakRssBytes, phase.peakBeforeResetBytes ?? 0),
				phase,
			};
		}
		const output = measured.stdout + measured.stderr;
		if (attempt < 3 && lostPortRace(output)) {
			await choosePortsAgain(ctx, `bench pdf ${id}`);
			continue;
		}
		throw new Error(
			`${id}: n8n exit ${String(measured.code)}:\n${measured.stderr.slice(-2000)}${measured.stdout.slice(-1000)}`,
		);
	}
}

/** When n8n started a node (epoch ms), if it ran and said. */
function startTimeOf(run: RawRun, nodeName: string): number | null {
	const task = run.data.resultData.runData[nodeName]?.[0] as { startTime?: unknown } | undefined;
	return typeof task?.startTime === 'number' ? task.startTime : null;
}

interface NodeTask {
	executionTime?: number;
	startTime?: number;
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
}

function measuredTask(run: RawRun): NodeTask & { executionTime: number } {
	const task = run.data.resultData.runData[CLOVA_NODE_NAME]?.[0] as NodeTask | undefined;
	if (!task || typeof task.executionTime !== 'number')
		throw new Error(
			`no run data for ${CLOVA_NODE_NAME}${run.data.resultData.error?.message ? `: ${run.data.resultData.error.message}` : ''}`,
		);
	return task as NodeTask & { executionTime: number };
}

interface Setup {
	readonly args: PdfArgs;
	readonly ctx: N8nContext;
	readonly emulator: Emulator;
	readonly warmUpEmulator: Emulator;
	readonly maxPages: number;
	/** Scenarios the emulator answered other than the contract's (a mis-marked input). */
	readonly strayScenarios: Set<string>;
}

async function measureRun(setup: Setup, input: InputKind, run: number): Promise<RunFigures> {
	const { args, emulator } = setup;
	const latencyMs = runLatencyMs(args, input === 'pdf' ? args.pages : 1);
	// The baseline first (the workflow without the measured node): what Read files takes.
	const baseline = await execute(setup, WORKFLOW_IDS[input].baseline, latencyMs);
	const executed = await execute(setup, WORKFLOW_IDS[input].measured, latencyMs);
	const task = measuredTask(executed.run);
	const items = (task.data?.main ?? []).flatMap((output) => output ?? []);
	const requests = emulator.requests;
	for (const request of requests)
		if (request.scenario === null || !request.scenario.startsWith(CONTRACT_SCENARIO))
			setup.strayScenarios.add(String(request.scenario ?? request.errorCode ?? request.status));
	return runFigures({
		input,
		run,
		pages: args.pages,
		inputItems: input === 'pdf' ? 1 : args.pages,
		wallMs: task.executionTime,
		startedAt: typeof task.startTime === 'number' ? task.startTime : null,
		spans: requests.map((request) => ({
			start: request.receivedAt,
			end: request.receivedAt + (request.durationMs ?? 0),
		})),
		drawnMs: emulator.drawnLatencies.totalMs,
		itemsOut: items.length,
		failedItems: items.filter(({ json }) => json.error !== undefined || json.code !== undefined)
			.length,
		peakRssBytes: executed.peakRssBytes,
		takenBytes: executed.phase.peakAboveResetBytes,
		baselineTakenBytes: baseline.phase.peakAboveResetBytes,
		baselinePeakRssBytes: baseline.peakRssBytes,
	});
}

export async function runPdfBench(argv: readonly string[]): Promise<void> {
	let args: PdfArgs;
	try {
		args = parsePdfArgs(argv);
	} catch (error) {
		if (!(error instanceof PdfArgsError)) throw error;
		process.stderr.write(`${error.message}\n${PDF_USAGE}\n`);
		process.exitCode = 2;
		return;
	}
	if (args.help) {
		say(PDF_USAGE);
		return;
	}

	const document = contractPdf(args.pages);
	const warmUp = contractPdf(1);
	const emulator = await startEmulator({ secretKey: SECRET, latencyMs: args.latencyMs });
	const warmUpEmulator = await startEmulator({ secretKey: SECRET });
	const n8n = await provideN8n('v2');
	const ctx = await createContext(n8n);
	try {
		const pkg = await packBenchPackage(args, join(ctx.folder.root, 'pack'), progress);
		await installCommunityPackage(ctx, pkg);
		const credential = clovaCredential(
			emulator.invokeUrls.general,
			SECRET,
			'benchPdfGeneral1',
			'CLOVA OCR General (bench)',
		);
		const warmUpCredential = clovaCredential(
			warmUpEmulator.invokeUrls.general,
			SECRET,
			'benchPdfWarmUp01',
			'CLOVA OCR General warm-up',
		);
		await importCredentials(ctx, [credential, warmUpCredential]);

		const files = ctx.folder.filesDir;
		const write = (dir: string, name: string, bytes: Buffer) => {
			const folder = join(files, dir);
			mkdirSync(folder, { recursive: true });
			writeFileSync(join(folder, name), bytes);
		};
		write('pdf-warm-up', 'warm-up.pdf', warmUp.pdf);
		write('pdf-warm-up', 'warm-up.png', warmUp.pages[0]!.png);
		write('pdf-document', `contract-${args.pages}-pages.pdf`, document.pdf);
		for (const page of document.pages)
			write('pdf-pages', `page-${String(page.pageIndex + 1).padStart(3, '0')}.png`, page.png);
		const selectors: Record<InputKind, string> = {
			pdf: `${join(files, 'pdf-document')}/*.pdf`,
			pngs: `${join(files, 'pdf-pages')}/*.png`,
		};
		const workflows: WorkflowInput[] = [];
		for (const input of ['pdf', 'pngs'] as const)
			for (const measured of [true, false])
				workflows.push(
					pdfWorkflow({
						id: WORKFLOW_IDS[input][measured ? 'measured' : 'baseline'],
						fileSelector: selectors[input],
						credential,
						output: args.output,
						concurrency: args.concurrency,
						warmUpFileSelector: `${join(files, 'pdf-warm-up')}/*`,
						warmUpCredential,
						measured,
					}),
				);
		await importWorkflows(ctx, workflows);

		const setup: Setup = {
			args,
			ctx,
			emulator,
			warmUpEmulator,
			maxPages: Math.max(30, args.pages),
			strayScenarios: new Set(),
		};
		const loadBefore = load();
		const started = Date.now();
		const runs: RunFigures[] = [];
		for (let run = 1; run <= args.runs; run++) {
			// Alternate which input goes first, so a drift in the machine's load spreads over both.
			const order: InputKind[] = run % 2 === 1 ? ['pdf', 'pngs'] : ['pngs', 'pdf'];
			for (const input of order) {
				progress(`run ${run}/${args.runs}: ${input} (load ${load()})`);
				const figures = await measureRun(setup, input, run);
				runs.push(figures);
				progress(`  ${runLine(figures).replace(/\s+/g, ' ')}`);
			}
		}
		const elapsedMin = (Date.now() - started) / 60_000;
		const pdfRuns = runs.filter((figures) => figures.input === 'pdf');
		const pngRuns = runs.filter((figures) => figures.input === 'pngs');
		const pngBytes = document.pages.reduce((sum, page) => sum + page.png.length, 0);

		say();
		say(
			`CLOVA OCR Read Text: one ${args.pages}-page PDF against the same ${args.pages} pages as PNG items; n8n ${n8n.pin.n8n} on Node ${n8n.pin.node ?? process.versions.node}, ${pkg.name}@${pkg.version}${args.packageDir === null ? '' : ` from ${args.packageDir}`}`,
		);
		say(
			`Machine: ${cpus().length} cores; load average (1 / 5 / 15 min) ${loadBefore} before, ${load()} after; ${args.runs} runs of each input (alternating which goes first), ${elapsedMin.toFixed(1)} min`,
		);
		say(
			`Emulator (General OCR domain): fixed latency ${args.latencyMs} ms a request${
				args.pageMs > 0
					? ` + ${args.pageMs} ms a page (the PDF's call ${runLatencyMs(args, args.pages)} ms, each PNG's ${runLatencyMs(args, 1)} ms)`
					: ', whatever its pages'
			}, no concurrency cap`,
		);
		say(
			`Node: Read Text, Output ${args.output}, Concurrency ${args.concurrency}, Max Retries 3, On Error: Continue; before it, in the same n8n execute, a warm-up Read Text of a 1-page PDF and a PNG against a second emulator`,
		);
		say(
			`Input: the PDF ${(document.pdf.length / KB).toFixed(0)} KB (${args.pages} pages of samples/contract.pdf, cycling); the PNGs ${(pngBytes / KB).toFixed(0)} KB in all, each page pixel for pixel the PDF's`,
		);
		for (const text of LEGEND) say(text);
		say();
		say(headerLine());
		for (const figures of runs) say(runLine(figures));
		say();
		say('Range over the runs (min - max, median)');
		for (const line of [...rangeLines(pdfRuns), ...rangeLines(pngRuns)]) say(line);
		say();
		say('PDF against PNGs (medians)');
		for (const line of comparisonLines(pdfRuns, pngRuns)) say(line);
		if (setup.strayScenarios.size > 0)
			say(
				`! the emulator answered scenarios other than ${CONTRACT_SCENARIO}*: ${[...setup.strayScenarios].join(', ')}`,
			);

		if (args.jsonFile !== null) {
			writeFileSync(
				args.jsonFile,
				JSON.stringify(
					{
						n8n: n8n.pin.n8n,
						package: `${pkg.name}@${pkg.version}`,
						args: { ...args, help: undefined },
						cores: cpus().length,
						loadBefore,
						loadAfter: load(),
						pdfBytes: document.pdf.length,
						pngBytes,
						runs,
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
