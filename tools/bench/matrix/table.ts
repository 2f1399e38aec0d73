/** The matrix's printed table and its targets (worst cell per target). Pure: no I/O. */
import { serviceOf, SERVICE, cellName, type Cell } from './cells';
import { FIRST_ROUND_PER_SLOT, type RefusalCounts } from './ideal';

export interface CellResult {
	readonly cell: Cell;
	/** The node's execution time as n8n recorded it. */
	readonly wallMs: number;
	/** From the node's start (n8n's startTime) to the first call reaching the service. */
	readonly leadMs: number | null;
	/** From the first call reaching the service to the end of the last answer. */
	readonly spanMs: number | null;
	/** The median time a slot stood empty between an answer and the next call (ideal.ts turnaroundMs). */
	readonly turnMs: number | null;
	readonly idealMs: number;
	/** The latencies the service drew, greedily in arrival order at the cap (ideal.ts onlineMs). */
	readonly onlineMs: number | null;
	readonly refusals: RefusalCounts;
	/** Items that ended as error items. */
	readonly failedItems: number;
	readonly peakInFlight: number;
	/** Admitted calls the emulator drew a latency for (N when nothing was retried). */
	readonly drawnCalls: number;
	/** `--floor`: the same batch with Concurrency = cap (the cap known), if it ran. */
	readonly floor?: FloorFigures | null;
}

/** The batch with the node's Concurrency set to the cap. */
export interface FloorFigures {
	readonly wallMs: number;
	/** Refusals it met anyway (0 unless the node goes over its own Concurrency). */
	readonly refusals: number;
	readonly failedItems: number;
}

export interface CellFailure {
	readonly cell: Cell;
	/** Why the cell has no figures (n8n failed, timed out...). */
	readonly error: string;
}

export type CellOutcome = CellResult | CellFailure;

export function isFailure(outcome: CellOutcome): outcome is CellFailure {
	return 'error' in outcome;
}

export function ratioOf(result: CellResult): number {
	return result.wallMs / result.idealMs;
}

const ms = (value: number): string =>
	Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10);

export function latencyLabel(cell: Cell): string {
	const { latencyMs } = serviceOf(cell);
	const name = { fixed: 'fixed', lognormal: 'lognormal', tail: 'lognormal+tail' }[cell.latency];
	return `${name} ${ms(latencyMs)} ms`;
}

export function refusalLabel(cell: Cell): string {
	const [min, max] = serviceOf(cell).refusalDelayMs;
	return cell.refusal === 'at-once' ? 'at once' : `${ms(min)}-${ms(max)} ms`;
}

const seconds = (value: number): string => `${(value / 1000).toFixed(2)} s`;

type Column = readonly [title: string, width: number, align: 'left' | 'right'];

const COLUMNS: readonly Column[] = [
	['items', 5, 'right'],
	['latency', 22, 'left'],
	['refusal', 11, 'left'],
	['cap', 3, 'right'],
	['wall', 9, 'right'],
	['lead', 6, 'right'],
	['span', 9, 'right'],
	['turn', 8, 'right'],
	['ideal', 9, 'right'],
	['x ideal', 7, 'right'],
	['online', 9, 'right'],
	['x online', 8, 'right'],
	['calls', 6, 'right'],
	['0025', 5, 'right'],
	['late 0025', 15, 'right'],
	['failed', 6, 'right'],
	['peak', 4, 'right'],
];

const FLOOR_COLUMNS: readonly Column[] = [
	['floor', 9, 'right'],
	['x floor', 7, 'right'],
];

function line(cells: readonly string[], columns: readonly Column[] = COLUMNS): string {
	return cells
		.map((text, index) => {
			const [, width, align] = columns[index] ?? ['', 0, 'left'];
			return align === 'left' ? text.padEnd(width) : text.padStart(width);
		})
		.join('  ')
		.trimEnd();
}

/** Whether any outcome carries a floor (then the table has its two columns). */
export function hasFloors(outcomes: readonly CellOutcome[]): boolean {
	return outcomes.some((outcome) => !isFailure(outcome) && outcome.floor != null);
}

export function headerLine(withFloor = false): string {
	const columns = withFloor ? [...COLUMNS, ...FLOOR_COLUMNS] : COLUMNS;
	return line(
		columns.map(([title]) => title),
		columns,
	);
}

