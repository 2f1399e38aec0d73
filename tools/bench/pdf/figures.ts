/**
 * The figures of `npm run bench -- pdf` and its printed lines. Pure: no I/O (tested in
 * tools/bench/test/pdfBench.test.ts).
 *
 * Service time is the union of the calls' spans at the emulator (headers in -> answer out,
 * upload included): the time at least one call of the node was at the service. Whatever the
 * node's Concurrency, wall - service is then the time the node ran with nothing at the service:
 * before its first call, between calls, after its last answer. That is its overhead.
 */
import { rangeOf } from '../range';

export type InputKind = 'pdf' | 'pngs';

/** One call at the service: epoch ms when its headers arrived and when its answer ended. */
export interface CallSpan {
	readonly start: number;
	readonly end: number;
}

export interface ServiceTime {
	/** The union of the spans. */
	readonly busyMs: number;
	/** Idle time between the first arrival and the last answer. */
	readonly gapsMs: number;
	readonly first: number | null;
	readonly last: number | null;
}

export function serviceTimeOf(spans: readonly CallSpan[]): ServiceTime {
	if (spans.length === 0) return { busyMs: 0, gapsMs: 0, first: null, last: null };
	const sorted = [...spans].sort((a, b) => a.start - b.start);
	let busyMs = 0;
	let gapsMs = 0;
	let runStart = sorted[0]!.start;
	let runEnd = Math.max(runStart, sorted[0]!.end);
	for (const span of sorted.slice(1)) {
		if (span.start > runEnd) {
			busyMs += runEnd - runStart;
			gapsMs += span.start - runEnd;
			runStart = span.start;
		}
		runEnd = Math.max(runEnd, span.end);
	}
	busyMs += runEnd - runStart;
	return { busyMs, gapsMs, first: sorted[0]!.start, last: runEnd };
}

/** What one `n8n execute` of one input gave. */
export interface RunMeasure {
	readonly input: InputKind;
	/** 1-based. */
	readonly run: number;
	readonly pages: number;
	/** Items into the measured node: 1 PDF, or one PNG per page. */
	readonly inputItems: number;
	/** The node's execution time, as n8n recorded it. */
	readonly wallMs: number;
	/** When n8n started the node (epoch ms), if it said. */
	readonly startedAt: number | null;
	readonly spans: readonly CallSpan[];
	/** The sum of the latencies the emulator drew (its own waiting, without upload and answer). */
	readonly drawnMs: number;
	readonly itemsOut: number;
	readonly failedItems: number;
	/** Peak RSS of the n8n process over the whole `n8n execute` (n8n's start-up included). */
	readonly peakRssBytes: number;
	/** Peak RSS after the warm-up minus the RSS then (phaseMemory.ts): Read files and the node. */
	readonly takenBytes: number | null;
	/** The same of the baseline (the workflow without the measured node, same input): Read files. */
	readonly baselineTakenBytes: number | null;
	/** Peak RSS of the baseline's whole `n8n execute`. */
	readonly baselinePeakRssBytes: number | null;
}

export interface RunFigures extends RunMeasure {
	readonly calls: number;
	readonly serviceMs: number;
	/** wall - service. */
	readonly overheadMs: number;
	readonly overheadPerPageMs: number;
	/** The overhead split: node start -> first call, idle between calls, last answer -> node end. */
	readonly beforeMs: number | null;
	readonly betweenMs: number;
	readonly afterMs: number | null;
	/** taken - the baseline's taken: what the measured node made the process take. */
	readonly nodeTakenBytes: number | null;
}

export function runFigures(measure: RunMeasure): RunFigures {
	const service = serviceTimeOf(measure.spans);
	const overheadMs = measure.wallMs - service.busyMs;
	const known = measure.startedAt !== null && service.first !== null && service.last !== null;
	return {
		...measure,
		calls: measure.spans.length,
		serviceMs: service.busyMs,
		overheadMs,
		overheadPerPageMs: overheadMs / measure.pages,
		beforeMs: known ? service.first! - measure.startedAt! : null,
		betweenMs: service.gapsMs,
		afterMs: known ? measure.startedAt! + measure.wallMs - service.last! : null,
		nodeTakenBytes:
			measure.takenBytes === null || measure.baselineTakenBytes === null
				? null
				: measure.takenBytes - measure.baselineTakenBytes,
	};
}

const MB = 1024 * 1024;

export const ms = (value: number): string => `${Math.round(value)} ms`;
export const msPerPage = (value: number): string => `${value.toFixed(1)} ms`;
export const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;
const signedMb = (bytes: number): string => `${bytes >= 0 ? '+' : ''}${mb(bytes)}`;

export function inputLabel(input: InputKind, pages: number): string {
	return input === 'pdf' ? `PDF, 1 item` : `PNG, ${pages} items`;
}

const COLUMNS: ReadonlyArray<readonly [string, number]> = [
	['run', 3],
	['input', 13],
	['wall', 8],
	['calls', 5],
	['drawn', 8],
	['service', 8],
	['overhead', 8],
	['/ page', 8],
	['before / between / after', 26],
	['items', 6],
	['failed', 6],
	['peak RSS', 8],
	['taken', 7],
	['baseline', 8],
	['node', 8],
];

