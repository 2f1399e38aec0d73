import type { z } from 'zod';

import type { ExtraColumns, ItemDocument } from '../../output/fieldItems';
import { ANSWER_LIMITS } from '../../response/answerLimits';
import type { RecognizedField } from '../../response/recognizedDocument';
import { ResponseShapeError } from '../../response/responseShapeError';
import type { FieldValue, ImageResult } from '../../response/schema';
import {
	matchedTemplateSchema,
	templateFieldSchema,
	templateFieldsSchema,
	type TemplateField,
} from './templateSchema';

/** A form read by Template OCR: its fields, and the template's columns on every item. */
export interface TemplateDocument extends ItemDocument {
	columns: ExtraColumns;
}

type Path = Array<string | number>;

function ownValue(object: object, key: string): unknown {
	return Object.prototype.hasOwnProperty.call(object, key)
		? (object as Record<string, unknown>)[key]
		: undefined;
}

function parseAt<T extends z.ZodTypeAny>(schema: T, value: unknown, path: Path): z.output<T> {
	const parsed = schema.safeParse(value);
	if (!parsed.success) throw ResponseShapeError.fromIssue(parsed.error.issues[0], path);
	return parsed.data;
}

function valueOf(field: TemplateField): FieldValue {
	return {
		text: field.inferText ?? '',
		...(field.inferConfidence === undefined ? {} : { confidenceScore: field.inferConfidence }),
		...(field.boundingPoly === undefined ? {} : { boundingPolys: [field.boundingPoly] }),
		...(field.checked === undefined ? {} : { checked: field.checked }),
	};
}

/** The fields by name, in the order first sent: a repeated name adds a value. */
class TemplateFields {
	private readonly byName = new Map<string, RecognizedField>();
	private values = 0;

	add(name: string, value: FieldValue): void {
		this.values += 1;
		if (this.values > ANSWER_LIMITS.valuesPerImage)
			throw ResponseShapeError.overLimit(
				ANSWER_LIMITS.valuesPerImage,
				'values (output items) in one image',
			);
		const known = this.byName.get(name);
		if (known === undefined) {
			if (this.byName.size === ANSWER_LIMITS.fieldsPerDocument)
				throw ResponseShapeError.overLimit(
					ANSWER_LIMITS.fieldsPerDocument,
					'fields in one document',
				);
			this.byName.set(name, { field: name, values: [value] });
			return;
		}
		if (known.values.length === ANSWER_LIMITS.valuesPerField)
			throw ResponseShapeError.overLimit(ANSWER_LIMITS.valuesPerField, 'values in one field');
		known.values.push(value);
	}

	list(): RecognizedField[] {
		return [...this.byName.values()];
	}
}

/**
 * Each entry of `entries` at `path`, then its sub-fields (`<name>.<subName>`), in the order
 * sent. An entry without a name is named by its index among its siblings (`field3`, as in
 * `fields[3]`). How deep sub-fields nest is bounded by the answer's nesting limit.
 */
function collect(
	fields: TemplateFields,
	entries: readonly unknown[],
	path: Path,
	parent: string | null,
): void {
	entries.forEach((entry, position) => {
		const field = parseAt(templateFieldSchema, entry, [...path, position]);
		const own = field.name?.trim() ? field.name : `field${position}`;
		const name = parent === null ? own : `${parent}.${own}`;
		fields.add(name, valueOf(field));
		if (field.subFields) collect(fields, field.subFields, [...path, position, 'subFields'], name);
	});
}

/**
 * The form in a Template OCR image result: one field per template field, named as the
 * template names it, each entry a value `{text, confidenceScore, boundingPolys, checked}`;
 * sub-fields flattened after their parent. `templateId` and `templateName` (the matched
 * template, null when not sent) are columns of every item, `checked` (a checkbox's state, null
 * for other fields) a column of every field item.
 */
export function templateDocumentOf(image: ImageResult): TemplateDocument {
	const template = parseAt(matchedTemplateSchema, ownValue(image, 'matchedTemplate'), [
		'images',
		0,
		'matchedTemplate',
	]);
	const entries = parseAt(templateFieldsSchema, ownValue(image, 'fields'), ['images', 0, 'fields']);
	const fields = new TemplateFields();
	collect(fields, entries ?? [], ['images', 0, 'fields'], null);
	return {
		documentType: 'template',
		idType: null,
		isConfident: null,
		fields: fields.list(),
		columns: {
			document: { templateId: template?.id ?? null, templateName: template?.name ?? null },
			valueKey: 'checked',
		},
	};
}
