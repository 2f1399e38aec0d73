import { pdfPageCount } from './pdfPageCount';
import { tiffPageCount } from './tiffPageCount';
import type { ImageFormat } from './imageFormat';

/** "3 pages", "more than 1024 pages"; null when the file has one page or its count cannot be read. */
export function extraPagesFound(format: ImageFormat, bytes: Uint8Array): string | null {
	if (format === 'pdf') {
		const pages = pdfPageCount(bytes);
		return pages !== null && pages > 1 ? `${pages} pages` : null;
	}
	if (format === 'tiff') {
		const count = tiffPageCount(bytes);
		if (count === null || count.pages <= 1) return null;
		return count.exact ? `${count.pages} pages` : `more than ${count.pages} pages`;
	}
	return null;
}