function row(cells: readonly string[]): string {
	return cells
		.map((cell, index) => {
			const width = COLUMNS[index]![1];
			return index === 1 || index === 8 ? cell.padEnd(width) : cell.padStart(width);
		})
		.join('  ')
		.trimEnd();
}

export function headerLine(): string {
	return row(COLUMNS.map(([name]) => name));
}

export function runLine(figures: RunFigures): string {
	const part = (value: number | null) => (value === null ? '?' : String(Math.round(value)));
	return row([
		String(figures.run),
		inputLabel(figures.input, figures.pages),
		ms(figures.wallMs),
		String(figures.calls),
		ms(figures.drawnMs),
		ms(figures.serviceMs),
		ms(figures.overheadMs),
		msPerPage(figures.overheadPerPageMs),
		`${part(figures.beforeMs)} / ${part(figures.betweenMs)} / ${part(figures.afterMs)} ms`,
		String(figures.itemsOut),
		String(figures.failedItems),
		mb(figures.peakRssBytes),
		figures.takenBytes === null ? '?' : mb(figures.takenBytes),
		figures.baselineTakenBytes === null ? '?' : mb(figures.baselineTakenBytes),
		figures.nodeTakenBytes === null ? '?' : signedMb(figures.nodeTakenBytes),
	]);
}

function rangeText(
	values: readonly number[],
	format: (value: number) => string,
	median = true,
): string {
	const range = rangeOf(values);
	if (range === null) return '?';
	const span =
		range.min === range.max ? format(range.min) : `${format(range.min)} - ${format(range.max)}`;
	return median && range.min !== range.max ? `${span} (median ${format(range.median)})` : span;
}

/** The range over the runs of one input, as a few lines. */
export function rangeLines(runs: readonly RunFigures[]): string[] {
	const first = runs[0];
	if (first === undefined) return [];
	const range = (
		pick: (figures: RunFigures) => number | null,
		format: (value: number) => string,
		median = true,
	) =>
		rangeText(
			runs.map(pick).filter((value): value is number => value !== null),
			format,
			median,
		);
	const integer = (value: number) => String(Math.round(value));
	const wall = range((f) => f.wallMs, ms);
	const service = range((f) => f.serviceMs, ms);
	const calls = range((f) => f.calls, integer, false);
	const drawn = range((f) => f.drawnMs, ms, false);
	const overhead = range((f) => f.overheadMs, ms);
	const perPage = range((f) => f.overheadPerPageMs, msPerPage);
	const items = range((f) => f.itemsOut, integer, false);
	const failed = range((f) => f.failedItems, integer, false);
	const peak = range((f) => f.peakRssBytes, mb);
	const taken = range((f) => f.takenBytes, mb);
	const baseline = range((f) => f.baselineTakenBytes, mb);
	const node = range((f) => f.nodeTakenBytes, signedMb);
	return [
		`  ${inputLabel(first.input, first.pages)}, ${runs.length} runs:`,
		`    wall ${wall};  service ${service} (${calls} calls, latency drawn ${drawn})`,
		`    overhead ${overhead};  per page ${perPage}`,
		`    items out ${items} (failed ${failed})`,
		`    peak RSS ${peak};  taken after the warm-up ${taken}, baseline ${baseline};  the node ${node}`,
	];
}

const medianOf = (values: readonly number[]) => rangeOf(values)?.median ?? NaN;

/** The PDF against the PNGs, medians over the runs. */
export function comparisonLines(pdf: readonly RunFigures[], pngs: readonly RunFigures[]): string[] {
	if (pdf.length === 0 || pngs.length === 0) return [];
	const median = (runs: readonly RunFigures[], pick: (figures: RunFigures) => number | null) =>
		medianOf(runs.map(pick).filter((value): value is number => value !== null));
	const memory = (value: number) => (Number.isNaN(value) ? '?' : signedMb(value));
	const pages = pdf[0]!.pages;
	const pdfWall = median(pdf, (f) => f.wallMs);
	const pngWall = median(pngs, (f) => f.wallMs);
	const pdfPerPage = median(pdf, (f) => f.overheadPerPageMs);
	const pngPerPage = median(pngs, (f) => f.overheadPerPageMs);
	const perPageDifference = pdfPerPage - pngPerPage;
	const pdfItems = median(pdf, (f) => f.itemsOut);
	const pngItems = median(pngs, (f) => f.itemsOut);
	return [
		`  wall: PDF ${ms(pdfWall)}, PNGs ${ms(pngWall)} (PDF ÷ PNGs ${(pdfWall / pngWall).toFixed(2)})`,
		`  node overhead per page: PDF ${msPerPage(pdfPerPage)}, PNGs ${msPerPage(pngPerPage)} ` +
			`(PDF - PNGs ${perPageDifference.toFixed(1)} ms a page, ${(perPageDifference * pages).toFixed(0)} ms over ${pages} pages)`,
		`  memory the node made n8n take (taken - baseline): PDF ${memory(median(pdf, (f) => f.nodeTakenBytes))}, ` +
			`PNGs ${memory(median(pngs, (f) => f.nodeTakenBytes))}`,
		`  items out: PDF ${pdfItems}, PNGs ${pngItems}` +
			(pdfItems === pngItems ? ' (the same)' : ' (DIFFERENT: the two inputs were not read alike)'),
	];
}
