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
		item[field] =
			values.length === 0 ? null : values.map((value) => normalizedValue(field, value)).join('\n');
	}
	return item;
}
