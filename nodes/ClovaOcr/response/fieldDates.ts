import { readDate, type DateParts } from '../model/dateReading';
import type { FieldValue } from './schema';

export function isDateField(field: string, value: FieldValue): boolean {
	return /Date$/.test(field) || value.formatted?.year !== undefined;
}

function datePartsOf(formatted: FieldValue['formatted']): DateParts | null {
	if (!formatted) return null;
	const part = (value: string | number | undefined) => (value === undefined ? null : String(value));
	return { year: part(formatted.year), month: part(formatted.month), day: part(formatted.day) };
}

/** The service's own year/month/day first (its text may be misread, e.g. `2029 12.31`), then the text. */
export function isoDateOfField(value: FieldValue): string | null {
	return readDate(null, datePartsOf(value.formatted)).iso ?? readDate(value.text).iso;
}
