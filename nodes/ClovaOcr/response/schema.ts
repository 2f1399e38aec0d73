// zod is not a dependency of this package (verified community nodes may have none): n8n
// ships it and puts its own node_modules on the path of the nodes it loads. It is a dev
// dependency here only for builds and tests; the e2e tests install the packed package into a
// real n8n of each line with nothing installed beside it, which proves it resolves there.
import { z } from 'zod';

import { ANSWER_LIMITS, boundedArray } from './answerLimits';

// Lenient where the documented examples are (missing arrays, unknown keys,
// `idtype` vs `idType`), strict where a wrong type would mean wrong data
// (text, coordinates, date parts, scores).
//
// Optional keys: the response tables mark every key optional (`-`). The rule, key by key:
// a key is required only where its absence leaves nothing usable to output.
// - `images` (at least one): without it there is no result at all.
// - a field entry's `text`: without it the entry has nothing to output.
// - a vertex's `x` and `y`: a point without coordinates would give a wrong box, not a missing one.
// - `inferResult`: optional here; a missing one counts as SUCCESS only when `idCard.result`
//   came (actions/recognitionChecks.ts), and fails the item otherwise.
// - everything else (`uid`, `name`, `message`, `validationResult`, `convertedImageInfo`,
//   `idCard.meta`, `isConfident`, `keyText`, `formatted`, `confidenceScore`, polygons,
//   `vertices`, `rois`, `idtype`) may be missing: its output key is then `null` (or `""`).
// - `rois` is not a field and the node only reads the card's outline from it: the table prints
//   it as `{x, y}` points, the examples as `{vertices: [...]}`; both are read, and anything
//   else there is ignored (response/cardOutline.ts), never a reason to fail.

// Polygons keep only what the node outputs (Include Polygons) and reads: a polygon's `vertices`,
// a vertex's `x` and `y`. Every other key is dropped here, whatever it holds.
export const vertexSchema = z.object({ x: z.number(), y: z.number() });

export const polygonSchema = z.object({
	vertices: boundedArray(vertexSchema, ANSWER_LIMITS.verticesPerPolygon, 'vertices in one polygon')
		.optional()
		.default([]),
});

const polygonsSchema = boundedArray(
	polygonSchema,
	ANSWER_LIMITS.polygonsPerValue,
	'polygons in one value',
).optional();

const datePartSchema = z.union([z.string(), z.number()]).optional();

export const fieldValueSchema = z
	.object({
		text: z.string(),
		formatted: z
			.object({
				value: z.string().optional(),
				year: datePartSchema,
				month: datePartSchema,
				day: datePartSchema,
			})
			.passthrough()
			.optional(),
		keyText: z.string().optional(),
		confidenceScore: z.number().optional(),
		boundingPolys: polygonsSchema,
		maskingPolys: polygonsSchema,
	})
	.passthrough();

export const fieldValuesSchema = boundedArray(
	fieldValueSchema,
	ANSWER_LIMITS.valuesPerField,
	'values in one field',
);

/** Keys of `idCard.result` that describe the result rather than hold a document's fields. */
export const RESULT_META_KEYS = ['isConfident', 'rois', 'idtype', 'idType'] as const;

export const idCardResultSchema = z
	.object({
		isConfident: z.boolean().optional(),
		rois: z.unknown().optional(),
		idtype: z.string().optional(),
		idType: z.string().optional(),
	})
	.catchall(z.unknown());

export const imageResultSchema = z
	.object({
		uid: z.string().optional(),
		name: z.string().optional(),
		inferResult: z.string().optional(),
		message: z.string().optional(),
		validationResult: z
			.object({ result: z.string().optional(), message: z.string().optional() })
			.passthrough()
			.optional(),
		convertedImageInfo: z
			.object({
				width: z.number().optional(),
				height: z.number().optional(),
				pageIndex: z.number().optional(),
			})
			.passthrough()
			.optional(),
		idCard: z
			.object({
				meta: z.object({ estimatedLanguage: z.string().optional() }).passthrough().optional(),
				result: idCardResultSchema.optional(),
			})
			.passthrough()
			.optional(),
	})
	.passthrough();

export const idCardResponseSchema = z
	.object({
		version: z.string().optional(),
		requestId: z.string().optional(),
		timestamp: z.number().optional(),
		images: z.array(imageResultSchema).min(1),
	})
	.passthrough();

export const serviceErrorSchema = z
	.object({
		code: z.string(),
		message: z.string().optional(),
	})
	.passthrough();

export type Polygon = z.infer<typeof polygonSchema>;
export type FieldValue = z.infer<typeof fieldValueSchema>;
export type IdCardResult = z.infer<typeof idCardResultSchema>;
export type ImageResult = z.infer<typeof imageResultSchema>;
export type IdCardResponse = z.infer<typeof idCardResponseSchema>;
export type ServiceError = z.infer<typeof serviceErrorSchema>;
