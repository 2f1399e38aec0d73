import type { PdfText } from './pdfText';

/** The largest number read as a count: `\d{1,9}`. */
const MAX_NUMBER_DIGITS = 9;

const R = 0x52;

/** What follows a number: ` M R` (one more number, then R), ` M L R` (two), or neither. */
type Tail = 'oneNumber' | 'twoNumbers' | 'other';

/** Reads ` M R` or ` M L R` (no `\b` after R) at `from`; stops at the first character that fits neither. */
function tailAt(text: PdfText, from: number): Tail {
	let at = text.whitespaceEnd(from);
	if (at === from) return 'other';
	for (let numbers = 1; numbers <= 2; numbers++) {
		const digitsStop = text.digitsEnd(at);
		if (digitsStop === at) return 'other';
		const next = text.whitespaceEnd(digitsStop);
		if (next === digitsStop) return 'other';
		if (text.code(next) === R) return numbers === 1 ? 'oneNumber' : 'twoNumbers';
		at = next;
	}
	return 'other';
}

/**
 * The first direct `/Count n` of a page tree node: what
 * `/\/Count\s+(\d{1,9})(?!\s*\d*\s+\d+\s+R)/` read, in one pass. That regex backtracked over
 * every split of a run of whitespace (3.5 s for `/Count 1` and 40 KB of spaces); this reads
 * the digits once and then only what follows them, including its corner cases: a reference
 * (`/Count 8 0 R`) is skipped; a longer run of digits gives its first 9; and `/Count 12 3 4 R`
 * gives 1, the digits the regex kept when its look-ahead rejected all of them.
 */
export function directCount(body: PdfText): number | null {
	for (let at = body.find('/Count', 0); at >= 0; at = body.find('/Count', at + 6)) {
		const digits = body.whitespaceEnd(at + 6);
		if (digits === at + 6) continue;
		const digitsStop = body.digitsEnd(digits);
		const length = digitsStop - digits;
		if (length === 0) continue;
		const tail = tailAt(body, digitsStop);
		let kept = 0;
		if (length > MAX_NUMBER_DIGITS) kept = tail === 'oneNumber' ? 0 : MAX_NUMBER_DIGITS;
		else if (tail === 'other') kept = length;
		else if (tail === 'twoNumbers') kept = length - 1;
		if (kept > 0) return Number(body.slice(digits, digits + kept));
	}
	return null;
}
