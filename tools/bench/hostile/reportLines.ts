/** The lines hostile.ts prints: one per size, and the growth exponent of a case. */
import type { CaseMeasurement } from './caseMeasurement';

export function formatMs(ms: number): string {
	if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
	if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
	return `${(ms / 1000).toFixed(2)} s`;
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const COLUMNS: Array<[string, number]> = [
	['size', 18],
	['input', 11],
	['time/call', 11],
	['cpu/call', 11],
	['1st call', 11],
	['peak RSS', 11],
];

const row = (cells: string[], outcome: string): string =>
	'    ' + cells.map((cell, i) => cell.padStart(COLUMNS[i][1])).join('') + '  ' + outcome;

export const HEADER_ROW = row(
	COLUMNS.map(([name]) => name),
	'outcome',
);

const sizeCell = (size: number, unit: string): string => `${size.toLocaleString('en-US')} ${unit}`;

export function measuredRow(size: number, unit: string, m: CaseMeasurement): string {
	return row(
		[
			sizeCell(size, unit),
			formatBytes(m.inputBytes),
			formatMs(m.ms),
			formatMs(m.cpuMs),
			formatMs(m.firstMs),
			`+${formatBytes(Math.max(0, m.peakBytes))}`,
		],
		m.outcome,
	);
}

export function unmeasuredRow(size: number, unit: string, what: string): string {
	return row([sizeCell(size, unit), '', '', '', '', ''], what);
}

const exponent = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(2));

export function exponentLine(
	wall: number | null,
	cpu: number | null,
	points: number,
	outcomesDiffer: boolean,
): string {
	const note = outcomesDiffer
		? '; the outcome changes across the sizes (a refusal stops early)'
		: '';
	return `    growth exponent ${exponent(wall)} (CPU time: ${exponent(cpu)}) over ${points} sizes${note}`;
}
