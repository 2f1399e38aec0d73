/**
 * How many pages a PDF or TIFF holds, for General and Template OCR, which read every page and
 * answer one `images[]` entry per page. The emulator's own reading (tools never import the
 * node's sources): linear scans, no regular expressions, bounded loops. A file whose count
 * cannot be read counts as one page, as does any other format.
 */
import type { ImageFormat } from './file-signature';

/** The number of pages of a file of this format (1 when unknown or not paged). */
export function pageCountOf(format: ImageFormat, bytes: Buffer): number {
	const count =
		format === 'pdf'
			? pdfPageCount(bytes)
			: format === 'tif' || format === 'tiff'
				? tiffPageCount(bytes)
				: null;
	return count === null || count < 1 ? 1 : count;
}

const PAGES_TYPES = ['/Type /Pages', '/Type/Pages'];

/**
 * A PDF's page count: the largest `/Count` of a `/Type /Pages` dictionary (the root of the page
 * tree counts every page below it). Null when there is none (object streams, damaged files).
 */
export function pdfPageCount(bytes: Buffer): number | null {
	const text = bytes.toString('latin1');
	let best: number | null = null;
	for (const type of PAGES_TYPES) {
		for (let at = text.indexOf(type); at !== -1; at = text.indexOf(type, at + type.length)) {
			// `/Type /Pages` and not `/Type /PagesX`: the next character ends the name.
			const next = text.charCodeAt(at + type.length);
			if ((next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a)) continue;
			const count = countInDictionary(text, at);
			if (count !== null && (best === null || count > best)) best = count;
		}
	}
	return best;
}

/** The direct `/Count n` of the dictionary around `at` (its `<<` before, `>>` after). */
function countInDictionary(text: string, at: number): number | null {
	const start = text.lastIndexOf('<<', at);
	const end = text.indexOf('>>', at);
	if (start === -1 || end === -1) return null;
	const dictionary = text.slice(start, Math.min(end, start + 1_000_000));
	const key = dictionary.indexOf('/Count');
	if (key === -1) return null;
	let index = key + '/Count'.length;
	while (index < dictionary.length && ' \r\n\t\f\0'.includes(dictionary[index] ?? 'x')) index++;
	let digits = '';
	while (index < dictionary.length && digits.length < 9) {
		const c = dictionary[index] ?? '';
		if (c < '0' || c > '9') break;
		digits += c;
		index++;
	}
	// `/Count 3 0 R` would be a reference, not a number: the next token decides.
	let after = index;
	while (after < dictionary.length && ' \r\n\t\f\0'.includes(dictionary[after] ?? 'x')) after++;
	const rest = dictionary.slice(after, after + 8);
	if (/^\d+\s+R\b/.test(rest)) return null;
	return digits === '' ? null : Number(digits);
}

/** At most this many image file directories are followed (a loop or a hostile chain stops here). */
const MAX_IFDS = 10_000;

/** A TIFF's page count: the length of its chain of image file directories. */
export function tiffPageCount(bytes: Buffer): number | null {
	if (bytes.length < 8) return null;
	const little = bytes[0] === 0x49 && bytes[1] === 0x49;
	const big = bytes[0] === 0x4d && bytes[1] === 0x4d;
	if (!little && !big) return null;
	const u16 = (at: number): number => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
	const u32 = (at: number): number => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
	let offset = u32(4);
	const seen = new Set<number>();
	let count = 0;
	while (offset !== 0) {
		if (seen.has(offset) || count >= MAX_IFDS || offset + 2 > bytes.length) break;
		seen.add(offset);
		const entries = u16(offset);
		const next = offset + 2 + entries * 12;
		if (next + 4 > bytes.length) {
			count++;
			break;
		}
		count++;
		offset = u32(next);
	}
	return count === 0 ? null : count;
}