function floorCells(result: CellResult): string[] {
	const floor = result.floor;
	if (floor == null) return ['-', '-'];
	const marked = floor.refusals > 0 || floor.failedItems > 0 ? '!' : '';
	return [seconds(floor.wallMs) + marked, (result.wallMs / floor.wallMs).toFixed(2)];
}

export function resultLine(outcome: CellOutcome, withFloor = false): string {
	const { cell } = outcome;
	const scaled = cell.scale === 1 ? '' : '*';
	const start = [
		String(cell.items),
		latencyLabel(cell) + scaled,
		refusalLabel(cell),
		String(cell.cap),
	];
	if (isFailure(outcome)) return `${line(start)}  did not run: ${outcome.error}`;
	const { refusals } = outcome;
	const figures = [
		...start,
		seconds(outcome.wallMs),
		outcome.leadMs === null ? '-' : seconds(outcome.leadMs),
		outcome.spanMs === null ? '-' : seconds(outcome.spanMs),
		outcome.turnMs === null ? '-' : `${ms(outcome.turnMs)} ms`,
		seconds(outcome.idealMs),
		ratioOf(outcome).toFixed(2),
		outcome.onlineMs === null ? '-' : seconds(outcome.onlineMs),
		outcome.onlineMs === null ? '-' : (outcome.wallMs / outcome.onlineMs).toFixed(2),
		String(refusals.calls),
		String(refusals.refusals),
		`${refusals.lateRefusals} = ${refusals.latePercent.toFixed(1)} %`,
		String(outcome.failedItems),
		String(outcome.peakInFlight),
	];
	return withFloor
		? line([...figures, ...floorCells(outcome)], [...COLUMNS, ...FLOOR_COLUMNS])
		: line(figures);
}

export interface Target {
	readonly label: string;
	readonly applies: (cell: Cell) => boolean;
	readonly value: (result: CellResult) => number;
	readonly limit: number;
	readonly show: (value: number) => string;
}

const times = (value: number) => `${value.toFixed(2)} x`;

/** The issue's targets for the batch. */
export const TARGETS: readonly Target[] = [
	{
		label: '<= 1.05 x ideal, fixed latency at 200 and 2,000 items',
		applies: (cell) => cell.latency === 'fixed' && cell.items >= 200,
		value: ratioOf,
		limit: 1.05,
		show: times,
	},
	{
		label: '<= 1.10 x ideal, every other cell',
		applies: (cell) => !(cell.latency === 'fixed' && cell.items >= 200),
		value: ratioOf,
		limit: 1.1,
		show: times,
	},
	{
		label: 'late 0025 <= 5 % of the calls after the first round, every cell',
		applies: () => true,
		value: (result) => result.refusals.latePercent,
		limit: 5,
		show: (value) => `${value.toFixed(1)} %`,
	},
	{
		label: 'no failed items, every cell',
		applies: () => true,
		value: (result) => result.failedItems,
		limit: 0,
		show: (value) => String(value),
	},
];

export interface TargetVerdict {
	readonly target: Target;
	/** Cells the target applies to that ran. */
	readonly cells: number;
	readonly worst: CellResult | null;
	readonly worstValue: number | null;
	/** Cells above the limit. */
	readonly over: number;
	/** Cells the target applies to that did not run. */
	readonly missing: number;
}

export function judge(target: Target, outcomes: readonly CellOutcome[]): TargetVerdict {
	const applicable = outcomes.filter((outcome) => target.applies(outcome.cell));
	const ran = applicable.filter((outcome): outcome is CellResult => !isFailure(outcome));
	let worst: CellResult | null = null;
	for (const result of ran)
		if (worst === null || target.value(result) > target.value(worst)) worst = result;
	return {
		target,
		cells: ran.length,
		worst,
		worstValue: worst === null ? null : target.value(worst),
		over: ran.filter((result) => target.value(result) > target.limit).length,
		missing: applicable.length - ran.length,
	};
}

