/** page-count.ts: the pages of a PDF (its page tree's /Count) and of a TIFF (its IFD chain). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { contractPdf } from '../../samples/multi-page-pdf';
import { pageCountOf, pdfPageCount, tiffPageCount } from '../page-count';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');
const sample = (file: string) => readFileSync(join(SAMPLES, file));

/** A little- or big-endian TIFF header whose IFDs are chained by `next` offsets. */
function tiff(ifdOffsets: number[], size = 256, bigEndian = false): Buffer {
	const bytes = Buffer.alloc(size);
	bytes.write(bigEndian ? 'MM' : 'II', 0, 'latin1');
	const u16 = (value: number, at: number) =>
		bigEndian ? bytes.writeUInt16BE(value, at) : bytes.writeUInt16LE(value, at);
	const u32 = (value: number, at: number) =>
		bigEndian ? bytes.writeUInt32BE(value, at) : bytes.writeUInt32LE(value, at);
	u16(42, 2);
	u32(ifdOffsets[0] ?? 0, 4);
	ifdOffsets.forEach((offset, index) => {
		u16(0, offset); // no entries
		u32(ifdOffsets[index + 1] ?? 0, offset + 2);
	});
	return bytes;
}

describe('pdfPageCount', () => {
	it('reads the samples and built PDFs', () => {
		expect(pdfPageCount(sample('contract.pdf'))).toBe(3);
		expect(pdfPageCount(sample('resident-card.pdf'))).toBe(1);
		expect(pdfPageCount(sample('driver-license.pdf'))).toBe(1);
		expect(pdfPageCount(contractPdf(20).pdf)).toBe(20);
	});

	it('takes the page tree root’s count (the largest), in either spelling', () => {
		const pdf = (body: string) => Buffer.from(`%PDF-1.4\n${body}`, 'latin1');
		expect(
			pdfPageCount(
				pdf(
					'<< /Type/Pages /Kids [3 0 R 4 0 R] /Count 7 >>\n<< /Type /Pages /Count 2 /Parent 1 0 R >>',
				),
			),
		).toBe(7);
		expect(pdfPageCount(pdf('<< /Type /Pages /Count 3 0 R >>'))).toBeNull();
		expect(pdfPageCount(pdf('<< /Type /PagesX /Count 9 >>'))).toBeNull();
		expect(pdfPageCount(pdf('no page tree'))).toBeNull();
		expect(pdfPageCount(pdf('<< /Type /Pages /Count\n\t 12 >>'))).toBe(12);
	});

	it('stays linear on a long run of whitespace after /Count', () => {
		const started = Date.now();
		const pdf = Buffer.from(
			`%PDF-1.4\n<< /Type /Pages /Count 1${' '.repeat(5_000_000)}>>`,
			'latin1',
		);
		expect(pdfPageCount(pdf)).toBe(1);
		expect(Date.now() - started).toBeLessThan(2000);
	});
});

describe('tiffPageCount', () => {
	it('counts the IFD chain, either byte order; the samples are one page', () => {
		expect(tiffPageCount(tiff([8, 40, 80]))).toBe(3);
		expect(tiffPageCount(tiff([8, 40], 256, true))).toBe(2);
		expect(tiffPageCount(sample('resident-card.tiff'))).toBe(1);
		expect(tiffPageCount(sample('driver-license.tiff'))).toBe(1);
	});

	it('stops at a loop, an offset past the end, or a header that is no TIFF', () => {
		const loop = tiff([8, 40]);
		loop.writeUInt32LE(8, 42); // the second IFD points back at the first
		expect(tiffPageCount(loop)).toBe(2);
		const pastTheEnd = tiff([8]);
		pastTheEnd.writeUInt32LE(4000, 10); // the first IFD's next offset
		expect(tiffPageCount(pastTheEnd)).toBe(1);
		expect(tiffPageCount(Buffer.from('II*\0', 'latin1'))).toBeNull();
		expect(tiffPageCount(Buffer.from('not a tiff', 'latin1'))).toBeNull();
	});
});

describe('pageCountOf', () => {
	it('is 1 for images and unreadable counts', () => {
		expect(pageCountOf('png', sample('form.png'))).toBe(1);
		expect(pageCountOf('jpg', sample('form.jpg'))).toBe(1);
		expect(pageCountOf('pdf', Buffer.from('%PDF-1.4 broken', 'latin1'))).toBe(1);
		expect(pageCountOf('pdf', sample('contract.pdf'))).toBe(3);
		expect(pageCountOf('tif', tiff([8, 40]))).toBe(2);
	});
});
