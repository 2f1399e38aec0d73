// Real responses share the documented examples' quirk of a trailing comma
// before `}` or `]`, which JSON.parse rejects. The repair is one pass over the
// text that knows where strings are, so commas inside recognized text are never
// touched and no input makes it slower than linear (a regex with alternation
// over strings backtracked: 2 s for an 80 KB body of `\"`).

/** Counts the characters a pass reads; lets a test see that the pass is linear. */
export interface ReadMeter {
	reads: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

function isWhitespace(code: number): boolean {
	return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * Where the string opened at `open` ends (its closing quote), or -1 when it never does.
 * Strings are skipped with `indexOf`, not a character at a time: they are most of an answer.
 * A quote is escaped when an odd run of backslashes precedes it; each run is read once.
 */
function stringEnd(text: string, open: number, meter: ReadMeter): number {
	let from = open + 1;
	for (;;) {
		const quote = text.indexOf('"', from);
		if (quote < 0) {
			meter.reads += text.length - from;
			return -1;
		}
		meter.reads += quote + 1 - from;
		let backslashes = 0;
		while (quote - 1 - backslashes > open && text.charCodeAt(quote - 1 - backslashes) === BACKSLASH)
			backslashes++;
		meter.reads += backslashes;
		if (backslashes % 2 === 0) return quote;
		from = quote + 1;
	}
}

/**
 * The text with every comma that (outside strings) precedes `}` or `]`
 * across whitespace removed. Each character is read at most twice: once by
 * the pass and once more by a look-ahead past a comma or a backslash run.
 */
export function stripTrailingCommas(text: string, meter: ReadMeter = { reads: 0 }): string {
	let result = '';
	let copiedUpTo = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		meter.reads++;
		if (code === QUOTE) {
			const end = stringEnd(text, i, meter);
			if (end < 0) break;
			i = end;
			continue;
		}
		if (code !== COMMA) continue;
		let next = i + 1;
		while (next < text.length && isWhitespace(text.charCodeAt(next))) next++;
		meter.reads += next - i; // the whitespace, and the character that ended it
		const after = text.charCodeAt(next);
		if (after === CLOSE_BRACE || after === CLOSE_BRACKET) {
			result += text.slice(copiedUpTo, i);
			copiedUpTo = i + 1;
		}
		// The whitespace already read holds no comma or quote: the pass goes on after it.
		i = next - 1;
	}
	return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
}

/**
 * Parses JSON that may carry trailing commas; throws SyntaxError otherwise. The repair
 * runs first: it leaves valid JSON as it is, and a failed parse (its error built) costs
 * more than the pass.
 */
export function parseLenientJson(text: string): unknown {
	return JSON.parse(stripTrailingCommas(text));
}
