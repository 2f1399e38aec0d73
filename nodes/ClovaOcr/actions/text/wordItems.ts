import type { IDataObject } from 'n8n-workflow';

import { boundingBoxOf } from '../../output/boundingBox';
import { linesOf } from './textLines';
import { pageColumnsOf, type TextPage } from './textPages';

export interface TextItemOptions {
	includePolygons: boolean;
}

/** One item per word as the service returned it, `index` running across the whole answer. */
export function wordItems(pages: readonly TextPage[], options: TextItemOptions): IDataObject[] {
	const items: IDataObject[] = [];
	for (const page of pages) {
		linesOf(page.words).forEach((line, lineIndex) => {
			for (const word of line) {
				const item: IDataObject = {
					documentType: 'text',
					field: 'word',
					index: items.length,
					pageIndex: page.pageIndex,
					lineIndex,
					text: word.inferText,
					value: word.inferText,
					confidence: word.inferConfidence ?? null,
					lineBreak: word.lineBreak ?? null,
					...boundingBoxOf(word.boundingPoly),
					...pageColumnsOf(page),
				};
				if (options.includePolygons) item.polygon = word.boundingPoly ?? null;
				items.push(item);
			}
		});
	}
	return items;
}
