/**
 * The structure a PDF's page count is read from: references (`/Root 1 0 R`), object headers
 * (`2 0 obj`) and `/Type /Pages`. Each is found by one regex pass that the regexp lint
 * proves cannot backtrack super-linearly (`npm run lint`); native matching keeps a 50 MiB
 * file full of near misses fast. The meter counts the characters each pass covers.
 */
import type { ReadMeter } from './readMeter';

/** An indirect reference's object number and generation, as written (`/Pages 2 0 R` → ['2', '0']). */
export type ObjectReference = [string, string];

const ROOT_REFERENCE = /\/Root\s+(\d{1,9})\s+(\d{1,9})\s+R\b/g;
const PAGES_REFERENCE = /\/Pages\s+(\d{1,9})\s+(\d{1,9})\s+R\b/;
const PAGES_TYPE = /\/Type\s*\/Pages(?![A-Za-z0-9])/;
// Each number is a whole run of digits (nothing before it, whitespace after it).
const OBJECT_HEADER = /(?<![0-9])(\d+)\s+(\d+)\s+obj\b/g;

/** The last `/Root` reference: an incrementally updated file appends newer trailers. */
export function lastRootReference(text: string, meter: ReadMeter): ObjectReference | null {
	meter.reads += text.length;
	let last: RegExpExecArray | null = null;
	for (const match of text.matchAll(ROOT_REFERENCE)) last = match;
	return last === null ? null : [last[1], last[2]];
}

/** The body of the last definition of an object (up to `endobj`), or null. */
export function objectBody(
	text: string,
	[number, generation]: ObjectReference,
	meter: ReadMeter,
): string | null {
	const [n, g] = [String(Number(number)), String(Number(generation))];
	meter.reads += text.length;
	let start = -1;
	for (const match of text.matchAll(OBJECT_HEADER)) {
		if (match[1] === n && match[2] === g) start = match.index + match[0].length;
	}
	if (start === -1) return null;
	const end = text.indexOf('endobj', start);
	meter.reads += (end === -1 ? text.length : end) - start;
	return end === -1 ? null : text.slice(start, end);
}

/** The catalog's `/Pages` reference, or null. */
export function pagesReference(catalog: string, meter: ReadMeter): ObjectReference | null {
	meter.reads += catalog.length;
	const match = PAGES_REFERENCE.exec(catalog);
	return match === null ? null : [match[1], match[2]];
}

/** Whether a dictionary says `/Type /Pages`. */
export function isPagesNode(body: string, meter: ReadMeter): boolean {
	meter.reads += body.length;
	return PAGES_TYPE.test(body);
}
