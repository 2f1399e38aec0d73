import { businessNumberOf } from '../../model/businessNumbers';
import { readableFieldText } from '../fieldTextLimit';
import {
	checkNumberWithCheckDigit,
	type CheckDigitRule,
	type NumberCheck,
} from './checkDigitNumber';

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

export type BusinessNumberCheck = NumberCheck;

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

const BUSINESS_NUMBER: CheckDigitRule = {
	digits: DIGITS,
	shape: 'NNN-NN-NNNNN',
	written: businessNumberOf,
	checkDigit: businessCheckDigit,
};

/** Shape and check digit; warnings never echo the number. */
export function checkBusinessNumber(fieldText: string): BusinessNumberCheck {
	const check = checkNumberWithCheckDigit(fieldText, BUSINESS_NUMBER);
	if (check.number?.slice(4, 6) !== UNASSIGNED_MIDDLE_CODE) return check;
	return {
		...check,
		notes: ['middle code 00 is not in the National Tax Service numbering (01-99)'],
	};
}
