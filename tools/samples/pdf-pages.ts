/**
 * Multi-page PDFs of PNG pages, with Node only (Debian's ImageMagick policy forbids writing PDF):
 * each page is an image XObject holding the PNG's own compressed rows (FlateDecode with the PNG
 * predictors, the palette as an Indexed colour space), so a page's pixels in the PDF are exactly
 * those of the PNG, and `pngPagesOfPdf` gives the PNGs back. The CLOVA emulator marker sits in a
 * PDF comment and in the document Info, as in make-pdf.mjs.
 *
 *   npx tsx tools/samples/pdf-pages.ts out.pdf 'CLOVA-EMULATOR:scenario=general-contract' p1.png p2.png
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What a PDF needs of a PNG: its header, palette and compressed rows. */
export interface PngImage {
	readonly width: number;
	readonly height: number;
	readonly bitDepth: number;
	/** 0 grey, 2 RGB, 3 palette (no alpha: the pages are flattened). */
	readonly colorType: 0 | 2 | 3;
	readonly palette: Buffer | null;
	/** The IDAT chunks' data, concatenated: one zlib stream of filtered rows. */
	readonly idat: Buffer;
}

/** Reads a non-interlaced PNG without alpha. */
export function readPng(bytes: Buffer): PngImage {
	if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
	let offset = 8;
	let header: Buffer | null = null;
	let palette: Buffer | null = null;
	const idat: Buffer[] = [];
	while (offset + 8 <= bytes.length) {
		const length = bytes.readUInt32BE(offset);
		const type = bytes.toString('latin1', offset + 4, offset + 8);
		const data = bytes.subarray(offset + 8, offset + 8 + length);
		if (type === 'IHDR') header = data;
		else if (type === 'PLTE') palette = data;
		else if (type === 'IDAT') idat.push(data);
		else if (type === 'tRNS') throw new Error('PNG with transparency');
		else if (type === 'IEND') break;
		offset += 12 + length;
	}
	if (header === null) throw new Error('PNG without IHDR');
	const colorType = header[9];
	if (colorType !== 0 && colorType !== 2 && colorType !== 3)
		throw new Error(`PNG colour type ${String(colorType)} (alpha?) not supported`);
	if (header[12] !== 0) throw new Error('interlaced PNG not supported');
	if (colorType === 3 && palette === null) throw new Error('palette PNG without PLTE');
	return {
		width: header.readUInt32BE(0),
		height: header.readUInt32BE(4),
		bitDepth: header[8] ?? 8,
		colorType,
		palette: colorType === 3 ? palette : null,
		idat: Buffer.concat(idat),
	};
}

function chunk(type: string, data: Buffer): Buffer {
	const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData));
	return Buffer.concat([length, typeAndData, crc]);
}

