import type { IDataObject } from 'n8n-workflow';

import { linesOf, lineText, lowestConfidence } from './textLines';
import { pageColumnsOf, type TextPage } from './textPages';

/** One item per page: its lines joined by line breaks. A page without words gives "". */
export function pageTextItems(pages: readonly TextPage[]): IDataObject[] {
	return pages.map((page) => {
		const lines = linesOf(page.words);
		const text = lines.map(lineText).join('\n');
		return {
			documentType: 'text',
			field: 'text',
			index: page.position,
			pageIndex: page.pageIndex,
			text,
			value: text,
			confidence: lowestConfidence(page.words),
			lineCount: lines.length,
			wordCount: page.words.length,
			...pageColumnsOf(page),
		};
	});
}
