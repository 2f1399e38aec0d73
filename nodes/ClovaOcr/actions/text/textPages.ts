import type { INode } from 'n8n-workflow';
import type { ZodIssue } from 'zod';

import { itemSourceOf, type ItemSource } from '../../output/itemSource';
import { ANSWER_LIMITS } from '../../response/answerLimits';
import { answerPages } from '../../response/answerPages';
import { formatPath, ResponseShapeError } from '../../response/responseShapeError';
import type { IdCardResponse } from '../../response/schema';
import { generalPageSchema, type TextTable, type TextWord } from './generalPage';
import { assertPageWasRead } from './pageWasRead';

/** One page of a General OCR answer: its words in reading order and its tables. */
export interface TextPage {
	/** Where the page's image stands in the answer's `images`. */
	position: number;
	/** `convertedImageInfo.pageIndex` (PDF and TIFF pages), else `position`. */
	pageIndex: number;
	pageWidth: number | null;
	pageHeight: number | null;
	source: ItemSource;
	words: TextWord[];
	tables: TextTable[];
}

/** The keys every text item ends with: the page's size and where it came from. */
export function pageColumnsOf(page: TextPage) {
	return { pageWidth: page.pageWidth, pageHeight: page.pageHeight, ...page.source };
}

function cellWordCount(tables: readonly TextTable[]): number {
	let count = 0;
	for (const table of tables)
		for (const cell of table.cells)
			for (const line of cell.cellTextLines) count += line.cellWords.length;
	return count;
}

/** Like ResponseShapeError.fromIssue, with the array's path after a limit it passes. */
function pageShapeError(issue: ZodIssue, position: number): ResponseShapeError {
	const path = ['images', position];
	if (issue.code !== 'too_big') return ResponseShapeError.fromIssue(issue, path);
	const at = formatPath([...path, ...issue.path]);
	return ResponseShapeError.overLimit(Number(issue.maximum), `${issue.message} (${at})`);
}

/**
 * The pages of a General OCR answer, each checked as read and parsed. Fails on a page the
 * service could not read, a shape that does not fit (naming its path) or an answer past the
 * node's limits (response/answerLimits.ts).
 */
export function textPagesOf(node: INode, itemIndex: number, response: IdCardResponse): TextPage[] {
	let words = 0;
	let cellWords = 0;
	return answerPages(response.images).map((image, position) => {
		const info = image.convertedImageInfo;
		const pageIndex = info?.pageIndex ?? position;
		assertPageWasRead(node, image, pageIndex, itemIndex);
		const parsed = generalPageSchema.safeParse(image);
		if (!parsed.success) throw pageShapeError(parsed.error.issues[0], position);
		words += parsed.data.fields.length;
		if (words > ANSWER_LIMITS.wordsPerAnswer)
			throw ResponseShapeError.overLimit(ANSWER_LIMITS.wordsPerAnswer, 'words in one answer');
		cellWords += cellWordCount(parsed.data.tables);
		if (cellWords > ANSWER_LIMITS.cellWordsPerAnswer)
			throw ResponseShapeError.overLimit(
				ANSWER_LIMITS.cellWordsPerAnswer,
				'words in the table cells of one answer',
			);
		return {
			position,
			pageIndex,
			pageWidth: info?.width ?? null,
			pageHeight: info?.height ?? null,
			source: itemSourceOf(response, image),
			words: parsed.data.fields,
			tables: parsed.data.tables,
		};
	});
}
