import { ANSWER_LIMITS } from '../../response/answerLimits';
import { formatPath, ResponseShapeError } from '../../response/responseShapeError';
import type { TableCell, TextTable } from './generalPage';

/** What the tables of one answer have taken of the node's limits so far. */
export interface GridBudget {
	gridCells: number;
	characters: number;
}

/** A cell's text: the words of each of its lines joined by spaces, its lines by line breaks. */
export function cellText(cell: TableCell): string {
	return cell.cellTextLines
		.map((line) => line.cellWords.map((word) => word.inferText).join(' '))
		.join('\n');
}

interface PlacedCell {
	row: number;
	column: number;
	rows: number;
	columns: number;
	text: string;
}

type GridKey = 'rowIndex' | 'columnIndex' | 'rowSpan' | 'columnSpan';

function gridNumber(
	cell: TableCell,
	key: GridKey,
	path: ReadonlyArray<string | number>,
): number | undefined {
	const value = cell[key];
	if (value !== undefined && value < 0)
		throw new ResponseShapeError(`${formatPath([...path, key])}: expected at least 0`);
	return value;
}

/** A cell where the table puts it; null for one without rowIndex or columnIndex. */
function placedCell(cell: TableCell, path: ReadonlyArray<string | number>): PlacedCell | null {
	const row = gridNumber(cell, 'rowIndex', path);
	const column = gridNumber(cell, 'columnIndex', path);
	// A span of 0 (or none) covers the cell's own place.
	const rows = Math.max(1, gridNumber(cell, 'rowSpan', path) ?? 1);
	const columns = Math.max(1, gridNumber(cell, 'columnSpan', path) ?? 1);
	if (row === undefined || column === undefined) return null;
	return { row, column, rows, columns, text: cellText(cell) };
}

function checkLimit(count: number, limit: number, what: string): void {
	if (count > limit) throw ResponseShapeError.overLimit(limit, what);
}

/**
 * A table as rows of cell texts, every row as long as the widest. `path` names the table in
 * errors; `budget` counts against the limits of the whole answer.
 *
 * Merged cells: a cell with a rowSpan or columnSpan over 1 gives its text to every row and
 * column it covers, so each row reads whole on its own (a label spanning two rows belongs to
 * both) at the cost of repeating the text. Where two cells claim one place, the first the
 * service sent keeps it. A cell without rowIndex or columnIndex has no place and is left out;
 * a place no cell covers is "".
 */
export function tableGridOf(
	table: TextTable,
	path: ReadonlyArray<string | number>,
	budget: GridBudget,
): string[][] {
	const cells: PlacedCell[] = [];
	table.cells.forEach((cell, index) => {
		const placed = placedCell(cell, [...path, 'cells', index]);
		if (placed) cells.push(placed);
	});
	let rowCount = 0;
	let columnCount = 0;
	for (const cell of cells) {
		rowCount = Math.max(rowCount, cell.row + cell.rows);
		columnCount = Math.max(columnCount, cell.column + cell.columns);
	}
	// Checked before anything is allocated: the indexes and spans are the service's numbers.
	checkLimit(
		rowCount * columnCount,
		ANSWER_LIMITS.gridCellsPerTable,
		`rows × columns in one table (${formatPath([...path])})`,
	);
	budget.gridCells += rowCount * columnCount;
	checkLimit(
		budget.gridCells,
		ANSWER_LIMITS.gridCellsPerAnswer,
		'rows × columns in the tables of one answer',
	);
	const grid: Array<Array<string | undefined>> = Array.from({ length: rowCount }, () =>
		new Array<string | undefined>(columnCount).fill(undefined),
	);
	for (const cell of cells)
		for (let row = cell.row; row < cell.row + cell.rows; row++)
			for (let column = cell.column; column < cell.column + cell.columns; column++)
				grid[row][column] ??= cell.text;
	const rows = grid.map((row) => row.map((text) => text ?? ''));
	for (const row of rows) for (const text of row) budget.characters += text.length;
	checkLimit(
		budget.characters,
		ANSWER_LIMITS.tableCharactersPerAnswer,
		'characters in the tables of one answer',
	);
	return rows;
}
