import type { IDataObject } from 'n8n-workflow';

import { columnNamesOf } from './columnNames';
import { tableGridOf, type GridBudget } from './tableGrid';
import { pageColumnsOf, type TextPage } from './textPages';

export interface TableRowOptions {
	/** The first row's texts name the columns, and that row is no item. */
	firstRowIsHeader: boolean;
}

/**
 * One item per table row, pages and tables in the order the service sent them: the cells'
 * texts in columns (columnNames.ts), merged cells spread over every place they cover
 * (tableGrid.ts). `tableIndex` counts the tables of a page, `rowIndex` the rows of a table
 * (the header row is row 0). Fails past the node's limits on grid size and text.
 */
export function tableRowItems(pages: readonly TextPage[], options: TableRowOptions): IDataObject[] {
	const items: IDataObject[] = [];
	const budget: GridBudget = { gridCells: 0, characters: 0 };
	for (const page of pages) {
		page.tables.forEach((table, tableIndex) => {
			const grid = tableGridOf(table, ['images', page.position, 'tables', tableIndex], budget);
			if (grid.length === 0) return;
			const header = options.firstRowIsHeader ? grid[0] : null;
			const names = columnNamesOf(grid[0].length, header);
			for (let rowIndex = header ? 1 : 0; rowIndex < grid.length; rowIndex++) {
				// Reserved names (columnNames.ts) keep every column key off the row's own keys.
				const item: IDataObject = {
					documentType: 'text',
					pageIndex: page.pageIndex,
					tableIndex,
					rowIndex,
				};
				names.forEach((name, column) => (item[name] = grid[rowIndex][column]));
				items.push({ ...item, confidence: table.inferConfidence ?? null, ...pageColumnsOf(page) });
			}
		});
	}
	return items;
}
