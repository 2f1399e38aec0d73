/**
 * How the boundary reads a character of any string it lets out: a position of a number (a
 * character OCR may have read for a digit, or a masked digit), a character to ignore inside a
 * number (spaces, line breaks, zero-width and other format characters), a separator (the
 * punctuation OCR reads between a number's parts), or anything else.
 */
export type CharacterClass = 'position' | 'ignorable' | 'separator' | 'other';

/**
 * Letters OCR reads for digits, with the digit each stands for. Full-width and other
 * compatibility forms (`Ｏ`, `ｌ`, `｜`) are matched through their NFKC form. The table is closed
 * under upper-casing (`L` for `l`): a label made from a key the service sent upper-cases its first
 * letter, and must not turn a position into a letter. No service text is lower-cased.
 */
const DIGIT_OF_LETTER: Readonly<Record<string, string>> = {
	...Object.fromEntries([...'OoDQ'].map((letter) => [letter, '0'])),
	ㅇ: '0', // Hangul ieung
	'\u110b': '0', // ieung as a conjoining jamo (NFKC of ㅇ)
	О: '0', // Cyrillic
	о: '0',
	Ο: '0', // Greek
	ο: '0',
	...Object.fromEntries([...'IiLl|!'].map((letter) => [letter, '1'])),
	ㅣ: '1', // Hangul vowel i
	'\u1175': '1', // vowel i as a conjoining jamo (NFKC of ㅣ)
	І: '1', // Cyrillic
	і: '1',
	Ι: '1', // Greek
	Z: '2',
	z: '2',
	З: '3', // Cyrillic ze
	з: '3',
	S: '5',
	s: '5',
	G: '6',
	b: '6',
	Б: '6', // Cyrillic be
	б: '6',
	B: '8',
	q: '9',
	g: '9',
};

/** Characters that stand for a masked digit: they count as a position of a number. */
const MASK_CHARACTERS: ReadonlySet<string> = new Set([...'*＊∗⁎✱✲✳﹡⋆#＃']);

const DECIMAL_DIGIT = /^\p{Nd}$/u;
const NUMERIC = /^\p{N}$/u;
/** White space, format characters (zero-width space and joiners, BOM, bidi marks, soft hyphen). */
const IGNORABLE = /^[\s\p{Cf}]$/u;
/** Dashes and dots OCR reads between a number's parts, any script, and the passport's `<` filler. */
const SEPARATOR = /^[\p{Pd}\p{Po}\p{Ps}\p{Pe}\p{Pc}\p{Sm}<>~=^ㅡ一ー]$/u;

/**
 * The digit a Unicode decimal digit stands for: decimal digits come in runs of ten from zero,
 * so the offset from the run's start, modulo ten, is the value.
 */
function decimalValue(char: string): string {
	const code = char.codePointAt(0) ?? 0;
	let start = code;
	while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
	return String((code - start) % 10);
}

/**
 * The digit a position stands for (`*` for a masked one), for comparing two readings of one
 * number; null for a character that is not a position.
 */
export function digitOf(char: string): string | null {
	if (MASK_CHARACTERS.has(char)) return '*';
	// The character as it is first; its NFKC form (`Ｏ`, `ｌ`) only when that says nothing.
	const digit = digitOfForm(char) ?? digitOfForm(char.normalize('NFKC'));
	if (digit !== null) return digit;
	// Other numbers (Roman numerals, fractions, superscripts NFKC keeps): a digit of unknown value.
	return NUMERIC.test(char) ? '?' : null;
}

function digitOfForm(form: string): string | null {
	if (form.length === 0) return null;
	if (/^[0-9]$/.test(form)) return form;
	if (Object.prototype.hasOwnProperty.call(DIGIT_OF_LETTER, form)) return DIGIT_OF_LETTER[form];
	if (MASK_CHARACTERS.has(form)) return '*';
	if (DECIMAL_DIGIT.test(form)) return decimalValue(form);
	return null;
}

/** Whether OCR may have read this character (one code point) for a digit. A mask character is not. */
export function isDigitLike(char: string): boolean {
	const digit = digitOf(char);
	return digit !== null && digit !== '*';
}

function computeClass(char: string): CharacterClass {
	if (digitOf(char) !== null) return 'position';
	if (IGNORABLE.test(char)) return 'ignorable';
	if (SEPARATOR.test(char) || SEPARATOR.test(char.normalize('NFKC'))) return 'separator';
	return 'other';
}

/** Real text uses few distinct characters; the cap keeps hostile text from growing the cache. */
const CLASS_CACHE_LIMIT = 4096;
const classCache = new Map<string, CharacterClass>();

export function classOf(char: string): CharacterClass {
	const cached = classCache.get(char);
	if (cached !== undefined) return cached;
	const computed = computeClass(char);
	if (classCache.size < CLASS_CACHE_LIMIT) classCache.set(char, computed);
	return computed;
}

/** The character that replaces a hidden position. */
export const MASK = '*';
