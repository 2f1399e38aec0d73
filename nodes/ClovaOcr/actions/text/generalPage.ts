import { z } from 'zod';

import { ANSWER_LIMITS, boundedArray } from '../../response/answerLimits';
import { documentSchemaKeys } from '../../response/responseShapeError';
import { polygonSchema } from '../../response/schema';

// One General OCR page (an entry of `images`), as far as the node reads it: its words
// (`fields`) and, with table detection, its `tables`. Every key may be missing but a word's
// `inferText` (and a vertex's x and y, polygonSchema); unknown keys are dropped.

const confidenceSchema = z.number().optional();

export const textWordSchema = z.object({
	inferText: z.string(),
	inferConfidence: confidenceSchema,
	lineBreak: z.boolean().optional(),
	boundingPoly: polygonSchema.optional(),
});

const cellTextLineSchema = z.object({
	inferConfidence: confidenceSchema,
	cellWords: boundedArray(
		textWordSchema,
		ANSWER_LIMITS.wordsPerCell,
		'words in one table cell line',
	)
		.optional()
		.default([]),
});

// Whole numbers only; their range is checked where the table is laid out (tableGrid.ts).
const gridNumberSchema = z.number().int().optional();

const tableCellSchema = z.object({
	rowIndex: gridNumberSchema,
	columnIndex: gridNumberSchema,
	rowSpan: gridNumberSchema,
	columnSpan: gridNumberSchema,
	inferConfidence: confidenceSchema,
	cellTextLines: boundedArray(
		cellTextLineSchema,
		ANSWER_LIMITS.linesPerCell,
		'lines in one table cell',
	)
		.optional()
		.default([]),
});

const tableSchema = z.object({
	inferConfidence: confidenceSchema,
	cells: boundedArray(tableCellSchema, ANSWER_LIMITS.cellsPerTable, 'cells in one table')
		.optional()
		.default([]),
});

/** One page of General OCR's answer (its keys are written as they are in error paths). */
export const generalPageSchema = documentSchemaKeys(
	z.object({
		fields: boundedArray(textWordSchema, ANSWER_LIMITS.wordsPerPage, 'words on one page')
			.optional()
			.default([]),
		tables: boundedArray(tableSchema, ANSWER_LIMITS.tablesPerPage, 'tables on one page')
			.optional()
			.default([]),
	}),
);

export type TextWord = z.infer<typeof textWordSchema>;
export type TableCell = z.infer<typeof tableCellSchema>;
export type TextTable = z.infer<typeof tableSchema>;
