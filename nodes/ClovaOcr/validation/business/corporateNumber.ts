import { corporateNumberOf, numberCharactersOf } from '../../model/businessNumbers';
import type { CheckResult } from '../checkResult';
import { readableFieldText } from '../fieldTextLimit';

/*
 * 법인등록번호 `NNNNNN-NNNNNNN`: a 4-digit registry office code, a 2-digit kind of corporation,
 * a 6-digit serial and a check digit (오류검색번호), set by the Supreme Court rule on
 * registration numbers (법인 및 재외국민의 부동산등기용등록번호 부여에 관한 규칙): weights
 * 1,2,1,2,… over the first twelve digits, check = (10 − sum mod 10) mod 10. The rule's own
 * worked example: 110111-006243 → sum 28 → check 2.
 */
const DIGITS = 13;

export type CorporateNumberCheck = CheckResult & {
	/** `NNNNNN-NNNNNNN`, or null when the text is not 13 digits. */
	number: string | null;
	/** format: 13 digits; checkDigit: the last digit matches. null = masked or missing. */
	checks: { format: boolean | null; checkDigit: boolean | null };
};

/** The check digit of the first twelve digits (a string of twelve ASCII digits). */
export function corporateCheckDigit(firstTwelve: string): number {
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(firstTwelve[i]) * (i % 2 === 0 ? 1 : 2);
	return (10 - (sum % 10)) % 10;
}

function unknown(): CorporateNumberCheck {
	return { valid: null, warnings: [], number: null, checks: { format: null, checkDigit: null } };
}

/** Shape and check digit; warnings never echo the number. */
export function checkCorporateNumber(fieldText: string): CorporateNumberCheck {
	const text = readableFieldText(fieldText);
	if (text.trim() === '') return unknown();
	const characters = numberCharactersOf(text, DIGITS);
	if (characters !== null && characters.length === DIGITS && characters.includes('*')) {
		return unknown();
	}
	const number = corporateNumberOf(text);
	if (number === null) {
		return {
			valid: false,
			warnings: ['not in the NNNNNN-NNNNNNN shape (13 digits)'],
			number: null,
			checks: { format: false, checkDigit: null },
		};
	}
	const digits = number.replace('-', '');
	const checkDigit = corporateCheckDigit(digits.slice(0, 12)) === Number(digits[12]);
	return {
		valid: checkDigit,
		warnings: checkDigit ? [] : ['check digit does not match'],
		number,
		checks: { format: true, checkDigit },
	};
}
