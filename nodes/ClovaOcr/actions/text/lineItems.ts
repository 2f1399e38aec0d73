import type { IDataObject } from 'n8n-workflow';

import { boundingBoxOf, type BoundingBox } from '../../output/boundingBox';
import type { TextWord } from './generalPage';
import { linesOf, lineText, lowestConfidence } from './textLines';
import { pageColumnsOf, type TextPage } from './textPages';

/** The axis-aligned box around the boxes of the words that have a polygon. */
function boxAround(words: readonly TextWord[]): BoundingBox {
	let left = Infinity;
	let top = Infinity;
	let right = -Infinity;
	let bottom = -Infinity;
	for (const word of words) {
		const { x, y, width, height } = boundingBoxOf(word.boundingPoly);
		if (x === null || y === null || width === null || height === null) continue;
		left = Math.min(left, x);
		top = Math.min(top, y);
		right = Math.max(right, x + width);
		bottom = Math.max(bottom, y + height);
	}
	if (left === Infinity) return { x: null, y: null, width: null, height: null };
	return { x: left, y: top, width: right - left, height: bottom - top };
}

/** One item per line (textLines.ts), `index` running across the whole answer. */
export function lineItems(pages: readonly TextPage[]): IDataObject[] {
	const items: IDataObject[] = [];
	for (const page of pages) {
		linesOf(page.words).forEach((line, lineIndex) => {
			const text = lineText(line);
			items.push({
				documentType: 'text',
				field: 'line',
				index: items.length,
				pageIndex: page.pageIndex,
				lineIndex,
				text,
				value: text,
				confidence: lowestConfidence(line),
				wordCount: line.length,
				...boxAround(line),
				...pageColumnsOf(page),
			});
		});
	}
	return items;
}
