import type { RecognizedDocument } from '../response/recognizedDocument';
import type { FieldValue } from '../response/schema';
import { maskRegistrationNumber, REGISTRATION_NUMBER_FIELDS } from './maskRegistrationNumber';

/** Every string of an object (`text`, `keyText`, keys the service may add) masked; other values kept. */
function withStringsMasked<T extends object>(object: T): T {
	return Object.fromEntries(
		Object.entries(object).map(([key, entry]) => [
			key,
			typeof entry === 'string' ? maskRegistrationNumber(entry) : entry,
		]),
	) as T;
}

function maskedValue(value: FieldValue): FieldValue {
	const masked = withStringsMasked(value);
	if (value.formatted !== undefined) masked.formatted = withStringsMasked(value.formatted);
	return masked;
}

/**
 * The document with registration numbers masked (at most their first 7 digits
 * kept: `800101-1******`) in every string of their values; polygons stay as they are.
 */
export function maskSensitiveDocument(document: RecognizedDocument): RecognizedDocument {
	return {
		...document,
		fields: document.fields.map(({ field, values }) => ({
			field,
			values: REGISTRATION_NUMBER_FIELDS.has(field) ? values.map(maskedValue) : values,
		})),
	};
}
