import { businessNumberOf, numberCharactersOf } from '../../model/businessNumbers';
import type { CheckResult } from '../checkResult';
import { readableFieldText } from '../fieldTextLimit';

/*
 * 사업자등록번호 `NNN-NN-NNNNN`: a 3-digit office code, a 2-digit middle code (the kind of
 * business, see taxType.ts), a 4-digit serial and a check digit. Check digit: weights
 * 1,3,7,1,3,7,1,3,5 over the first nine digits, plus the tens digit of (ninth digit × 5);
 * check = (10 − sum mod 10) mod 10. The rule is the one public code has used for years
 * (e.g. eGovFramework's EgovNumberCheckUtil.checkCompNumber) and every published number we
 * checked satisfies it (see test/unit/validation/business/businessNumber.test.ts).
 */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

const DIGITS = 10;

/** The middle code no kind of business is given (codes run 01..99). */
const UNASSIGNED_MIDDLE_CODE = '00';

export type BusinessNumberCheck = CheckResult & {
	/** `NNN-NN-NNNNN`, or null when the text is not 10 digits. */
	number: string | null;
	/** format: 10 digits; checkDigit: the last digit matches. null = masked or missing. */
	checks: { format: boolean | null; checkDigit: boolean | null };
};

/** The check digit of the first nine digits (a string of nine ASCII digits). */
export function businessCheckDigit(firstNine: string): number {
	let sum = 0;
	for (let i = 0; i < WEIGHTS.length; i++) sum += Number(firstNine[i]) * WEIGHTS[i];
	sum += Math.floor((Number(firstNine[8]) * 5) / 10);
	return (10 - (sum % 10)) % 10;
}

/** Digits 4-5 of a business registration number (its kind of business); null unless 10 digits. */
export function middleCodeOf(text: string): string | null {
	return businessNumberOf(readableFieldText(text))?.slice(4, 6) ?? null;
}

function unknown(): BusinessNumberCheck {
	return { valid: null, warnings: [], number: null, checks: { format: null, checkDigit: null } };
}

/** Shape and check digit; warnings never echo the number. */
export function checkBusinessNumber(fieldText: string): BusinessNumberCheck {
	const text = readableFieldText(fieldText);
	if (text.trim() === '') return unknown();
	const characters = numberCharactersOf(text, DIGITS);
	if (characters !== null && characters.length === DIGITS && characters.includes('*')) {
		return unknown();
	}
	const number = businessNumberOf(text);
	if (number === null) {
		return {
			valid: false,
			warnings: ['not in the NNN-NN-NNNNN shape (10 digits)'],
			number: null,
			checks: { format: false, checkDigit: null },
		};
	}
	const digits = number.replace(/-/g, '');
	const checkDigit = businessCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
	const notes =
		digits.slice(3, 5) === UNASSIGNED_MIDDLE_CODE
			? ['middle code 00 is not in the National Tax Service numbering (01-99)']
			: [];
	return {
		valid: checkDigit,
		warnings: checkDigit ? [] : ['check digit does not match'],
		...(notes.length > 0 ? { notes } : {}),
		number,
		checks: { format: true, checkDigit },
	};
}
