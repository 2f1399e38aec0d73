import { formatIsoDate, isRealCalendarDate, toIsoDate } from './calendar';
import type { CheckResult } from '../validation/types';

/** CLOVA's `formatted` object of a date field. */
export interface DateParts {
	year?: string | null;
	month?: string | null;
	day?: string | null;
}

/**
 * valid: a real date; invalid: date-shaped but impossible (2019-02-30);
 * unrecognized: not date-shaped; masked: `*` hides part of it; missing: empty.
 */
export type DateStatus = 'valid' | 'invalid' | 'unrecognized' | 'masked' | 'missing';

export interface DateReading {
	status: DateStatus;
	iso: string | null;
}

// `2019.09.10`, `2029 12.31`, `2019-09-10`, `2019. 9. 10.`, `2019/09/10`, `2019년 9월 10일`
const SEPARATED_DATE = /^([0-9*]{4})\s*(?:[./-]|년|\s)\s*([0-9*]{1,2})\s*(?:[./-]|월|\s)\s*([0-9*]{1,2})\s*[.일]?$/;
const COMPACT_DATE = /^([0-9*]{4})([0-9*]{2})([0-9*]{2})$/;

/** Renewal windows of cards issued before 2011-12-09 lasted about 6 months; newer ones one calendar year. */
const MAX_RENEWAL_WINDOW_YEARS = 1;

function fromParts(year: string, month: string, day: string): DateReading {
	if ((year + month + day).includes('*')) return { status: 'masked', iso: null };
	if (!/^\d{4}$/.test(year) || !/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day)) {
		return { status: 'unrecognized', iso: null };
	}
	const [y, m, d] = [Number(year), Number(month), Number(day)];
	return isRealCalendarDate(y, m, d) ? { status: 'valid', iso: formatIsoDate(y, m, d) } : { status: 'invalid', iso: null };
}

function hasAllParts(parts: DateParts | null | undefined): parts is { year: string; month: string; day: string } {
	return !!parts && [parts.year, parts.month, parts.day].every((part) => typeof part === 'string' && part.trim() !== '');
}

/** Reads `formatted` parts when all three are present, otherwise the text. */
export function readDate(text?: string | null, formatted?: DateParts | null): DateReading {
	if (hasAllParts(formatted)) return fromParts(formatted.year.trim(), formatted.month.trim(), formatted.day.trim());
	const trimmed = (text ?? '').trim();
	if (trimmed === '') return { status: 'missing', iso: null };
	const match = SEPARATED_DATE.exec(trimmed) ?? COMPACT_DATE.exec(trimmed);
	if (match) return fromParts(match[1], match[2], match[3]);
	return { status: trimmed.includes('*') ? 'masked' : 'unrecognized', iso: null };
}

/** A date field on its own: impossible or unreadable dates fail, masked or missing ones are unknown. */
export function checkDateReading(reading: DateReading): CheckResult {
	switch (reading.status) {
		case 'valid':
			return { valid: true, warnings: [] };
		case 'invalid':
			return { valid: false, warnings: ['not a real calendar date'] };
		case 'unrecognized':
			return { valid: false, warnings: ['not a recognizable date'] };
		default:
			return { valid: null, warnings: [] };
	}
}

/** ISO `YYYY-MM-DD`, or null when missing, masked, unreadable or not a real date. */
export function parseDate(text?: string | null, formatted?: DateParts | null): string | null {
	return readDate(text, formatted).iso;
}

/** null when either date is unknown. */
export function isIssueDateNotAfterRunDate(issueDate: string | null, runDate: Date | string): boolean | null {
	const run = toIsoDate(runDate);
	if (issueDate === null || run === null) return null;
	return issueDate <= run;
}

/** Overdue once the last day of the window is before the run date; null when unknown. */
export function isRenewalOverdue(renewEndDate: string | null, runDate: Date | string): boolean | null {
	const run = toIsoDate(runDate);
	if (renewEndDate === null || run === null) return null;
	return renewEndDate < run;
}

/** Start must not be after end; a window longer than a year is suspicious but only warned about. */
export function checkRenewalWindow(renewStartDate: string | null, renewEndDate: string | null): CheckResult {
	if (renewStartDate === null || renewEndDate === null) return { valid: null, warnings: [] };
	if (renewStartDate > renewEndDate) return { valid: false, warnings: ['renewal window ends before it starts'] };
	const latestEnd = `${String(Number(renewStartDate.slice(0, 4)) + MAX_RENEWAL_WINDOW_YEARS).padStart(4, '0')}${renewStartDate.slice(4)}`;
	if (renewEndDate > latestEnd) return { valid: true, warnings: ['renewal window spans more than one year'] };
	return { valid: true, warnings: [] };
}