export function verdictLine(verdict: TargetVerdict): string {
	const { target, worst, worstValue } = verdict;
	if (worst === null || worstValue === null)
		return `  ${target.label}: no cell of this kind ran${verdict.missing > 0 ? ` (${verdict.missing} did not run)` : ''}`;
	const met = verdict.over === 0 && verdict.missing === 0;
	return (
		`  ${target.label}: worst ${target.show(worstValue)} (${cellName(worst.cell)}); ` +
		`${verdict.over} of ${verdict.cells} cells over${verdict.missing > 0 ? `, ${verdict.missing} did not run` : ''}   ${met ? 'MET' : 'NOT MET'}`
	);
}

/** The legend printed above the table: what each column means. */
export function legend(concurrency: number, seed: number): string[] {
	return [
		`Service: latency fixed ${SERVICE.latencyMs} ms, lognormal (median ${SERVICE.latencyMs} ms, p95 ${SERVICE.p95Ratio} x median), ` +
			`or lognormal+tail (${SERVICE.tailRate * 100} % of calls at ${SERVICE.tailFactor} x median); ` +
			`0025 over the cap at once or after ${SERVICE.refusalDelayMs[0]}-${SERVICE.refusalDelayMs[1]} ms (uniform); seed ${seed}.`,
		`Node: Read/Write Files -> CLOVA OCR (Concurrency ${concurrency}, Max Retries 3, On Error: Continue), one fresh \`n8n execute\` per cell,`,
		'  after a warm-up node in the same run (8 cards to another emulator: warm code, a fresh limiter for the measured domain).',
		"wall: the node's execution time as n8n recorded it; lead: from its start to the first call reaching the service;",
		'  span: from there to the end of the last answer. turn: the median time a slot of the cap stood empty between',
		"  an answer and the call that took the slot next (n8n's and the node's time per call; the ideal counts 0).",
		'  ideal: a clairvoyant scheduler that keeps the cap full,',
		'  ceil(N / cap) x latency for fixed latency, else max(sum of the latencies the service drew / cap, the longest one).',
		'  online: the same latencies in arrival order, each call taking the slot that frees first, no overhead: the best',
		'  a scheduler that cannot see latencies ahead could do (= ideal at fixed latency); x online = wall / online.',
		`calls: requests that reached the service; 0025: refusals over the cap; late 0025: refusals after the first round`,
		`  (the first max(${concurrency}, ${FIRST_ROUND_PER_SLOT} x cap) calls in arrival order: the node's opening burst at Concurrency ${concurrency}),`,
		'  as a share of the calls after it. peak: most calls in flight at the service.',
	];
}

/** What the floor columns mean, when they are there. */
export function floorNote(outcomes: readonly CellOutcome[]): string[] {
	if (!hasFloors(outcomes)) return [];
	return [
		"floor: the same batch, latency and cap with the node's Concurrency = cap (a limiter that knew the cap),",
		'  run once per (items, latency, cap) just before its cells; x floor = wall / floor: what the learning costs',
		'  beyond the node\'s own per-call overhead. "!" marks a floor run that met refusals or failed items.',
	];
}

/** The footnote for cells run at a time scale other than 1, or nothing. */
export function scaleNote(outcomes: readonly CellOutcome[]): string[] {
	const scales = [...new Set(outcomes.map((outcome) => outcome.cell.scale))].filter(
		(scale) => scale !== 1,
	);
	if (scales.length === 0) return [];
	return [
		`* time-scaled cell: every service time (latency, median, tail, refusal delay) x its scale (${scales
			.sort((a, b) => a - b)
			.join(', ')}), to keep the matrix affordable;`,
		"  the node's own per-call overhead weighs more there than at 300 ms.",
	];
}

/** Not a target: the worst wall ÷ online bound, the part of the gap that is the node's. */
export function onlineNote(outcomes: readonly CellOutcome[]): string[] {
	const ran = outcomes.filter(
		(outcome): outcome is CellResult => !isFailure(outcome) && outcome.onlineMs !== null,
	);
	if (ran.length === 0) return [];
	const worst = ran.reduce((a, b) => (a.wallMs / a.onlineMs! >= b.wallMs / b.onlineMs! ? a : b));
	return [
		`  (not a target) wall / online bound: worst ${times(worst.wallMs / worst.onlineMs!)} (${cellName(worst.cell)})`,
	];
}
