/**
 * The Tables output: one item per table row, columns by position or named by the header row;
 * merged cells spread over every place they cover, missing cells "", header texts that would
 * clash with the item's keys renamed, and the grid bounded before it is allocated.
 */
import { columnNamesOf } from '../../../../nodes/ClovaOcr/actions/text/columnNames';
import { cellText, tableGridOf } from '../../../../nodes/ClovaOcr/actions/text/tableGrid';
import { tableRowItems } from '../../../../nodes/ClovaOcr/actions/text/tableRowItems';
import { textPagesOf } from '../../../../nodes/ClovaOcr/actions/text/textPages';
import { ANSWER_LIMITS } from '../../../../nodes/ClovaOcr/response/answerLimits';
import {
	formatPath,
	ResponseShapeError,
} from '../../../../nodes/ClovaOcr/response/responseShapeError';
import {
	answerOf,
	cell,
	node,
	page,
	PAGE_0,
	PAGE_1,
	parsed,
	TABLE,
	twoPageAnswer,
} from '../../../fixtures/general/twoPageAnswer';

const pagesOf = (answer: Record<string, unknown>) => textPagesOf(node, 0, parsed(answer).response);
const PAGES = pagesOf(twoPageAnswer());
const withTables = (...tables: unknown[]) => pagesOf(answerOf([page(0, [], { tables })]));
const rowsOf = (tables: unknown[], firstRowIsHeader = false) =>
	tableRowItems(withTables(...tables), { firstRowIsHeader });

const ROW_KEYS = { documentType: 'text', pageIndex: 0, tableIndex: 0 };

