import { z } from 'zod';

import { ResponseShapeError } from './responseShapeError';
import type { ImageResult } from './schema';

/**
 * `images[0].<resultKey>` of a Document OCR model (`idCard`, `bizLicense`, `receipt`…): the same
 * envelope for every model, `meta` beside `result` (clova-products.md, code). What `result`
 * holds is the model's own shape, read by the model.
 */
const metaSchema = z.object({ estimatedLanguage: z.string().optional() }).passthrough().optional();

export interface ModelSection {
	meta?: z.infer<typeof metaSchema>;
	/** The object as sent (never copied key by key: its keys are service data, `__proto__` too). */
	result?: Record<string, unknown>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownValue(object: Record<string, unknown>, key: string): unknown {
	return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** The model's section of an image result; undefined when the image has none. */
export function modelSectionOf(image: ImageResult, resultKey: string): ModelSection | undefined {
	const section = ownValue(image, resultKey);
	if (section === undefined) return undefined;
	if (!isPlainObject(section))
		throw new ResponseShapeError(`images[0].${resultKey}: expected object`);
	const meta = metaSchema.safeParse(ownValue(section, 'meta'));
	if (!meta.success)
		throw ResponseShapeError.fromIssue(meta.error.issues[0], ['images', 0, resultKey, 'meta']);
	const result = ownValue(section, 'result');
	if (result !== undefined && !isPlainObject(result))
		throw new ResponseShapeError(`images[0].${resultKey}.result: expected object`);
	return { meta: meta.data, result };
}
