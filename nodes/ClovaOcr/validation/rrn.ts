import { formatIsoDate, isRealCalendarDate } from '../model/calendar';
import type { CheckResult } from './checkResult';
import { readableFieldText } from './fieldTextLimit';
import { centuryOfGenderDigit, sexOfGenderDigit } from './genderDigit';
import type { Sex } from './types';

/** Shape of a resident or alien registration number once whitespace is removed; `*` is a masked digit. */
const RRN_SHAPE = /^([0-9*]{6})[-‐‑–—−]?([0-9*]{7})$/;

const CHECKSUM_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

/** Numbers issued from this day on carry six random digits instead of area code + check digit. */
export const RANDOM_SERIAL_SINCE = '2020-10-05';

const ALL_CENTURIES = [1800, 1900, 2000];

export interface RrnReading {
	/** 13 digit-or-`*` characters with an optional separator after the sixth. */
	shape: boolean;
	masked: boolean;
	genderDigit: number | null;
	foreigner: boolean | null;
	sex: Sex | null;
	/** ISO date, only when the whole YYMMDD and the gender digit are readable and form a real date. */
	birthDate: string | null;
	dateValid: boolean | null;
	/** Whether the last digit matches a known check-digit formula; null when masked or when the number cannot have one. */
	checksumValid: boolean | null;
}

export interface RrnCheckOptions {
	/** YYYY-MM-DD; a birth date after it is impossible. */
	runDate?: string | null;
	/** Alien registration numbers should carry a gender digit 5..8. */
	expectForeigner?: boolean;
}

export type RrnCheck = CheckResult & {
	reading: RrnReading;
	checks: { format: boolean | null; date: boolean | null; checksum: boolean | null };
};

function compact(text: string): RegExpExecArray | null {
	return RRN_SHAPE.exec(text.replace(/\s+/g, ''));
}

function weightedSum(first12: string): number {
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(first12[i]) * CHECKSUM_WEIGHTS[i];
	return sum;
}

/** Check digit over the first 12 digits: (11 − Σ dᵢ·wᵢ mod 11) mod 10. */
export function rrnCheckDigit(first12: string): number {
	return (11 - (weightedSum(first12) % 11)) % 10;
}

// Some sources give (13 − Σ mod 11) mod 10 for foreigner numbers; either is accepted.
function foreignerCheckDigits(first12: string): number[] {
	const sum = weightedSum(first12);
	return [(11 - (sum % 11)) % 10, (13 - (sum % 11)) % 10];
}

function birthDateValidity(yymmdd: string, centuries: number[]): boolean {
	const [yy, mm, dd] = [
		Number(yymmdd.slice(0, 2)),
		Number(yymmdd.slice(2, 4)),
		Number(yymmdd.slice(4, 6)),
	];
	return centuries.some((century) => isRealCalendarDate(century + yy, mm, dd));
}

export function readRrn(fieldText: string): RrnReading {
	const text = readableFieldText(fieldText);
	const match = compact(text);
	if (!match) {
		return {
			shape: false,
			masked: text.includes('*'),
			genderDigit: null,
			foreigner: null,
			sex: null,
			birthDate: null,
			dateValid: null,
			checksumValid: null,
		};
	}
	const digits = match[1] + match[2];
	const yymmdd = match[1];
	const genderChar = match[2][0];
	const genderDigit = genderChar === '*' ? null : Number(genderChar);
	const century = genderDigit === null ? null : centuryOfGenderDigit(genderDigit);

	let dateValid: boolean | null = null;
	let birthDate: string | null = null;
	if (!yymmdd.includes('*')) {
		if (century !== null) {
			dateValid = birthDateValidity(yymmdd, [century]);
			if (dateValid) {
				birthDate = formatIsoDate(
					century + Number(yymmdd.slice(0, 2)),
					Number(yymmdd.slice(2, 4)),
					Number(yymmdd.slice(4, 6)),
				);
			}
		} else if (!birthDateValidity(yymmdd, ALL_CENTURIES)) {
			// Impossible in every century (e.g. month 13), so certain even without the gender digit.
			dateValid = false;
		}
	}

	const foreigner = genderDigit === null ? null : genderDigit >= 5 && genderDigit <= 8;
	let checksumValid: boolean | null = null;
	const cannotHaveChecksum = birthDate !== null && birthDate >= RANDOM_SERIAL_SINCE;
	if (!digits.includes('*') && dateValid !== false && !cannotHaveChecksum) {
		const first12 = digits.slice(0, 12);
		const expected = foreigner ? foreignerCheckDigits(first12) : [rrnCheckDigit(first12)];
		checksumValid = expected.includes(Number(digits[12]));
	}

	return {
		shape: true,
		masked: digits.includes('*'),
		genderDigit,
		foreigner,
		sex: genderDigit === null ? null : sexOfGenderDigit(genderDigit),
		birthDate,
		dateValid,
		checksumValid,
	};
}

export function checkRrn(fieldText: string, options: RrnCheckOptions = {}): RrnCheck {
	const text = readableFieldText(fieldText);
	const reading = readRrn(text);
	const warnings: string[] = [];
	if (text.trim() === '') {
		return { valid: null, warnings, reading, checks: { format: null, date: null, checksum: null } };
	}
	if (!reading.shape) {
		return {
			valid: false,
			warnings: ['not in the YYMMDD-GNNNNNN shape'],
			reading,
			checks: { format: false, date: null, checksum: null },
		};
	}

	let date = reading.dateValid;
	if (date === false) warnings.push('birth date is not a real calendar date');
	if (
		date === true &&
		options.runDate &&
		reading.birthDate !== null &&
		reading.birthDate > options.runDate
	) {
		date = false;
		warnings.push('birth date is after the run date');
	}

	// Advisory: numbers issued since RANDOM_SERIAL_SINCE have no check digit, and the formula
	// for foreigner numbers is not settled.
	const notes: string[] = [];
	let checksum = reading.checksumValid;
	if (checksum === false && reading.foreigner === true) {
		checksum = null;
		notes.push('checksum does not match the usual formulas (advisory for foreigner numbers)');
	} else if (checksum === false) {
		notes.push(`checksum does not match (numbers issued since ${RANDOM_SERIAL_SINCE} have none)`);
	}

	if (options.expectForeigner && reading.foreigner === false) {
		warnings.push('gender digit is not a foreigner digit (5-8)');
	}

	return {
		valid: date,
		warnings,
		...(notes.length > 0 ? { notes } : {}),
		reading,
		checks: { format: true, date, checksum },
	};
}