function thrownBy(run: () => unknown): Error {
	try {
		run();
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a throw');
}

describe('tableRowItems: the fixture table', () => {
	test('columns by position; merged cells spread, the missing cell ""', () => {
		expect(tableRowItems(PAGES, { firstRowIsHeader: false })).toEqual([
			{
				...ROW_KEYS,
				rowIndex: 0,
				column1: '구분',
				column2: '금액\n합계',
				column3: '금액\n합계',
				confidence: 0.93,
				...PAGE_0,
			},
			{
				...ROW_KEYS,
				rowIndex: 1,
				column1: '구분',
				column2: '1,000 원',
				column3: '',
				confidence: 0.93,
				...PAGE_0,
			},
		]);
	});

	test('First Row Is Header: the first row names the columns and is no item', () => {
		// `금액\n합계` spans two columns: the second copy is a duplicate header, so `column3`.
		expect(tableRowItems(PAGES, { firstRowIsHeader: true })).toEqual([
			{
				...ROW_KEYS,
				rowIndex: 1,
				구분: '구분',
				'금액 합계': '1,000 원',
				column3: '',
				confidence: 0.93,
				...PAGE_0,
			},
		]);
	});

	test('key order: the row keys, the columns, then the table and page facts', () => {
		expect(Object.keys(tableRowItems(PAGES, { firstRowIsHeader: false })[0])).toEqual([
			'documentType',
			'pageIndex',
			'tableIndex',
			'rowIndex',
			'column1',
			'column2',
			'column3',
			'confidence',
			'pageWidth',
			'pageHeight',
			'imageName',
			'requestId',
			'uid',
		]);
	});
});

describe('tableRowItems: tables and pages', () => {
	test('tableIndex counts the tables of a page; pageIndex and source follow the page', () => {
		const one = { cells: [cell(0, 0, [['a']])] };
		const two = { cells: [cell(0, 0, [['b']])], inferConfidence: 0.5 };
		const pages = pagesOf(
			answerOf([page(0, [], { tables: [one, two] }), page(1, [], { tables: [one] })]),
		);
		expect(tableRowItems(pages, { firstRowIsHeader: false })).toEqual([
			{ ...ROW_KEYS, rowIndex: 0, column1: 'a', confidence: null, ...PAGE_0 },
			{ ...ROW_KEYS, tableIndex: 1, rowIndex: 0, column1: 'b', confidence: 0.5, ...PAGE_0 },
			{ ...ROW_KEYS, pageIndex: 1, rowIndex: 0, column1: 'a', confidence: null, ...PAGE_1 },
		]);
	});

	test('a table without cells, or a header row alone, gives no item', () => {
		expect(rowsOf([{}, { cells: [] }])).toEqual([]);
		expect(rowsOf([{ cells: [cell(0, 0, [['h']])] }], true)).toEqual([]);
	});

	test('a row no cell reaches is a row of ""', () => {
		const rows = rowsOf([{ cells: [cell(0, 0, [['a']]), cell(2, 1, [['b']])] }]);
		expect(rows.map((row) => [row.rowIndex, row.column1, row.column2])).toEqual([
			[0, 'a', ''],
			[1, '', ''],
			[2, '', 'b'],
		]);
	});
});

describe('cellText and the grid', () => {
	test("a cell's words joined by spaces, its lines by line breaks", () => {
		expect(cellText(cell(0, 0, [['a', 'b'], ['c']]))).toBe('a b\nc');
		expect(cellText(cell(0, 0, []))).toBe('');
	});

	const grid = (cells: unknown[]) =>
		tableGridOf(withTables({ cells })[0].tables[0], ['images', 0, 'tables', 0], {
			gridCells: 0,
			characters: 0,
		});

	test('a span of 0 or none covers the cell itself', () => {
		const cells = [
			{ ...cell(0, 0, [['a']]), rowSpan: 0 },
			{ rowIndex: 0, columnIndex: 1 },
		];
		expect(grid(cells)).toEqual([['a', '']]);
	});

	test('a cell without rowIndex or columnIndex has no place and is left out', () => {
		const noRow: Partial<ReturnType<typeof cell>> = { ...cell(0, 1, [['lost']]) };
		delete noRow.rowIndex;
		expect(grid([cell(0, 0, [['a']]), noRow])).toEqual([['a']]);
	});

	test('where two cells claim one place, the first sent keeps it', () => {
		const cells = [cell(0, 0, [['a']], { columnSpan: 2 }), cell(0, 1, [['b']])];
		expect(grid(cells)).toEqual([['a', 'a']]);
	});

	test.each(['rowIndex', 'columnIndex', 'rowSpan', 'columnSpan'])(
		'a negative %s fails with its path',
		(key) => {
			const error = thrownBy(() => grid([cell(0, 0, []), { ...cell(0, 0, []), [key]: -1 }]));
			expect(error).toBeInstanceOf(ResponseShapeError);
			expect((error as ResponseShapeError).reason).toBe(
				`${formatPath(['images', 0, 'tables', 0, 'cells', 1, key])}: expected at least 0`,
			);
		},
	);
});

describe('the grid is bounded before it is allocated', () => {
	const limitMessage = (limit: number, what: string) =>
		`CLOVA OCR's answer has more than ${limit} ${what} (the node's limit)`;

	function expectRefused(run: () => unknown, message: string): void {
		const error = thrownBy(run);
		expect(error).toBeInstanceOf(ResponseShapeError);
		expect(error.message).toBe(message);
	}

	test('at the limit: a 100 × 100 table', () => {
		const rows = rowsOf([{ cells: [cell(99, 99, [['x']])] }]);
		expect(rows).toHaveLength(100);
		expect(Object.keys(rows[0]).filter((key) => key.startsWith('column'))).toHaveLength(100);
	});

	test.each([
		['a hostile rowSpan', cell(0, 0, [['x']], { rowSpan: 2 ** 40 })],
		['a hostile columnIndex', cell(0, 1e300, [['x']])],
		['one place past the limit', cell(ANSWER_LIMITS.gridCellsPerTable, 0, [['x']])],
	])('%s', (_, hostile) => {
		const tables = [{ cells: [cell(0, 0, [])] }, { cells: [hostile] }];
		expectRefused(
			() => rowsOf(tables),
			limitMessage(
				10000,
				`rows × columns in one table (${formatPath(['images', 0, 'tables', 1])})`,
			),
		);
	});

	test('rows × columns of all tables of an answer', () => {
		const table = { cells: [cell(99, 99, [['x']])] };
		expectRefused(
			() => rowsOf([table, table, table, table, table]),
			limitMessage(40000, 'rows × columns in the tables of one answer'),
		);
	});

	test('characters of the output, a merged cell counted in every place it covers', () => {
		const text = 'x'.repeat(500);
		const table = { cells: [cell(0, 0, [[text]], { rowSpan: 100, columnSpan: 100 })] };
		expectRefused(
			() => rowsOf([table]),
			limitMessage(4_000_000, 'characters in the tables of one answer'),
		);
	});
});

describe('columnNamesOf', () => {
	test('by position without headers', () => {
		expect(columnNamesOf(3, null)).toEqual(['column1', 'column2', 'column3']);
	});

	test('headers: whitespace collapsed; empty and duplicate ones fall back to column<N>', () => {
		expect(columnNamesOf(5, ['Name', ' two\nlines ', '', 'Name', '  '])).toEqual([
			'Name',
			'two lines',
			'column3',
			'column4',
			'column5',
		]);
	});

	test('a header that clashes with the row keys, the boundary or n8n gets the column_ prefix', () => {
		const headers = [
			'confidence',
			'rowIndex',
			'uid',
			'field',
			'index',
			'text',
			'value',
			'warnings',
			'error',
		];
		expect(columnNamesOf(headers.length, headers)).toEqual(headers.map((h) => `column_${h}`));
	});

	test("Object.prototype's members, __proto__ among them, get the prefix too", () => {
		expect(columnNamesOf(3, ['__proto__', 'constructor', 'hasOwnProperty'])).toEqual([
			'column___proto__',
			'column_constructor',
			'column_hasOwnProperty',
		]);
	});

	test('a fallback that a header already took gets _2, _3…', () => {
		expect(columnNamesOf(2, ['column2', ''])).toEqual(['column2', 'column2_2']);
		expect(columnNamesOf(3, ['column2', 'column2_2', ''])).toEqual([
			'column2',
			'column2_2',
			'column3',
		]);
		expect(columnNamesOf(2, ['column_confidence', 'confidence'])).toEqual([
			'column_confidence',
			'column2',
		]);
	});

	test('missing headers (a short header row) are empty ones', () => {
		expect(columnNamesOf(2, ['a'])).toEqual(['a', 'column2']);
	});
});

describe('tableRowItems: clashing headers', () => {
	const headerRow = ['__proto__', 'confidence', 'rowIndex', 'field', 'constructor'];
	const table = {
		inferConfidence: 0.7,
		cells: [
			...headerRow.map((text, column) => cell(0, column, [[text]])),
			...headerRow.map((_, column) => cell(1, column, [[`v${column}`]])),
		],
	};

	test("renamed columns never overwrite the item's keys or prototype", () => {
		const [item] = rowsOf([table], true);
		expect(item).toEqual({
			...ROW_KEYS,
			rowIndex: 1,
			column___proto__: 'v0',
			column_confidence: 'v1',
			column_rowIndex: 'v2',
			column_field: 'v3',
			column_constructor: 'v4',
			confidence: 0.7,
			...PAGE_0,
		});
		expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
		expect(Object.prototype.hasOwnProperty.call(item, '__proto__')).toBe(false);
	});
});

test('TABLE is the documented 2 × 3 shape with a rowSpan and a columnSpan', () => {
	expect(TABLE.cells.map((c) => [c.rowIndex, c.columnIndex, c.rowSpan, c.columnSpan])).toEqual([
		[0, 0, 2, 1],
		[0, 1, 1, 2],
		[1, 1, 1, 1],
	]);
});
