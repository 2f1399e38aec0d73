import { boundingBoxOf, type BoundingBox } from './boundingBox';
import type { DocumentType } from '../model/documentTypes';
import type { ItemSource } from './itemSource';
import { fieldLabel } from './labels';
import { normalizedValue } from '../response/normalizedValue';
import type { RecognizedDocument } from '../response/recognizedDocument';
import type { FieldReview } from '../review/reviewDocument';
import type { FieldValue, Polygon } from '../response/schema';
import {
	imageColumnsOf,
	NO_IMAGE_FACTS,
	type ImageColumns,
	type ImageFacts,
} from '../response/imageFacts';

/** What one column of a flat item holds. */
export type Cell = string | number | boolean | null;

/**
 * Columns a product adds to the shared ones (Template OCR: the matched template and a
 * checkbox's state), named apart from them (documentItem.ts RESERVED_COLUMNS). A document
 * without them gives the items it always gave.
 */
export interface ExtraColumns {
	/** On the document item and on every field item, after the document's own keys. */
	document: Readonly<Record<string, Cell>>;
	/**
	 * A key of the values (Template OCR: `checked`) that every field item carries as a column:
	 * the value's own cell there, or null. In the document item, a value that has one shows it
	 * in place of its text.
	 */
	valueKey?: string;
}

/** A document as its items are made from it: a product may carry extra columns on it. */
export interface ItemDocument extends RecognizedDocument {
	columns?: ExtraColumns;
}

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

/** A value's own cell under `key`; undefined when it has none (values are service data). */
export function valueCellOf(value: FieldValue, key: string): Cell | undefined {
	if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
	const cell = value[key];
	return typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean'
		? cell
		: undefined;
}

/** The extra columns of one value's field item, in order: its own, then the document's. */
function extraCellsOf(value: FieldValue, columns: ExtraColumns | undefined): Record<string, Cell> {
	if (columns === undefined) return {};
	const { valueKey } = columns;
	const own = valueKey === undefined ? {} : { [valueKey]: valueCellOf(value, valueKey) ?? null };
	return { ...own, ...columns.document };
}

/**
 * One flat item per recognized value, in the order the service sent them. The document's extra
 * columns, if any, follow `keyText`.
 */
export function toFieldItems(
	document: ItemDocument,
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
				...extraCellsOf(value, document.columns),
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
