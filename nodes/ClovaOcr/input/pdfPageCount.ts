/**
 * The page count of a PDF from its page tree: the trailer's `/Root` names the catalog, the
 * catalog's `/Pages` names the root of the page tree, and that node's `/Count` is the number
 * of pages. Read from the file's text without a full PDF parser, so null whenever any step
 * cannot be read plainly (e.g. the objects sit in a compressed object stream): the caller
 * then sends the file and lets the service decide. Every step is linear in the file (up to
 * 50 MiB, and n8n's event loop waits for it); the meter counts what the steps read.
 */
import { directCount } from './pdfCount';
import { isPagesNode, lastRootReference, objectBody, pagesReference } from './pdfObjects';
import { PdfText } from './pdfText';
import type { ReadMeter } from './readMeter';

export function pdfPageCount(bytes: Uint8Array, meter: ReadMeter = { reads: 0 }): number | null {
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
	const root = lastRootReference(text, meter);
	const catalog = root === null ? null : objectBody(text, root, meter);
	const pages = catalog === null ? null : pagesReference(catalog, meter);
	const node = pages === null ? null : objectBody(text, pages, meter);
	if (node === null || !isPagesNode(node, meter)) return null;
	return directCount(new PdfText(node, meter));
}