/** A PNG of the image, with uncompressed tEXt chunks (keyword, text) before its rows. */
export function writePng(image: PngImage, texts: ReadonlyArray<[string, string]> = []): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(image.width, 0);
	header.writeUInt32BE(image.height, 4);
	header[8] = image.bitDepth;
	header[9] = image.colorType;
	return Buffer.concat([
		PNG_SIGNATURE,
		chunk('IHDR', header),
		...(image.palette === null ? [] : [chunk('PLTE', image.palette)]),
		...texts.map(([keyword, text]) =>
			chunk('tEXt', Buffer.from(`${keyword}\0${text}`, 'latin1')),
		),
		chunk('IDAT', image.idat),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

const CHANNELS: Record<PngImage['colorType'], number> = { 0: 1, 2: 3, 3: 1 };

function colorSpace(image: PngImage): string {
	if (image.colorType === 0) return '/DeviceGray';
	if (image.colorType === 2) return '/DeviceRGB';
	const palette = image.palette ?? Buffer.alloc(0);
	return `[/Indexed /DeviceRGB ${palette.length / 3 - 1} <${palette.toString('hex')}>]`;
}

const pdfString = (text: string): string => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;

export interface PdfOptions {
	/** `CLOVA-EMULATOR:scenario=<name>`, written as a comment and in the Info. */
	readonly marker: string;
	readonly title: string;
	/** Page size in points (A4: 595.28 × 841.89). */
	readonly pageWidthPt: number;
	readonly pageHeightPt: number;
}

export const A4_POINTS = { pageWidthPt: 595.28, pageHeightPt: 841.89 } as const;

/** A PDF with one page per PNG, each page filled by its image. */
export function pdfOfPngPages(pages: readonly Buffer[], options: PdfOptions): Buffer {
	const images = pages.map(readPng);
	const [w, h] = [options.pageWidthPt.toFixed(2), options.pageHeightPt.toFixed(2)];
	const pageObject = (index: number): number => 3 + 3 * index;
	const infoObject = 3 + 3 * images.length;
	const objects: Array<Array<string | Buffer>> = [
		['<< /Type /Catalog /Pages 2 0 R >>'],
		[
			`<< /Type /Pages /Kids [${images.map((_image, i) => `${pageObject(i)} 0 R`).join(' ')}] /Count ${images.length} >>`,
		],
	];
	images.forEach((image, i) => {
		const content = `q ${w} 0 0 ${h} 0 0 cm /Im1 Do Q\n`;
		objects.push(
			[
				`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im1 ${pageObject(i) + 1} 0 R >> >> /Contents ${pageObject(i) + 2} 0 R >>`,
			],
			[
				`<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace ${colorSpace(image)} /BitsPerComponent ${image.bitDepth} /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors ${CHANNELS[image.colorType]} /BitsPerComponent ${image.bitDepth} /Columns ${image.width} >> /Length ${image.idat.length} >>\nstream\n`,
				image.idat,
				'\nendstream',
			],
			[`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}endstream`],
		);
	});
	objects.push([
		`<< /Title ${pdfString(options.title)} /Subject ${pdfString(options.marker)} /Keywords ${pdfString(options.marker)} /Producer (n8n-nodes-clova-ocr tools/samples/pdf-pages.ts) >>`,
	]);
	if (objects.length !== infoObject) throw new Error('object numbering');

	const parts: Buffer[] = [Buffer.from(`%PDF-1.4\n%\xe2\xe3\xcf\xd3\n%${options.marker}\n`, 'latin1')];
	let length = parts[0]!.length;
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(length);
		for (const piece of [`${i + 1} 0 obj\n`, ...body, '\nendobj\n']) {
			const buffer = typeof piece === 'string' ? Buffer.from(piece, 'latin1') : piece;
			parts.push(buffer);
			length += buffer.length;
		}
	});
	const xref = [
		'xref',
		`0 ${objects.length + 1}`,
		'0000000000 65535 f ',
		...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
		'trailer',
		`<< /Size ${objects.length + 1} /Root 1 0 R /Info ${infoObject} 0 R >>`,
		'startxref',
		String(length),
		'%%EOF',
		'',
	].join('\n');
	parts.push(Buffer.from(xref, 'latin1'));
	return Buffer.concat(parts);
}

function dictionaryNumber(dictionary: string, key: string): number {
	const match = new RegExp(`/${key} (\\d+)`).exec(dictionary);
	if (match === null) throw new Error(`image without /${key}`);
	return Number(match[1]);
}

/** The pages of a PDF written by `pdfOfPngPages`, as PNGs (in page order). */
export function pngPagesOfPdf(pdf: Buffer): PngImage[] {
	const text = pdf.toString('latin1');
	const pages: PngImage[] = [];
	const start = '<< /Type /XObject /Subtype /Image ';
	for (let at = text.indexOf(start); at !== -1; at = text.indexOf(start, at + 1)) {
		const streamAt = text.indexOf('>>\nstream\n', at);
		if (streamAt === -1) throw new Error('image without stream');
		const dictionary = text.slice(at, streamAt + 2);
		const length = dictionaryNumber(dictionary, 'Length');
		const dataStart = streamAt + '>>\nstream\n'.length;
		const indexed = /\/Indexed \/DeviceRGB \d+ <([0-9a-f]+)>/.exec(dictionary);
		pages.push({
			width: dictionaryNumber(dictionary, 'Width'),
			height: dictionaryNumber(dictionary, 'Height'),
			bitDepth: dictionaryNumber(dictionary, 'BitsPerComponent'),
			colorType: indexed !== null ? 3 : dictionary.includes('/DeviceGray') ? 0 : 2,
			palette: indexed === null ? null : Buffer.from(indexed[1] ?? '', 'hex'),
			idat: Buffer.from(pdf.subarray(dataStart, dataStart + length)),
		});
	}
	return pages;
}

function main(): void {
	const [output, marker, ...inputs] = process.argv.slice(2);
	if (output === undefined || marker === undefined || inputs.length === 0)
		throw new Error('usage: pdf-pages.ts out.pdf MARKER page1.png [page2.png ...]');
	const pdf = pdfOfPngPages(
		inputs.map((input) => readFileSync(input)),
		{
			marker,
			title: 'Synthetic specimen document (SPECIMEN, no real person or company)',
			...A4_POINTS,
		},
	);
	writeFileSync(output, pdf);
}

if (require.main === module) main();
