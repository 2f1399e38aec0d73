import { parsePdfArgs, PdfArgsError, runLatencyMs } from '../pdf/args';
import {
	comparisonLines,
	headerLine,
	rangeLines,
	runFigures,
	runLine,
	serviceTimeOf,
	type RunMeasure,
} from '../pdf/figures';
import { pdfWorkflow } from '../pdf/workflow';
import { rangeOf } from '../range';

describe('the flags of bench pdf', () => {
	it('defaults: 20 pages, 3 runs, lines, 300 ms, no per-page latency, Concurrency 4, built', () => {
		expect(parsePdfArgs([])).toEqual({
			pages: 20,
			runs: 3,
			output: 'lines',
			latencyMs: 300,
			pageMs: 0,
			concurrency: 4,
			build: true,
			packageDir: null,
			jsonFile: null,
			help: false,
		});
	});

	it('reads --flag value and --flag=value', () => {
		const args = parsePdfArgs([
			'--pages',
			'7',
			'--runs=2',
			'--output',
			'words',
			'--page-ms=50',
			'--no-build',
			'--json',
			'out.json',
		]);
		expect(args).toMatchObject({
			pages: 7,
			runs: 2,
			output: 'words',
			pageMs: 50,
			build: false,
			jsonFile: 'out.json',
		});
	});

	it.each([
		[['--pages', '0']],
		[['--pages', '101']],
		[['--output', 'tables']],
		[['--runs']],
		[['--no-build=yes']],
		[['--what']],
	])('refuses %j', (argv) => {
		expect(() => parsePdfArgs(argv)).toThrow(PdfArgsError);
	});

	it('a request of n pages waits latency + n x page-ms', () => {
		expect(runLatencyMs({ latencyMs: 300, pageMs: 0 }, 20)).toBe(300);
		expect(runLatencyMs({ latencyMs: 300, pageMs: 50 }, 20)).toBe(1300);
		expect(runLatencyMs({ latencyMs: 300, pageMs: 50 }, 1)).toBe(350);
	});
});

describe('service time: the union of the calls at the service', () => {
	it('overlapping calls count once, gaps between them apart', () => {
		expect(
			serviceTimeOf([
				{ start: 1000, end: 1300 },
				{ start: 1100, end: 1400 },
				{ start: 1500, end: 1800 },
				{ start: 1450, end: 1460 },
			]),
		).toEqual({ busyMs: 710, gapsMs: 90, first: 1000, last: 1800 });
	});

	it('a call inside another adds nothing', () => {
		expect(
			serviceTimeOf([
				{ start: 0, end: 1000 },
				{ start: 200, end: 300 },
			]),
		).toMatchObject({ busyMs: 1000, gapsMs: 0 });
	});

	it('no call: no service', () => {
		expect(serviceTimeOf([])).toEqual({ busyMs: 0, gapsMs: 0, first: null, last: null });
	});
});

const measure = (overrides: Partial<RunMeasure> = {}): RunMeasure => ({
	input: 'pngs',
	run: 1,
	pages: 4,
	inputItems: 4,
	wallMs: 1000,
	startedAt: 10_000,
	spans: [
		{ start: 10_050, end: 10_350 },
		{ start: 10_060, end: 10_360 },
		{ start: 10_400, end: 10_700 },
		{ start: 10_410, end: 10_710 },
	],
	drawnMs: 1200,
	itemsOut: 55,
	failedItems: 0,
	peakRssBytes: 420 * 1024 * 1024,
	takenBytes: 3 * 1024 * 1024,
	baselineTakenBytes: 1024 * 1024,
	baselinePeakRssBytes: 419 * 1024 * 1024,
	...overrides,
});

describe('the figures of a run', () => {
	it('overhead = wall - service, split before / between / after, per page', () => {
		const figures = runFigures(measure());
		expect(figures).toMatchObject({
			calls: 4,
			serviceMs: 620,
			overheadMs: 380,
			overheadPerPageMs: 95,
			beforeMs: 50,
			betweenMs: 40,
			afterMs: 290,
			nodeTakenBytes: 2 * 1024 * 1024,
		});
		expect(figures.beforeMs! + figures.betweenMs + figures.afterMs!).toBe(figures.overheadMs);
	});

	it('without a start time or a memory figure, those parts are unknown', () => {
		const figures = runFigures(measure({ startedAt: null, baselineTakenBytes: null }));
		expect(figures.beforeMs).toBeNull();
		expect(figures.afterMs).toBeNull();
		expect(figures.nodeTakenBytes).toBeNull();
		expect(runLine(figures)).toContain('? / 40 / ? ms');
	});

	it('range: min, max and median', () => {
		expect(rangeOf([3, 1, 2])).toEqual({ min: 1, max: 3, median: 2 });
		expect(rangeOf([4, 1, 2, 3])).toEqual({ min: 1, max: 4, median: 2.5 });
		expect(rangeOf([])).toBeNull();
	});

	it('prints a row per run under the header, the range and the comparison', () => {
		const pngs = [runFigures(measure()), runFigures(measure({ run: 2, wallMs: 1100 }))];
		const pdf = [
			runFigures(measure({ input: 'pdf', inputItems: 1, spans: [{ start: 10_020, end: 10_330 }] })),
		];
		expect(headerLine()).toMatch(/^run\s+input\s+wall/);
		expect(runLine(pngs[0]!)).toMatch(/^\s+1\s+PNG, 4 items\s+1000 ms\s+4\s+1200 ms\s+620 ms/);
		const range = rangeLines(pngs).join('\n');
		expect(range).toContain('wall 1000 ms - 1100 ms (median 1050 ms)');
		expect(range).toContain('the node +2.0 MB');
		const comparison = comparisonLines(pdf, pngs).join('\n');
		expect(comparison).toContain('node overhead per page: PDF 172.5 ms, PNGs 107.5 ms');
		expect(comparison).toContain('items out: PDF 55, PNGs 55 (the same)');
	});
});

describe('the workflow', () => {
	const options = {
		id: 'benchPdfDocument',
		fileSelector: '/files/pdf/*.pdf',
		credential: { id: 'c1', name: 'C1', type: 'clovaOcrApi', data: {} },
		output: 'text' as const,
		concurrency: 4,
		warmUpFileSelector: '/files/warm/*',
		warmUpCredential: { id: 'c2', name: 'C2', type: 'clovaOcrApi', data: {} },
	};

	it('warm-up, Wait, Read files once, then Read Text; the baseline stops at Read files', () => {
		const measured = pdfWorkflow({ ...options, measured: true });
		const names = measured.nodes.map((node) => (node as { name: string }).name);
		expect(names).toEqual([
			'Start',
			'Read warm-up files',
			'CLOVA OCR warm-up',
			'Wait',
			'Read files',
			'CLOVA OCR',
		]);
		const last = measured.nodes[5] as { parameters: Record<string, unknown> };
		expect(last.parameters).toMatchObject({
			resource: 'text',
			operation: 'readText',
			output: 'text',
			options: { concurrency: 4 },
		});
		const baseline = pdfWorkflow({ ...options, id: 'benchPdfBaseDocu', measured: false });
		expect(baseline.nodes.map((node) => (node as { name: string }).name)).toEqual(
			names.slice(0, -1),
		);
		expect(Object.keys(baseline.connections)).toEqual(names.slice(0, -2));
	});
});
