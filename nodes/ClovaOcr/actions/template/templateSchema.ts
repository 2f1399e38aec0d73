import { z } from 'zod';

import { ANSWER_LIMITS, boundedArray } from '../../response/answerLimits';
import { documentSchemaKeys } from '../../response/responseShapeError';
import { polygonSchema } from '../../response/schema';

// Template OCR's image result, as public code that calls the service reads it (the reference
// documents only the request). Only what the node outputs is declared: `valueType`, `type`,
// `lineBreak`, `title`, `combineResult` and any other key are dropped, whatever they hold.

/** `images[].matchedTemplate`: the deployed template the image was read with. */
export const matchedTemplateSchema = z
	.object({ id: z.number().optional(), name: z.string().optional() })
	.optional();

/**
 * `images[].fields`: one entry per box of the template, each read later on its own (the count
 * is checked before any entry is parsed).
 */
export const templateFieldsSchema = boundedArray(
	z.unknown(),
	ANSWER_LIMITS.valuesPerImage,
	'fields in one image',
).optional();

/**
 * One field, or one of its `subFields` (their shape is not documented: read as fields, each
 * in turn, never all at once). `inferText` is required unless the field is a checkbox: its
 * state (`checked`) is then what it holds.
 */
export const templateFieldSchema = z
	.object({
		name: z.string().optional(),
		inferText: z.string().optional(),
		inferConfidence: z.number().optional(),
		boundingPoly: polygonSchema.optional(),
		checked: z.boolean().optional(),
		subFields: boundedArray(
			z.unknown(),
			ANSWER_LIMITS.fieldsPerDocument,
			'sub-fields in one field',
		).optional(),
	})
	.superRefine((field, context) => {
		if (field.inferText === undefined && field.checked === undefined)
			context.addIssue({
				code: 'invalid_type',
				expected: 'string',
				received: 'undefined',
				path: ['inferText'],
			});
	});

export type TemplateField = z.infer<typeof templateFieldSchema>;

// The keys of a Template OCR image are written as they are in error paths.
documentSchemaKeys(
	z.object({
		matchedTemplate: matchedTemplateSchema,
		fields: templateFieldsSchema,
		field: templateFieldSchema,
	}),
);
