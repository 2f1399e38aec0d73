import type { DocumentReview } from '../review/reviewDocument';
import type { DocumentType } from '../model/documentTypes';
import type { ItemSource } from './itemSource';
import { normalizedValue } from '../response/normalizedValue';
import {
	imageColumnsOf,
	NO_IMAGE_FACTS,
	type ImageColumns,
	type ImageFacts,
} from '../response/imageFacts';
import { boundingBoxOf } from './boundingBox';
import { valueCellOf, type Cell, type ExtraColumns, type ItemDocument } from './fieldItems';
import type { FieldValue } from '../response/schema';

export type DocumentItem = {
	documentType: DocumentType;
	idType: string | null;
	isConfident: boolean | null;
	cardX: number | null;
	cardY: number | null;
	cardWidth: number | null;
	cardHeight: number | null;
} & ImageColumns &
	ItemSource &
	DocumentReview &
	Record<string, Cell>;

/**
 * Column names a field cannot take: the node's own columns, names kept for
 * columns it may add, and `__proto__` (not a plain key in JavaScript). A field
 * with one of these names is output as `field_<name>`.
 */
export const RESERVED_COLUMNS: ReadonlySet<string> = new Set([
	'documentType',
	'idType',
	'isConfident',
	'imageName',
	'requestId',
	'uid',
	'valid',
	'warnings',
	'needsReview',
	'licenseClasses',
	'renewalOverdue',
	'notes',
	'expired',
	'total',
	'itemsTotal',
	'validationResult',
	'validationMessage',
	'estimatedLanguage',
	'pageIndex',
	'pageWidth',
	'pageHeight',
	'cardX',
	'cardY',
	'cardWidth',
	'cardHeight',
	// Template OCR's: the matched template, on every item, and a checkbox's state.
	'templateId',
	'templateName',
	'checked',
	// Kept for the redacted copy's column and for the item n8n's On Error: Continue writes.
	'redaction',
	'error',
	'__proto__',
]);

export const RENAMED_FIELD_PREFIX = 'field_';

/**
 * The column of a field. Names that start with the prefix get it again, so
 * a field `field_valid` and a field `valid` never share a column.
 */
export function fieldColumn(field: string): string {
	return RESERVED_COLUMNS.has(field) || field.startsWith(RENAMED_FIELD_PREFIX)
		? RENAMED_FIELD_PREFIX + field
		: field;
}

/** A value's cell: its own under the document's value key (a checkbox's state), else its text. */
function cellOf(field: string, value: FieldValue, columns: ExtraColumns | undefined): Cell {
	const own = columns?.valueKey === undefined ? undefined : valueCellOf(value, columns.valueKey);
	return own ?? normalizedValue(field, value);
}

/** A field's cell: null without values, else its values' cells, several joined by line breaks. */
function fieldCellOf(field: string, values: FieldValue[], columns: ExtraColumns | undefined): Cell {
	const cells = values.map((value) => cellOf(field, value, columns));
	if (cells.length === 1) return cells[0];
	return cells.length === 0 ? null : cells.join('\n');
}

/**
 * One flat item per image, a column per field. A field with several values
 * (e.g. an address on two lines) becomes one cell, its values joined by line breaks.
 * The document's extra columns, if any, follow `isConfident`.
 */
export function toDocumentItem(
	document: ItemDocument,
	source: ItemSource,
	review: DocumentReview,
	facts: ImageFacts = NO_IMAGE_FACTS,
): DocumentItem {
	const imageKeys = imageColumnsOf(facts);
	const card = boundingBoxOf(facts.cardOutline ?? undefined);
	const item: DocumentItem = {
		documentType: document.documentType,
		idType: document.idType,
		isConfident: document.isConfident,
		...document.columns?.document,
		...imageKeys,
		cardX: card.x,
		cardY: card.y,
		cardWidth: card.width,
		cardHeight: card.height,
		...source,
		...review,
	};
	for (const { field, values } of document.fields) {
		item[fieldColumn(field)] = fieldCellOf(field, values, document.columns);
	}
	return item;
}
