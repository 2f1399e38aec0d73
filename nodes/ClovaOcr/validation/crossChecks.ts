import { yearOf } from '../model/calendar';
import type { CheckResult } from './checkResult';

/** The youngest licensable age (class 2 motorized bicycle). */
export const MINIMUM_LICENSE_AGE = 16;

/** The first year ending in `yy` that is not before the birth year. */
export function resolveFirstLicensedYear(birthYear: number, yy: string): number {
	const candidate = Math.floor(birthYear / 100) * 100 + Number(yy);
	return candidate >= birthYear ? candidate : candidate + 100;
}

export type LicenseYearCheck = CheckResult & { firstLicensedYear: number | null };

/**
 * Compares the license number's YY with the birth date from the RRN.
 * Checked by year only, so it fails only when the holder was certainly under 16.
 */
export function checkLicenseYearAgainstBirth(
	birthDate: string | null,
	yy: string | null,
	runDate: string | null,
): LicenseYearCheck {
	if (birthDate === null || yy === null)
		return { valid: null, warnings: [], firstLicensedYear: null };
	const birthYear = yearOf(birthDate);
	const firstLicensedYear = resolveFirstLicensedYear(birthYear, yy);
	const warnings: string[] = [];
	if (firstLicensedYear - birthYear < MINIMUM_LICENSE_AGE) {
		warnings.push(
			`first-licensed year is less than ${MINIMUM_LICENSE_AGE} years after the birth year`,
		);
	}
	if (runDate !== null && firstLicensedYear > yearOf(runDate)) {
		warnings.push('first-licensed year is after the run date');
	}
	return { valid: warnings.length === 0, warnings, firstLicensedYear };
}

/** This card cannot have been issued before the holder was first licensed. */
export function checkLicenseYearAgainstIssueDate(
	firstLicensedYear: number | null,
	issueDate: string | null,
): CheckResult {
	if (firstLicensedYear === null || issueDate === null) return { valid: null, warnings: [] };
	if (firstLicensedYear > yearOf(issueDate))
		return { valid: false, warnings: ['first-licensed year is after the issue date'] };
	return { valid: true, warnings: [] };
}

export function checkIssueAfterBirth(
	birthDate: string | null,
	issueDate: string | null,
): CheckResult {
	if (birthDate === null || issueDate === null) return { valid: null, warnings: [] };
	if (issueDate <= birthDate)
		return { valid: false, warnings: ['issue date is not after the birth date'] };
	return { valid: true, warnings: [] };
}
