import { boundingBoxOf, type BoundingBox } from './boundingBox';
import type { DocumentType } from '../model/documentTypes';
import type { ItemSource } from './itemSource';
import { fieldLabel } from './labels';
import { normalizedValue } from '../response/normalizedValue';
import type { RecognizedDocument } from '../response/recognizedDocument';
import type { FieldReview } from '../review/reviewDocument';
import type { Polygon } from '../response/schema';
import {
	imageColumnsOf,
	NO_IMAGE_FACTS,
	type ImageColumns,
	type ImageFacts,
} from '../response/imageFacts';

export interface FieldItem extends BoundingBox, FieldReview, ItemSource, ImageColumns {
	documentType: DocumentType;
	field: string;
	label: string;
	index: number;
	text: string;
	value: string;
	confidence: number | null;
	/** The document's `isConfident`. */
	isConfident: boolean | null;
	/** The service's `keyText`; "" when absent. */
	keyText: string;
	boundingPolys?: Polygon[];
	maskingPolys?: Polygon[];
}

export interface FieldItemOptions {
	includePolygons: boolean;
}

/** One flat item per recognized value, in the order the service sent them. */
export function toFieldItems(
	document: RecognizedDocument,
	source: ItemSource,
	reviews: FieldReview[][],
	options: FieldItemOptions,
	facts: ImageFacts = NO_IMAGE_FACTS,
): FieldItem[] {
	const { documentType } = document;
	const imageKeys = imageColumnsOf(facts);
	return document.fields.flatMap(({ field, values }, fieldIndex) =>
		values.map((value, index) => {
			const item: FieldItem = {
				documentType,
				field,
				label: fieldLabel(documentType, field),
				index,
				text: value.text,
				value: normalizedValue(field, value),
				confidence: value.confidenceScore ?? null,
				isConfident: document.isConfident,
				keyText: value.keyText ?? '',
				...imageKeys,
				...reviews[fieldIndex][index],
				...boundingBoxOf(value.boundingPolys?.[0]),
				...source,
			};
			if (options.includePolygons) {
				item.boundingPolys = value.boundingPolys ?? [];
				item.maskingPolys = value.maskingPolys ?? [];
			}
			return item;
		}),
	);
}
