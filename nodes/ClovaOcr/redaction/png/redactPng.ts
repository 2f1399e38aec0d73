import type { RedactionBudget } from '../budget';
import { zlibDeflate } from '../deflate/deflate';
import { zlibInflate } from '../deflate/inflate';
import { damaged } from '../redactionError';
import type { PixelBox } from '../regions';
import { readPngChunks } from './pngChunks';
import { filterRowsInPlace } from './pngFilter';
import { describePng, parseIhdr, rowBytes, type PngHeader } from './pngHeader';
import { paintBlack, type PngImage } from './pngPaint';
import { decodedBytes, filteredSize, unfilterImage } from './pngUnfilter';
import { writePng, type OutputChunk } from './pngWrite';

/**
 * Ancillary chunks kept because they change how the pixels display (colour space, gamma,
 * significant bits, aspect ratio). Everything else (tEXt, zTXt, iTXt, eXIf, tIME, bKGD, hIST,
 * sPLT, private chunks, APNG's acTL/fcTL/fdAT, …) is dropped. pHYs is kept: it holds only the
 * pixel aspect / density. Written in this order, all before PLTE except pHYs.
 */
const KEPT_BEFORE_PLTE = ['cHRM', 'gAMA', 'iCCP', 'sRGB', 'sBIT'];

export function readPngHeader(file: Uint8Array): PngHeader {
	const chunks = readPngChunks(file);
	if (chunks[0]?.type !== 'IHDR') throw damaged('PNG', 'IHDR is not the first chunk');
	return parseIhdr(chunks[0].data);
}

/** Decoded PNG (packed rows) and the chunks that travel with it. */
function decodePng(
	file: Uint8Array,
	budget: RedactionBudget,
): { image: PngImage; kept: OutputChunk[]; phys?: Uint8Array } {
	const chunks = readPngChunks(file);
	if (chunks[0]?.type !== 'IHDR') throw damaged('PNG', 'IHDR is not the first chunk');
	for (const c of chunks) {
		// A critical chunk with a bad CRC is damaged data; a bad ancillary one is simply dropped.
		if (!c.crcOk && (c.type === 'IHDR' || c.type === 'PLTE' || c.type === 'IDAT'))
			throw damaged('PNG', `CRC mismatch in ${c.type}`);
	}
	const header = parseIhdr(chunks[0].data);
	let palette: Uint8Array | undefined;
	let transparency: Uint8Array | undefined;
	let phys: Uint8Array | undefined;
	const kept: OutputChunk[] = [];
	const idatParts: Uint8Array[] = [];
	for (const c of chunks.slice(1)) {
		if (c.type === 'IDAT') {
			if (c.data.length > 0) idatParts.push(c.data);
		} else if (c.type === 'PLTE') {
			if (c.data.length === 0 || c.data.length % 3 !== 0 || c.data.length > 768)
				throw damaged('PNG', 'PLTE has an invalid length');
			palette = c.data.slice();
		} else if (!c.crcOk) {
			continue;
		} else if (c.type === 'tRNS') {
			transparency = c.data.slice();
		} else if (c.type === 'pHYs') {
			phys = c.data.slice();
		} else if (KEPT_BEFORE_PLTE.includes(c.type)) {
			kept.push({ type: c.type, data: c.data.slice() });
		} else if (c.type !== 'IEND' && (c.type.charCodeAt(0) & 0x20) === 0) {
			throw damaged('PNG', `unknown critical chunk ${c.type}`);
		}
	}
	if (header.colorType === 3 && !palette) throw damaged('PNG', 'palette image without PLTE');
	if (header.colorType === 4 || header.colorType === 6) transparency = undefined; // not allowed there
	if (idatParts.length === 0) throw damaged('PNG', 'no image data (IDAT)');
	// Deflate cannot compress better than about 1032:1, so a tiny IDAT for a huge image is
	// damaged (or hostile): refuse before allocating the image buffer.
	let idatSize = 0;
	for (const part of idatParts) idatSize += part.length;
	if (filteredSize(header) > 1100 * idatSize + 4096)
		throw damaged('PNG', `too little image data for ${header.width}×${header.height} pixels`);
	budget.allocate(decodedBytes(header), `the image data of a ${describePng(header)}`);
	const filtered = zlibInflate(idatParts, filteredSize(header));
	const pixels = unfilterImage(header, filtered);
	kept.sort((a, b) => KEPT_BEFORE_PLTE.indexOf(a.type) - KEPT_BEFORE_PLTE.indexOf(b.type));
	return { image: { header, pixels, palette, transparency }, kept, phys };
}

function ihdr(h: PngHeader): Uint8Array {
	const d = new Uint8Array(13);
	const dv = new DataView(d.buffer);
	dv.setUint32(0, h.width);
	dv.setUint32(4, h.height);
	d[8] = h.bitDepth;
	d[9] = h.colorType;
	d[12] = 0; // always written non-interlaced
	return d;
}

/** The PNG with the boxes painted black (see paintBlack), non-interlaced, metadata dropped. */
export function redactPng(
	file: Uint8Array,
	boxes: (header: PngHeader) => PixelBox[],
	budget: RedactionBudget,
): Uint8Array {
	const { image, kept, phys } = decodePng(file, budget);
	paintBlack(image, boxes(image.header), budget);
	const h = image.header;
	const stride = rowBytes(h.width, h.bitsPerPixel) + 1;
	const adaptive = h.colorType !== 3 && h.bitDepth >= 8;
	filterRowsInPlace(image.pixels, h.height, stride, h.bitsPerPixel, adaptive);
	const output = budget.charger('the redacted PNG');
	const idat = zlibDeflate(image.pixels.subarray(0, stride * h.height), output);
	const chunks: OutputChunk[] = [{ type: 'IHDR', data: ihdr(h) }, ...kept];
	if (image.palette) chunks.push({ type: 'PLTE', data: image.palette });
	if (image.transparency) chunks.push({ type: 'tRNS', data: image.transparency });
	if (phys) chunks.push({ type: 'pHYs', data: phys });
	return writePng(chunks, idat, output);
}
