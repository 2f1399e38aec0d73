import type { FieldValue } from './schema';

const DATE_IN_TEXT = /(\d{4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})/;

function isCalendarDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/** ISO `YYYY-MM-DD` from numeric parts, or null when they are not a real calendar date. */
export function isoDate(year: unknown, month: unknown, day: unknown): string | null {
	const parts = [year, month, day].map((part) =>
		typeof part === 'number' || (typeof part === 'string' && /^\s*\d+\s*$/.test(part))
			? Number(part)
			: NaN,
	);
	const [y, m, d] = parts;
	if (parts.some(Number.isNaN) || !isCalendarDate(y, m, d) || y < 1000) return null;
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads `2019.09.10`, `2029 12.31`, `2019-09-10`, `2019. 9. 10.`; null when masked or not a date. */
export function isoDateFromText(text: string): string | null {
	const match = DATE_IN_TEXT.exec(text);
	return match ? isoDate(match[1], match[2], match[3]) : null;
}

export function isDateField(field: string, value: FieldValue): boolean {
	return /Date$/.test(field) || value.formatted?.year !== undefined;
}

/** The service's own year/month/day first: its text may be misread (`2029 12.31`). */
export function isoDateOfField(value: FieldValue): string | null {
	const formatted = value.formatted;
	if (formatted?.year !== undefined) {
		const fromParts = isoDate(formatted.year, formatted.month, formatted.day);
		if (fromParts) return fromParts;
	}
	return isoDateFromText(value.text);
}
