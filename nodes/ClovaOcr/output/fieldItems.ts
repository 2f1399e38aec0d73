import { boundingBoxOf, type BoundingBox } from './boundingBox';
import type { DocumentType } from '../model/documentTypes';
import type { ItemSource } from './itemSource';
import { fieldLabel } from './labels';
import { normalizedValue } from '../response/normalizedValue';
import type { RecognizedDocument } from '../response/recognizedDocument';
import type { FieldReview } from '../review/reviewDocument';
import type { Polygon } from '../response/schema';

export interface FieldItem extends BoundingBox, FieldReview, ItemSource {
	documentType: DocumentType;
	field: string;
	label: string;
	index: number;
	text: string;
	value: string;
	confidence: number | null;
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
): FieldItem[] {
	const { documentType } = document;
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
