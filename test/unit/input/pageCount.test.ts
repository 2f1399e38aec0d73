import { pdfPageCount } from '../../../nodes/ClovaOcr/input/pdfPageCount';
import { extraPagesFound } from '../../../nodes/ClovaOcr/input/singlePage';
import { MAX_TIFF_DIRECTORIES, tiffPageCount } from '../../../nodes/ClovaOcr/input/tiffPageCount';
import { pdfWithPages, tiffWithDirectories, tiffWithPages } from '../../fixtures/pagedFiles';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('pdfPageCount: /Count of the page tree root named by the catalog', () => {
	test.each([1, 2, 7])('%i page(s)', (pages) => {
		expect(pdfPageCount(pdfWithPages(pages))).toBe(pages);
	});

	test('an incremental update: the last trailer and the last definition win', () => {
		const update =
			'2 0 obj\n<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>\nendobj\n' +
			'5 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n' +
			'trailer\n<< /Size 6 /Root 1 0 R /Prev 9 >>\n%%EOF\n';
		expect(pdfPageCount(Buffer.concat([pdfWithPages(1), latin1(update)]))).toBe(2);
	});

	test('a cross-reference stream dictionary names the root as well', () => {
		const text =
			'%PDF-1.5\n1 0 obj\n<</Type/Catalog/Pages 4 0 R>>\nendobj\n' +
			'4 0 obj\n<</Type/Pages/Count 3/Kids[5 0 R 6 0 R 7 0 R]>>\nendobj\n' +
			'9 0 obj\n<</Type/XRef/Size 10/Root 1 0 R/W[1 2 1]>>\nstream\n\x00\x01\nendstream\nendobj\n';
		expect(pdfPageCount(latin1(text))).toBe(3);
	});

	test('object 12 is not object 2', () => {
		const text =
			'%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
			'12 0 obj\n<< /Type /Pages /Count 9 >>\nendobj\n' +
			'2 0 obj\n<< /Type /Pages /Count 1 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n';
		expect(pdfPageCount(latin1(text))).toBe(1);
	});

	test.each([
		['no trailer /Root', '%PDF-1.4\n2 0 obj\n<< /Type /Pages /Count 2 >>\nendobj\n'],
		[
			'the catalog sits in a compressed object stream',
			'%PDF-1.5\n9 0 obj\n<</Type/XRef/Root 1 0 R>>\nstream\nxx\nendstream\nendobj\n',
		],
		[
			'an indirect /Count',
			'%PDF-1.4\n1 0 obj\n<< /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Count 8 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n',
		],
		[
			'the named object is a page, not the page tree',
			'%PDF-1.4\n1 0 obj\n<< /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Page /Count 2 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n',
		],
		['no endobj', '%PDF-1.4\n1 0 obj\n<< /Pages 2 0 R >>\ntrailer\n<< /Root 1 0 R >>\n'],
		['garbage after the signature', '%PDF-1.4\n\x07\x26\x45\x64\xff\x00/Root'],
	])('unreadable (%s): null', (_case, text) => {
		expect(pdfPageCount(latin1(text))).toBeNull();
	});
});

describe('tiffPageCount: the IFD chain', () => {
	test.each([1, 2, 5])('%i page(s), little-endian', (pages) => {
		expect(tiffPageCount(tiffWithPages(pages))).toEqual({ pages, exact: true });
	});

	test('big-endian', () => {
		expect(tiffPageCount(tiffWithDirectories([{}, {}], { bigEndian: true }))).toEqual({
			pages: 2,
			exact: true,
		});
	});

	test('a reduced-resolution directory (thumbnail) is not a page', () => {
		expect(
			tiffPageCount(tiffWithDirectories([{ newSubfileType: 0 }, { newSubfileType: 1 }])),
		).toEqual({ pages: 1, exact: true });
		expect(tiffPageCount(tiffWithDirectories([{ newSubfileType: 2 }, {}]))).toEqual({
			pages: 2,
			exact: true,
		});
	});

	test('a loop in the chain: null', () => {
		const file = tiffWithPages(2);
		file.writeUInt32LE(8, 8 + 2 + 12 + 4 + 2 + 12); // the second IFD points back at the first
		expect(tiffPageCount(file)).toBeNull();
	});

	test.each([
		['first offset past the end', (f: Buffer) => f.writeUInt32LE(f.length, 4)],
		['first offset inside the header', (f: Buffer) => f.writeUInt32LE(4, 4)],
		['entry count runs past the end', (f: Buffer) => f.writeUInt16LE(5000, 8)],
		['next offset past the end', (f: Buffer) => f.writeUInt32LE(0xfffffff0, 8 + 2 + 12)],
	])('out of bounds (%s): null', (_case, corrupt) => {
		const file = tiffWithPages(1);
		corrupt(file);
		expect(tiffPageCount(file)).toBeNull();
	});

	test('a header alone, or a file shorter than a header: null or no pages', () => {
		expect(tiffPageCount(Buffer.from([0x49, 0x49, 0x2a, 0x00]))).toBeNull();
		expect(tiffPageCount(tiffWithDirectories([]))).toEqual({ pages: 0, exact: true });
	});

	test(`the walk stops after ${MAX_TIFF_DIRECTORIES} directories`, () => {
		const file = tiffWithPages(MAX_TIFF_DIRECTORIES + 1);
		expect(tiffPageCount(file)).toEqual({ pages: MAX_TIFF_DIRECTORIES, exact: false });
	});
});

describe('extraPagesFound: what the gate refuses', () => {
	test.each([
		['pdf', pdfWithPages(1), null],
		['pdf', pdfWithPages(2), '2 pages'],
		['tiff', tiffWithPages(1), null],
		['tiff', tiffWithPages(3), '3 pages'],
		['tiff', tiffWithPages(MAX_TIFF_DIRECTORIES + 5), `more than ${MAX_TIFF_DIRECTORIES} pages`],
		['pdf', latin1('%PDF-1.4\nunreadable'), null],
		['jpg', pdfWithPages(2), null],
	] as const)('%s → %s', (format, bytes, expected) => {
		expect(extraPagesFound(format, bytes)).toBe(expected);
	});
});
