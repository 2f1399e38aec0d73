import type { RecognizedDocument } from '../response/recognizedDocument';
import type { FieldValue } from '../response/schema';
import { maskSensitiveValue } from './maskRegistrationNumber';

function maskedValue(field: string, value: FieldValue): FieldValue {
	const masked: FieldValue = { ...value, text: maskSensitiveValue(field, value.text) };
	if (value.formatted?.value !== undefined) {
		masked.formatted = {
			...value.formatted,
			value: maskSensitiveValue(field, value.formatted.value),
		};
	}
	return masked;
}

/** The document with registration numbers masked (`800101-1******`); polygons stay as they are. */
export function maskSensitiveDocument(document: RecognizedDocument): RecognizedDocument {
	return {
		...document,
		fields: document.fields.map(({ field, values }) => ({
			field,
			values: values.map((value) => maskedValue(field, value)),
		})),
	};
}
