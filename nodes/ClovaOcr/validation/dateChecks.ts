import { toIsoDate } from '../model/calendar';
import { readDate, type DateReading } from '../model/dateReading';
import type { CheckResult } from './checkResult';

/** Renewal windows of cards issued before 2011-12-09 lasted about 6 months; newer ones one calendar year. */
const MAX_RENEWAL_WINDOW_YEARS = 1;

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

/** null when either date is unknown. */
export function isIssueDateNotAfterRunDate(
	issueDate: string | null,
	runDate: Date | string,
): boolean | null {
	const run = toIsoDate(runDate);
	if (issueDate === null || run === null) return null;
	return issueDate <= run;
}

/** Overdue once the last day of the window is before the run date; null when unknown. */
export function isRenewalOverdue(
	renewEndDate: string | null,
	runDate: Date | string,
): boolean | null {
	const run = toIsoDate(runDate);
	if (renewEndDate === null || run === null) return null;
	return renewEndDate < run;
}

/** Start must not be after end; a window longer than a year is suspicious but only warned about. */
export function checkRenewalWindow(
	renewStartDate: string | null,
	renewEndDate: string | null,
): CheckResult {
	if (renewStartDate === null || renewEndDate === null) return { valid: null, warnings: [] };
	if (renewStartDate > renewEndDate)
		return { valid: false, warnings: ['renewal window ends before it starts'] };
	const latestEnd = `${String(Number(renewStartDate.slice(0, 4)) + MAX_RENEWAL_WINDOW_YEARS).padStart(4, '0')}${renewStartDate.slice(4)}`;
	if (renewEndDate > latestEnd)
		return { valid: true, warnings: ['renewal window spans more than one year'] };
	return { valid: true, warnings: [] };
}

export interface RenewalCheck {
	window: CheckResult;
	/** null when the end date or the run date is unknown. */
	overdue: boolean | null;
}

/** The renewal window of a license, derived once for the field and the document checks alike. */
export function checkRenewal(
	renewStartDate: string | null,
	renewEndDate: string | null,
	runDate: Date | string | null,
): RenewalCheck {
	return {
		window: checkRenewalWindow(renewStartDate, renewEndDate),
		overdue: runDate === null ? null : isRenewalOverdue(renewEndDate, runDate),
	};
}

/** A real date, not after the run date (a birth or issue date); `runDate` YYYY-MM-DD. */
export function checkPastDate(value: string, runDate: string): CheckResult {
	const reading = readDate(value);
	const run = toIsoDate(runDate);
	if (reading.iso !== null && run !== null && reading.iso > run) {
		return { valid: false, warnings: ['after the run date'] };
	}
	return checkDateReading(reading);
}
