/**
 * Business registration numbers (사업자등록번호, `NNN-NN-NNNNN`) and corporate registration
 * numbers (법인등록번호, `NNNNNN-NNNNNNN`) as printed on a business registration certificate.
 * Readers only: whether a number is valid is decided in validation/business.
 */

/** Characters dropped between digits: spaces (any whitespace), dots and hyphen-like dashes. */
const SEPARATORS = new Set(['.', '-', '‐', '‑', '–', '—', '−']);

const BUSINESS_NUMBER_DIGITS = 10;
const CORPORATE_NUMBER_DIGITS = 13;

function isSeparator(char: string): boolean {
	return SEPARATORS.has(char) || char.trim() === '';
}

function isDigit(char: string): boolean {
	return char >= '0' && char <= '9';
}

/**
 * The digits and `*` (masked digits) of a number text once separators are dropped; null when
 * the text holds any other character or more than `maxLength` of them. One pass, no regex:
 * it stops at the first character that is not part of a number.
 */
export function numberCharactersOf(text: string, maxLength: number): string | null {
	let characters = '';
	for (const char of text) {
		if (isSeparator(char)) continue;
		if (!isDigit(char) && char !== '*') return null;
		if (characters.length === maxLength) return null;
		characters += char;
	}
	return characters;
}

function digitsOf(text: string, length: number): string | null {
	const characters = numberCharactersOf(text, length);
	return characters !== null && characters.length === length && !characters.includes('*')
		? characters
		: null;
}

/** `NNN-NN-NNNNN` when the text holds exactly 10 digits and nothing but separators, else null. */
export function businessNumberOf(text: string): string | null {
	const digits = digitsOf(text, BUSINESS_NUMBER_DIGITS);
	return digits === null ? null : `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** `NNNNNN-NNNNNNN` when the text holds exactly 13 digits and nothing but separators, else null. */
export function corporateNumberOf(text: string): string | null {
	const digits = digitsOf(text, CORPORATE_NUMBER_DIGITS);
	return digits === null ? null : `${digits.slice(0, 6)}-${digits.slice(6)}`;
}
