/**
 * Masking of resident and alien registration numbers. It fails closed: whatever
 * the OCR text looks like (labels, odd separators, letters read for digits,
 * full-width digits, an extra or a missing digit), the masked text holds at most
 * the first 7 characters that could be a digit; every later one becomes `*`.
 */

/** Fields that hold a registration number, in any document type. */
export const REGISTRATION_NUMBER_FIELDS: ReadonlySet<string> = new Set([
	'personalNum',
	'alienRegNum',
	'alienRegNumEtc',
]);

/**
 * Letters OCR reads for digits (and digits for them). Full-width and other
 * compatibility forms (`Ｏ`, `ｌ`, `｜`) are matched through their NFKC form.
 */
const DIGIT_LIKE_LETTERS: ReadonlySet<string> = new Set([
	// 0
	...'OoDQ',
	'ㅇ', // Hangul ieung
	'\u110b', // ieung as a conjoining jamo (NFKC of ㅇ)
	'О', // Cyrillic
	'о',
	'Ο', // Greek
	'ο',
	// 1
	...'Iil|!',
	'ㅣ', // Hangul vowel i
	'\u1175', // vowel i as a conjoining jamo (NFKC of ㅣ)
	'І', // Cyrillic
	'і',
	'Ι', // Greek
	// 2, 5, 6, 8, 9
	...'ZzSsGbBqg',
	'З', // Cyrillic ze (3)
	'з',
	'Б', // Cyrillic be (6)
	'б',
]);

const NUMERIC = /\p{N}/u;

/** Whether OCR may have read this character (one code point) for a digit. `*` is not: it is a masked digit. */
export function isDigitLike(char: string): boolean {
	return (
		NUMERIC.test(char) ||
		DIGIT_LIKE_LETTERS.has(char) ||
		DIGIT_LIKE_LETTERS.has(char.normalize('NFKC'))
	);
}

const MASK = '*';

/** Digits kept when the text reads as a number (YYMMDD + the gender digit). */
const KEPT_IN_A_NUMBER = 7;
/** Digits kept when it does not: nothing tells where the number starts. */
const KEPT_OTHERWISE = 6;
/** Characters allowed between YYMMDD and the last 7 (`-`, ` - `, `ㅡ`, a line break). */
const MAX_SEPARATOR_LENGTH = 3;

type CharClass = 'digit' | 'masked' | 'other';

function classOf(char: string): CharClass {
	if (char === MASK) return 'masked';
	return isDigitLike(char) ? 'digit' : 'other';
}

/**
 * Whether the text reads as one registration number: six digit-like or `*`
 * characters, a short separator (or none), seven more, with nothing
 * digit-like before or after (a label such as `주민등록번호` may come first).
 */
function readsAsNumber(classes: CharClass[]): boolean {
	const first = classes.findIndex((c) => c !== 'other');
	if (first === -1) return false;
	let last = classes.length - 1;
	while (classes[last] === 'other') last--;
	const core = classes.slice(first, last + 1);
	const head = core.slice(0, 6);
	const tail = core.slice(-7);
	const separator = core.slice(6, core.length - 7);
	return (
		core.length >= 13 &&
		head.every((c) => c !== 'other') &&
		tail.every((c) => c !== 'other') &&
		separator.length <= MAX_SEPARATOR_LENGTH &&
		separator.every((c) => c === 'other')
	);
}

/**
 * Masks a resident/alien registration number: keeps the first 7 digit-like
 * characters (6 when the text does not read as a number) and turns every
 * later one into `*`. Separators, labels and the length stay as they are.
 * Text that already shows no more than that (`800101-1******`,
 * `800***-234****`) comes back unchanged.
 */
export function maskRegistrationNumber(text: string): string {
	const chars = Array.from(text);
	const classes = chars.map(classOf);
	let kept = readsAsNumber(classes) ? KEPT_IN_A_NUMBER : KEPT_OTHERWISE;
	return chars
		.map((char, i) => {
			if (classes[i] !== 'digit') return char;
			if (kept > 0) {
				kept--;
				return char;
			}
			return MASK;
		})
		.join('');
}

/** Masks registration-number fields; other fields are returned unchanged. */
export function maskSensitiveValue(field: string, value: string): string {
	return REGISTRATION_NUMBER_FIELDS.has(field) ? maskRegistrationNumber(value) : value;
}
