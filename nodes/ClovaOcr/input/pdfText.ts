import type { ReadMeter } from './readMeter';

const WHITESPACE_RUN = /\s*/y;
const DIGIT_RUN = /\d*/y;
const SHORT_RUN = 16;

/** JavaScript's `\s` among latin1 code units (all a PDF decodes to). */
function isWhitespace(code: number): boolean {
	return (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0;
}

function isDigit(code: number): boolean {
	return code >= 0x30 && code <= 0x39;
}

/**
 * Text read forward with indexOf, runs of one class and single characters, never a regex
 * that can backtrack, so no input makes a read slower than linear; every character looked
 * at counts on the meter.
 */
export class PdfText {
	constructor(
		readonly text: string,
		readonly meter: ReadMeter = { reads: 0 },
	) {}

	/** The code unit at `at`, or -1 outside the text. */
	code(at: number): number {
		this.meter.reads++;
		return at >= 0 && at < this.text.length ? this.text.charCodeAt(at) : -1;
	}

	/** Where `needle` next occurs at or after `from`, or -1. */
	find(needle: string, from: number): number {
		const at = this.text.indexOf(needle, from);
		this.meter.reads += (at < 0 ? this.text.length : at + needle.length) - from;
		return at;
	}

	/** The end of the run of whitespace that starts at `from` (`from` itself when there is none). */
	whitespaceEnd(from: number): number {
		return this.runEnd(from, isWhitespace, WHITESPACE_RUN);
	}

	/** The end of the run of digits that starts at `from`. */
	digitsEnd(from: number): number {
		return this.runEnd(from, isDigit, DIGIT_RUN);
	}

	/**
	 * Short runs a character at a time; a long one by a sticky regex of its one class, which
	 * reads it once at native speed (a loop in JavaScript is several times slower).
	 */
	private runEnd(from: number, inRun: (code: number) => boolean, run: RegExp): number {
		const { text } = this;
		const shortEnd = Math.min(text.length, from + SHORT_RUN);
		let at = from;
		while (at < shortEnd && inRun(text.charCodeAt(at))) at++;
		if (at === shortEnd && at < text.length) {
			run.lastIndex = at;
			if (run.test(text)) at = run.lastIndex;
		}
		this.meter.reads += at - from + 1; // the run and the character that ends it
		return at;
	}

	slice(start: number, end: number): string {
		return this.text.slice(start, end);
	}
}
