import { keyFieldsOf } from '../model/documentTypes';
import { firstValue } from './contextFields';
import type { ValidationContext } from './types';

/**
 * `<field>: missing` for each key field of the document type that is absent or has no
 * non-empty value. A masked value (`******-*******`) is there: it was read, then hidden.
 */
export function missingKeyFieldWarnings(context: ValidationContext): string[] {
	return keyFieldsOf(context.documentType)
		.filter((field) => firstValue(context, field) === null)
		.map((field) => `${field}: missing`);
}
