import type { CheckResult } from './checkResult';
import { readableFieldText } from './fieldTextLimit';

// Korean passport numbers: a type letter (M, S, R, O, D, G...) and 8 digits (`M12345678`);
// passports issued since 21 Dec 2021 put a letter in the fifth place (`M123A4567`).
// Matched after whitespace is removed; `*` is a masked character.
const OLD_FORMAT = /^[A-Z][0-9]{8}$/;
const FORMAT_SINCE_2021 = /^[A-Z][0-9]{3}[A-Z][0-9]{4}$/;
const SHAPE = /^[A-Z*][0-9*]{3}[A-Z0-9*][0-9*]{4}$/;

/** The shape of a Korean passport number; null when masked so that the shape cannot be told. */
export function checkPassportNumber(text: string): CheckResult {
	const compact = readableFieldText(text).replace(/\s+/g, '').toUpperCase();
	if (compact === '') return { valid: null, warnings: [] };
	if (OLD_FORMAT.test(compact) || FORMAT_SINCE_2021.test(compact))
		return { valid: true, warnings: [] };
	if (compact.includes('*') && SHAPE.test(compact)) return { valid: null, warnings: [] };
	return {
		valid: false,
		warnings: ['not a Korean passport number shape (M12345678 or M123A4567)'],
	};
}
