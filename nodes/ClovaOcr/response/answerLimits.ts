import { z } from 'zod';

/**
 * The most of each part of an answer the node takes; past one, the item fails. The documented
 * examples (resident card, driver's license) have at most 12 fields (the license), one value
 * per field, one polygon per value and 4 vertices per polygon, nested 12 levels deep: each
 * limit leaves a wide margin over them, and together they keep the output of one image small.
 */
export const ANSWER_LIMITS = {
	/** 12 documented (the license); 64 leaves room for new fields. */
	fieldsPerDocument: 64,
	/** 1 documented; an address read line by line or word by word stays well under 32. */
	valuesPerField: 32,
	/** Each value is an output item: 12 documented; 512 keeps an execution's data small. */
	valuesPerImage: 512,
	/** 1 documented; one per line of a value that wraps. */
	polygonsPerValue: 16,
	/** 4 documented (a quadrilateral); 64 allows a finer outline. */
	verticesPerPolygon: 64,
	/** 12 documented; deeper nesting (which JSON.parse accepts) makes n8n's serialization overflow. */
	nestingDepth: 32,
	/** General OCR: one image per page of a PDF or TIFF; CLOVA reads a few dozen pages at most. */
	pagesPerAnswer: 100,
	/** A dense page of small print holds about 1,000 words. */
	wordsPerPage: 5000,
	/** Each word is an output item (Words): all pages together stay within what n8n shows well. */
	wordsPerAnswer: 20000,
	/** A page of forms rarely holds more than a handful of tables. */
	tablesPerPage: 64,
	/** A full-page spreadsheet printout holds a few hundred cells. */
	cellsPerTable: 4096,
	/** A cell's text wraps over a few lines. */
	linesPerCell: 64,
	/** A cell holds a phrase, rarely a paragraph. */
	wordsPerCell: 256,
	/** The words of all cells of an answer: the same bound as the words of its pages. */
	cellWordsPerAnswer: 20000,
	/** Rows × columns of one table: a hostile rowSpan or index cannot allocate a huge grid. */
	gridCellsPerTable: 10000,
	/** Rows × columns of all tables of an answer: bounds the Tables output's item count. */
	gridCellsPerAnswer: 40000,
	/** Characters of the Tables output, merged cells' text counted in every cell it spreads to. */
	tableCharactersPerAnswer: 4_000_000,
} as const;

/**
 * An array of at most `limit` entries, its length checked before any entry is parsed; past
 * the limit the issue is `too_big` with `what` as its message (ResponseShapeError.fromIssue).
 */
export function boundedArray<T extends z.ZodTypeAny>(item: T, limit: number, what: string) {
	return z.array(z.unknown()).max(limit, { message: what }).pipe(z.array(item));
}
