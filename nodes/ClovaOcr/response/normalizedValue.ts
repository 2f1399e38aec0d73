import { businessNumberOf, corporateNumberOf } from '../model/businessNumbers';
import { isDateField, isoDateOfField } from './fieldDates';
import type { FieldValue } from './schema';

/** Numbers written one way whatever the service sends: business and corporate registration numbers. */
const NUMBER_FORMATS: Readonly<Record<string, (text: string) => string | null>> = {
	registerNumber: businessNumberOf,
	corpRegisterNum: corporateNumberOf,
};

function numberFormatOf(field: string): ((text: string) => string | null) | undefined {
	return Object.prototype.hasOwnProperty.call(NUMBER_FORMATS, field)
		? NUMBER_FORMATS[field]
		: undefined;
}

/**
 * A known number in its written form (`NNN-NN-NNNNN`, `NNNNNN-NNNNNNN`) when it reads as one;
 * else `formatted.value` when present; ISO `YYYY-MM-DD` for dates; otherwise the text as returned.
 */
export function normalizedValue(field: string, value: FieldValue): string {
	const formattedValue = value.formatted?.value;
	const format = numberFormatOf(field);
	if (format) {
		const written = format(formattedValue ?? '') ?? format(value.text);
		if (written !== null) return written;
	}
	if (formattedValue !== undefined && formattedValue !== '') return formattedValue;
	if (isDateField(field, value)) return isoDateOfField(value) ?? value.text;
	return value.text;
}
