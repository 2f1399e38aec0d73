import type { DocumentReview } from '../review/reviewDocument';
import type { DocumentType } from '../model/documentTypes';
import type { ItemSource } from './itemSource';
import { normalizedValue } from '../response/normalizedValue';
import type { RecognizedDocument } from '../response/recognizedDocument';

export type DocumentItem = {
	documentType: DocumentType;
	idType: string | null;
	isConfident: boolean | null;
} & ItemSource &
	DocumentReview &
	Record<string, string | boolean | null>;

/**
 * One flat item per image, a column per field. A field with several values
 * (e.g. an address on two lines) becomes one cell, its values joined by line breaks.
 */
export function toDocumentItem(
	document: RecognizedDocument,
	source: ItemSource,
	review: DocumentReview,
): DocumentItem {
	const item: DocumentItem = {
		documentType: document.documentType,
		idType: document.idType,
		isConfident: document.isConfident,
		...source,
		...review,
	};
	for (const { field, values } of document.fields) {
		item[field] =
			values.length === 0 ? null : values.map((value) => normalizedValue(field, value)).join('\n');
	}
	return item;
}
