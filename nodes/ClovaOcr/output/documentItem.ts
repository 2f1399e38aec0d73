import type { DocumentReview } from '../review/reviewDocument';
import type { DocumentType } from '../model/documentTypes';
import type { ItemSource } from './itemSource';
import { normalizedValue } from '../response/normalizedValue';
import type { RecognizedDocument } from '../response/recognizedDocument';
import {
	imageColumnsOf,
	NO_IMAGE_FACTS,
	type ImageColumns,
	type ImageFacts,
} from '../response/imageFacts';
import { boundingBoxOf } from './boundingBox';

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
	Record<string, string | number | boolean | null>;

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

/**
 * One flat item per image, a column per field. A field with several values
 * (e.g. an address on two lines) becomes one cell, its values joined by line breaks.
 */
export function toDocumentItem(
	document: RecognizedDocument,
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
		...imageKeys,
		cardX: card.x,
		cardY: card.y,
		cardWidth: card.width,
		cardHeight: card.height,
		...source,
		...review,
	};
	for (const { field, values } of document.fields) {
		item[fieldColumn(field)] =
			values.length === 0 ? null : values.map((value) => normalizedValue(field, value)).join('\n');
	}
	return item;
}
