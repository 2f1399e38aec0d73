/**
 * The page count of a PDF from its page tree: the trailer's `/Root` names the catalog, the
 * catalog's `/Pages` names the root of the page tree, and that node's `/Count` is the number
 * of pages. Read from the file's text without a full PDF parser, so null whenever any step
 * cannot be read plainly (e.g. the objects sit in a compressed object stream): the caller
 * then sends the file and lets the service decide.
 */

/** The largest number this reads as an object number, generation or count. */
const MAX_NUMBER_DIGITS = 9;

const ROOT_REFERENCE = /\/Root\s+(\d{1,9})\s+(\d{1,9})\s+R\b/g;
const PAGES_REFERENCE = /\/Pages\s+(\d{1,9})\s+(\d{1,9})\s+R\b/;
const PAGES_TYPE = /\/Type\s*\/Pages(?![A-Za-z0-9])/;
const DIRECT_COUNT = new RegExp(`/Count\\s+(\\d{1,${MAX_NUMBER_DIGITS}})(?!\\s*\\d*\\s+\\d+\\s+R)`);

/** The last `/Root` reference: an incrementally updated file appends newer trailers. */
function lastRootReference(text: string): [string, string] | null {
	let last: RegExpExecArray | null = null;
	for (const match of text.matchAll(ROOT_REFERENCE)) last = match;
	return last === null ? null : [last[1], last[2]];
}

/** The body of the last definition of object `number generation` (up to `endobj`), or null. */
function objectBody(text: string, [number, generation]: [string, string]): string | null {
	const header = new RegExp(`(?<![0-9])${Number(number)}\\s+${Number(generation)}\\s+obj\\b`, 'g');
	let start = -1;
	for (const match of text.matchAll(header)) start = (match.index ?? 0) + match[0].length;
	if (start === -1) return null;
	const end = text.indexOf('endobj', start);
	return end === -1 ? null : text.slice(start, end);
}

export function pdfPageCount(bytes: Uint8Array): number | null {
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
	const root = lastRootReference(text);
	const catalog = root === null ? null : objectBody(text, root);
	const pagesReference = catalog === null ? null : PAGES_REFERENCE.exec(catalog);
	if (!pagesReference) return null;
	const pages = objectBody(text, [pagesReference[1], pagesReference[2]]);
	if (pages === null || !PAGES_TYPE.test(pages)) return null;
	const count = DIRECT_COUNT.exec(pages);
	return count === null ? null : Number(count[1]);
}
