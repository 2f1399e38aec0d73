import { isDateField, isoDateOfField } from './fieldDates';
import type { FieldValue } from './schema';

/** `formatted.value` when present; ISO `YYYY-MM-DD` for dates; otherwise the text as returned. */
export function normalizedValue(field: string, value: FieldValue): string {
	const formattedValue = value.formatted?.value;
	if (formattedValue !== undefined && formattedValue !== '') return formattedValue;
	if (isDateField(field, value)) return isoDateOfField(value) ?? value.text;
	return value.text;
}
