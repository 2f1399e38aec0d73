import { yearOf } from '../model/calendar';
import { combineValidity, type CheckResult } from './checkResult';
import { readableFieldText } from './fieldTextLimit';
import { dateOfField, firstValue } from './contextFields';
import { centuryOfGenderDigit, sexOfGenderDigit } from './genderDigit';
import { readSexField } from './sexField';
import type { Sex, ValidationContext } from './types';

/** `GNNNNNN` once whitespace is removed, a separator allowed before it; `*` is a masked digit. */
const BACK_HALF_SHAPE = /^[-‐‑–—−]?([0-9*])[0-9*]{6}$/;

/** What the rest of a passport says about its holder; null where it says nothing readable. */
export interface Holder {
	/** ISO date. */
	birthDate: string | null;
	sex: Sex | null;
}

export type BackHalfCheck = CheckResult & {
	checks: { format: boolean | null; century: boolean | null; sex: boolean | null };
};

/** The holder of a passport: its `birthDate` and `sex` fields. */
export function passportHolderOf(context: ValidationContext): Holder {
	return {
		birthDate: dateOfField(context, 'birthDate'),
		sex: readSexField(firstValue(context, 'sex') ?? ''),
	};
}

/**
 * The back half of a registration number alone (a passport's `personalNum`): its gender digit
 * must give the century of the holder's birth date and the holder's sex. A masked gender
 * digit, or a birth date or sex that cannot be read, makes that check unknown.
 */
export function checkRegistrationBackHalf(text: string, holder: Holder): BackHalfCheck {
	const compact = readableFieldText(text).replace(/\s+/g, '');
	if (compact === '') {
		return { valid: null, warnings: [], checks: { format: null, century: null, sex: null } };
	}
	const match = BACK_HALF_SHAPE.exec(compact);
	if (!match) {
		return {
			valid: false,
			warnings: ['not the back half of a registration number (7 digits)'],
			checks: { format: false, century: null, sex: null },
		};
	}
	const digit = match[1] === '*' ? null : Number(match[1]);
	const century =
		digit === null || holder.birthDate === null
			? null
			: centuryOfGenderDigit(digit) === Math.floor(yearOf(holder.birthDate) / 100) * 100;
	const sex = digit === null || holder.sex === null ? null : sexOfGenderDigit(digit) === holder.sex;
	const warnings: string[] = [];
	if (century === false) warnings.push("gender digit does not match the birth date's century");
	if (sex === false) warnings.push('gender digit does not match the sex field');
	return {
		valid: combineValidity([true, century, sex]),
		warnings,
		checks: { format: true, century, sex },
	};
}
