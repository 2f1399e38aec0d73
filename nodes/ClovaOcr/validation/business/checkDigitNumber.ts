import { numberCharactersOf } from '../../model/businessNumbers';
import type { CheckResult } from '../checkResult';
import { readableFieldText } from '../fieldTextLimit';

/** A registration number with a check digit (business, corporate), as its check reads it. */
export type NumberCheck = CheckResult & {
	/** The number in its written form, or null when the text does not hold its digits. */
	number: string | null;
	/** format: the number of digits; checkDigit: the last digit matches. null = masked or missing. */
	checks: { format: boolean | null; checkDigit: boolean | null };
};

export interface CheckDigitRule {
	digits: number;
	/** The written shape, as warnings name it (`NNN-NN-NNNNN`). */
	shape: string;
	/** The written form when the text holds exactly `digits` digits, else null. */
	written(text: string): string | null;
	/** The check digit of all digits but the last (ASCII digits). */
	checkDigit(leading: string): number;
}

function unknown(): NumberCheck {
	return { valid: null, warnings: [], number: null, checks: { format: null, checkDigit: null } };
}

/** Shape and check digit; masked or empty text is unknown; warnings never echo the number. */
export function checkNumberWithCheckDigit(fieldText: string, rule: CheckDigitRule): NumberCheck {
	const text = readableFieldText(fieldText);
	if (text.trim() === '') return unknown();
	const characters = numberCharactersOf(text, rule.digits);
	if (characters !== null && characters.length === rule.digits && characters.includes('*')) {
		return unknown();
	}
	const number = rule.written(text);
	if (number === null) {
		return {
			valid: false,
			warnings: [`not in the ${rule.shape} shape (${rule.digits} digits)`],
			number: null,
			checks: { format: false, checkDigit: null },
		};
	}
	const digits = number.replace(/-/g, '');
	const last = rule.digits - 1;
	const checkDigit = rule.checkDigit(digits.slice(0, last)) === Number(digits[last]);
	return {
		valid: checkDigit,
		warnings: checkDigit ? [] : ['check digit does not match'],
		number,
		checks: { format: true, checkDigit },
	};
}
