/**
 * PDF texts that made the page count's regexes backtrack (git log -p --
 * nodes/ClovaOcr/input/pdfPageCount.ts): `/Count\s+(\d{1,9})(?!\s*\d*\s+\d+\s+R)` tried every
 * split of a run of whitespace after the count (quadratic), and the `/Root` and object-header
 * regexes rescanned runs of whitespace and digits. Each is about `size` characters, a PDF by
 * its signature.
 */

/** A catalog (object 1), a page tree node (object 2) with `pagesNode` in its dictionary, a trailer. */
function pdfWithPagesNode(pagesNode: string): string {
	return (
		'%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
		`2 0 obj\n<< /Type /Pages ${pagesNode} >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n`
	);
}

const repeatTo = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length));

export type PdfText = (size: number) => string;

/** `/Count 1` and a run of spaces in the page tree node: the 40 KB file that blocked n8n 3.5 s. */
export const spacesAfterCount: PdfText = (size) => pdfWithPagesNode('/Count 1' + ' '.repeat(size));

/** `/Count 1 1 1 1 …`: every number could start an indirect reference `n g R`. */
export const referenceLikeTail: PdfText = (size) =>
	pdfWithPagesNode('/Count 1 ' + repeatTo('1 ', size));

/** `/Root 1 0 /Root 1 0 …`: trailer keys that never finish their reference. */
export const unfinishedRoots: PdfText = (size) => '%PDF-1.4\n' + repeatTo('/Root 1 0 ', size);

/** A `/Root` reference, then object number 1 and a run of spaces: an object header that never comes. */
export const spacesAfterObjectNumber: PdfText = (size) =>
	'%PDF-1.4\n/Root 1 0 R\n1' + ' '.repeat(size);
