import { z, type ZodIssue } from 'zod';

import { serviceFreeText } from '../boundary/serviceText';
import { DOCUMENT_TYPES } from '../model/documentTypes';
import { LABELLED_FIELD_KEYS } from '../model/fieldLabels';
import { PRODUCT_IDS, PRODUCTS } from '../model/products';
import { fieldValuesSchema, idCardResponseSchema, serviceErrorSchema } from './schema';

/**
 * A response that does not fit the documented shape, or is larger than the node takes. Its
 * message names the offending path and the expected type, or the limit passed, never the
 * content found there.
 */
export class ResponseShapeError extends Error {
	constructor(
		readonly reason: string,
		message = `CLOVA OCR sent a response that does not fit the documented shape: ${reason}`,
	) {
		super(message);
		this.name = 'ResponseShapeError';
	}

	/** Past one of the node's limits (response/answerLimits.ts): `what` says what was counted. */
	static overLimit(limit: number, what: string): ResponseShapeError {
		return new ResponseShapeError(
			`more than ${limit} ${what}`,
			`CLOVA OCR's answer has more than ${limit} ${what} (the node's limit)`,
		);
	}

	static fromIssue(issue: ZodIssue, pathPrefix: Array<string | number> = []): ResponseShapeError {
		// Only the node's limits (boundedArray) set a maximum; their message says what was counted.
		if (issue.code === 'too_big')
			return ResponseShapeError.overLimit(Number(issue.maximum), issue.message);
		const path = formatPath([...pathPrefix, ...issue.path]);
		const expected =
			issue.code === 'invalid_type'
				? `expected ${issue.expected}, got ${issue.received}`
				: issue.code === 'too_small'
					? 'expected at least one entry'
					: issue.code;
		return new ResponseShapeError(`${path || 'the body'}: ${expected}`);
	}
}

/**
 * The keys a zod schema declares, at any depth (through optional, default, array and pipe).
 * Keys it only lets through (passthrough, catchall) are not declared: they are service data.
 */
function declaredKeys(schema: z.ZodTypeAny, keys: Set<string> = new Set()): Set<string> {
	if (schema instanceof z.ZodObject)
		for (const [key, value] of Object.entries(schema.shape as z.ZodRawShape)) {
			keys.add(key);
			declaredKeys(value, keys);
		}
	else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
		declaredKeys(schema.unwrap(), keys);
	else if (schema instanceof z.ZodDefault) declaredKeys(schema.removeDefault(), keys);
	else if (schema instanceof z.ZodEffects) declaredKeys(schema.innerType(), keys);
	else if (schema instanceof z.ZodArray) declaredKeys(schema.element, keys);
	else if (schema instanceof z.ZodPipeline) {
		declaredKeys(schema._def.in, keys);
		declaredKeys(schema._def.out, keys);
	}
	return keys;
}

/**
 * The keys the node's schemas document: the answer's envelope and elements (response/schema.ts,
 * which every key zod names in an issue's path comes from), the error body, each product's
 * result key (`bizLicense`, `receipt`…) and the ID-card model's sections (`ic`, `dl`…).
 */
const SCHEMA_KEYS: ReadonlySet<string> = new Set([
	...declaredKeys(idCardResponseSchema),
	...declaredKeys(fieldValuesSchema),
	...declaredKeys(serviceErrorSchema),
	...PRODUCT_IDS.flatMap((id) => PRODUCTS[id].resultKey ?? []),
	...Object.values(DOCUMENT_TYPES).map(({ resultKey }) => resultKey),
]);

/**
 * Keys of the schemas that live beside their product (General and Template OCR's): each
 * schema module adds its declared keys when it loads (documentSchemaKeys).
 */
const PRODUCT_SCHEMA_KEYS = new Set<string>();

/** Adds the keys a product's schema declares to the keys error paths write as they are. */
export function documentSchemaKeys<T extends z.ZodTypeAny>(schema: T): T {
	for (const key of declaredKeys(schema)) PRODUCT_SCHEMA_KEYS.add(key);
	return schema;
}

/** A key the node itself documents, written as it is in a path. */
export function isDocumentedKey(key: string): boolean {
	return SCHEMA_KEYS.has(key) || LABELLED_FIELD_KEYS.has(key) || PRODUCT_SCHEMA_KEYS.has(key);
}

/**
 * A key of a path as it shows: one that is no plain name is never echoed (the node's own keys
 * all are, and only a plain name is looked up); the node's own keys as they are; any other key
 * is the service's text, scrubbed.
 */
function keyOf(part: string): string {
	if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(part)) return '(a key)';
	return isDocumentedKey(part) ? part : (serviceFreeText(part) ?? '');
}

/** The path to a place in the answer; keys are service data, so odd ones are not echoed. */
export function formatPath(path: Array<string | number>): string {
	return path
		.map((part, i) =>
			typeof part === 'number' ? `[${part}]` : i === 0 ? keyOf(part) : `.${keyOf(part)}`,
		)
		.join('');
}
