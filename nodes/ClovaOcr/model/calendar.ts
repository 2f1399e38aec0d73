export interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
	const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
	return lengths[month - 1] ?? 0;
}

export function isRealCalendarDate(year: number, month: number, day: number): boolean {
	return (
		Number.isInteger(year) &&
		Number.isInteger(month) &&
		Number.isInteger(day) &&
		year >= 1 &&
		year <= 9999 &&
		month >= 1 &&
		month <= 12 &&
		day >= 1 &&
		day <= daysInMonth(year, month)
	);
}

export function formatIsoDate(year: number, month: number, day: number): string {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Strict YYYY-MM-DD that is a real calendar date, else null. */
export function parseIsoDate(text: string): CalendarDate | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	return isRealCalendarDate(year, month, day) ? { year, month, day } : null;
}

/**
 * A run date given as Date or YYYY-MM-DD, as ISO text; null when invalid.
 * Date objects are read in UTC so `new Date('2024-05-01')` stays 2024-05-01
 * whatever the host time zone is.
 */
export function toIsoDate(value: Date | string): string | null {
	if (typeof value === 'string') {
		const parsed = parseIsoDate(value);
		return parsed ? formatIsoDate(parsed.year, parsed.month, parsed.day) : null;
	}
	if (Number.isNaN(value.getTime())) return null;
	return formatIsoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

export function yearOf(isoDate: string): number {
	return Number(isoDate.slice(0, 4));
}
