import { formatIsoDate, isRealCalendarDate } from './calendar';

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

/**
 * The longest date text read (and the longest `formatted` part). The documented examples are
 * 10 characters (`2020.08.16`, `2029 12.31`), the longest form read is 13 (`2019년 12월 31일`,
 * `2019. 12. 31.`): 64 leaves room for spaces OCR inserts. Longer text is not read at all:
 * it is unrecognized.
 */
export const MAX_DATE_TEXT_LENGTH = 64;

// `2019.09.10`, `2029 12.31`, `2019-09-10`, `2019. 9. 10.`, `2019/09/10`, `2019년 9월 10일`.
// A separator is one mark with optional spaces around it, or spaces alone: written so that
// no run of spaces can be split between two quantifiers.
const SEPARATED_DATE =
	/^([0-9*]{4})(?:\s*[./년-]\s*|\s+)([0-9*]{1,2})(?:\s*[./월-]\s*|\s+)([0-9*]{1,2})\s*[.일]?$/;
const COMPACT_DATE = /^([0-9*]{4})([0-9*]{2})([0-9*]{2})$/;

function fromParts(year: string, month: string, day: string): DateReading {
	if ((year + month + day).includes('*')) return { status: 'masked', iso: null };
	if (!/^\d{4}$/.test(year) || !/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day)) {
		return { status: 'unrecognized', iso: null };
	}
	const [y, m, d] = [Number(year), Number(month), Number(day)];
	return isRealCalendarDate(y, m, d)
		? { status: 'valid', iso: formatIsoDate(y, m, d) }
		: { status: 'invalid', iso: null };
}

function hasAllParts(
	parts: DateParts | null | undefined,
): parts is { year: string; month: string; day: string } {
	return (
		!!parts &&
		[parts.year, parts.month, parts.day].every(
			(part) => typeof part === 'string' && part.trim() !== '',
		)
	);
}

function isTooLong(text: string): boolean {
	return text.length > MAX_DATE_TEXT_LENGTH;
}

/** Reads `formatted` parts when all three are present, otherwise the text. */
export function readDate(text?: string | null, formatted?: DateParts | null): DateReading {
	if (hasAllParts(formatted)) {
		const { year, month, day } = formatted;
		if ([year, month, day].some(isTooLong)) return { status: 'unrecognized', iso: null };
		return fromParts(year.trim(), month.trim(), day.trim());
	}
	if (isTooLong(text ?? '')) return { status: 'unrecognized', iso: null };
	const trimmed = (text ?? '').trim();
	if (trimmed === '') return { status: 'missing', iso: null };
	const match = SEPARATED_DATE.exec(trimmed) ?? COMPACT_DATE.exec(trimmed);
	if (match) return fromParts(match[1], match[2], match[3]);
	return { status: trimmed.includes('*') ? 'masked' : 'unrecognized', iso: null };
}
