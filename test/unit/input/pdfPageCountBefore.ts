/**
 * The regex reading of the PDF page count as it was before the linear scan, kept as the
 * oracle the scan must agree with. Super-linear (seconds on 40 KB): only for short texts.
 */
const ROOT_REFERENCE = /\/Root\s+(\d{1,9})\s+(\d{1,9})\s+R\b/g;
const PAGES_REFERENCE = /\/Pages\s+(\d{1,9})\s+(\d{1,9})\s+R\b/;
const PAGES_TYPE = /\/Type\s*\/Pages(?![A-Za-z0-9])/;
export const DIRECT_COUNT_BEFORE = /\/Count\s+(\d{1,9})(?!\s*\d*\s+\d+\s+R)/;

function lastRootReference(text: string): [string, string] | null {
	let last: RegExpExecArray | null = null;
	for (const match of text.matchAll(ROOT_REFERENCE)) last = match;
	return last === null ? null : [last[1], last[2]];
}

function objectBody(text: string, [number, generation]: [string, string]): string | null {
	const header = new RegExp(`(?<![0-9])${Number(number)}\\s+${Number(generation)}\\s+obj\\b`, 'g');
	let start = -1;
	for (const match of text.matchAll(header)) start = (match.index ?? 0) + match[0].length;
	if (start === -1) return null;
	const end = text.indexOf('endobj', start);
	return end === -1 ? null : text.slice(start, end);
}

export function pdfPageCountBefore(text: string): number | null {
	const root = lastRootReference(text);
	const catalog = root === null ? null : objectBody(text, root);
	const pagesReference = catalog === null ? null : PAGES_REFERENCE.exec(catalog);
	if (!pagesReference) return null;
	const pages = objectBody(text, [pagesReference[1], pagesReference[2]]);
	if (pages === null || !PAGES_TYPE.test(pages)) return null;
	const count = DIRECT_COUNT_BEFORE.exec(pages);
	return count === null ? null : Number(count[1]);
}
