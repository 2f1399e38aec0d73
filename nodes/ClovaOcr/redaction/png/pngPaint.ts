import type { RedactionBudget } from '../budget';
import { forEachCoveredRun } from '../coveredRuns';
import { unsupported } from '../redactionError';
import type { PixelBox } from '../regions';
import type { PngHeader } from './pngHeader';
import { describePng, rowBytes } from './pngHeader';

/**
 * Paints boxes black in a decoded PNG (packed rows, see unfilterImage).
 *
 * - Gray / RGB: sample value 0. Gray+alpha / RGBA: value 0 and alpha set fully opaque, so the
 *   black bar shows on any background (the pixels' old alpha is not kept).
 * - A tRNS "transparent colour" of black would make the bar transparent: the transparent pixels
 *   are first moved to an unused colour, which becomes the new tRNS colour (they stay fully
 *   transparent, so the image displays the same).
 * - Palette: an opaque black entry is used if there is one; otherwise one is appended (the
 *   indices are widened to 8 bits if the bit depth has no room for it). A full 256-entry
 *   palette without black has an entry that no pixel uses turned into opaque black; only if
 *   all 256 are in use does the bar get the darkest opaque entry (least Rec. 601 luma).
 */

export interface PngImage {
	header: PngHeader;
	/** Rows of 1 + rowBytes bytes, pixels from byte 1 on (see unfilterImage). */
	pixels: Uint8Array;
	palette?: Uint8Array; // PLTE data, 3 bytes per entry
	transparency?: Uint8Array; // tRNS data
}

function setPackedSample(
	pixels: Uint8Array,
	rowStart: number,
	x: number,
	bits: number,
	value: number,
): void {
	const bit = x * bits;
	const shift = 8 - bits - (bit & 7);
	const i = rowStart + (bit >> 3);
	const mask = ((1 << bits) - 1) << shift;
	pixels[i] = (pixels[i] & ~mask) | ((value << shift) & mask);
}

function getPackedSample(pixels: Uint8Array, rowStart: number, x: number, bits: number): number {
	const bit = x * bits;
	return (pixels[rowStart + (bit >> 3)] >> (8 - bits - (bit & 7))) & ((1 << bits) - 1);
}

/** Widens palette indices of 1/2/4 bits to 8 bits. */
function widenIndices(img: PngImage, budget: RedactionBudget): void {
	const h = img.header;
	const stride = rowBytes(h.width, h.bitDepth) + 1;
	budget.allocate((h.width + 1) * h.height, `8-bit palette indices for a ${describePng(h)}`);
	const wide = new Uint8Array((h.width + 1) * h.height);
	for (let y = 0; y < h.height; y++) {
		for (let x = 0; x < h.width; x++)
			wide[y * (h.width + 1) + 1 + x] = getPackedSample(img.pixels, y * stride + 1, x, h.bitDepth);
	}
	img.pixels = wide;
	img.header = { ...h, bitDepth: 8, bitsPerPixel: 8 };
}

function blackPaletteIndex(img: PngImage, budget: RedactionBudget): number {
	const pal = img.palette as Uint8Array;
	const count = Math.floor(pal.length / 3);
	const alpha = (i: number): number =>
		img.transparency && i < img.transparency.length ? img.transparency[i] : 255;
	for (let i = 0; i < count; i++) {
		if (pal[3 * i] === 0 && pal[3 * i + 1] === 0 && pal[3 * i + 2] === 0 && alpha(i) === 255)
			return i;
	}
	if (count < 256) {
		if (count >= 1 << img.header.bitDepth) widenIndices(img, budget);
		const next = new Uint8Array(pal.length + 3);
		next.set(pal.subarray(0, count * 3));
		img.palette = next;
		return count;
	}
	// Full palette (so 8-bit indices): reuse an entry no pixel refers to.
	const h = img.header;
	const stride = h.width + 1;
	const used = new Uint8Array(256);
	for (let y = 0; y < h.height; y++)
		for (let x = 0; x < h.width; x++) used[img.pixels[y * stride + 1 + x]] = 1;
	const free = used.indexOf(0);
	if (free >= 0) {
		const next = pal.slice();
		next.fill(0, 3 * free, 3 * free + 3);
		img.palette = next;
		if (img.transparency && free < img.transparency.length) {
			img.transparency = img.transparency.slice();
			img.transparency[free] = 255;
		}
		return free;
	}
	let best = 0;
	let bestKey = Infinity;
	for (let i = 0; i < count; i++) {
		const luma = 0.299 * pal[3 * i] + 0.587 * pal[3 * i + 1] + 0.114 * pal[3 * i + 2];
		const key = (alpha(i) === 255 ? 0 : 1000) + luma;
		if (key < bestKey) [best, bestKey] = [i, key];
	}
	return best;
}

/** For tRNS colour = black: moves the transparent pixels to an unused colour (see above). */
function moveTransparentBlack(img: PngImage): void {
	const h = img.header;
	const t = img.transparency;
	if (!t) return;
	const sampleBytes = h.bitDepth === 16 ? 2 : 1;
	const stride = rowBytes(h.width, h.bitsPerPixel) + 1;
	if (h.colorType === 0) {
		if (t.length < 2 || ((t[0] << 8) | t[1]) !== 0) return;
		const levels = 1 << h.bitDepth;
		const used = new Uint8Array(levels);
		for (let y = 0; y < h.height; y++) {
			for (let x = 0; x < h.width; x++) {
				let v: number;
				if (h.bitDepth < 8) v = getPackedSample(img.pixels, y * stride + 1, x, h.bitDepth);
				else if (sampleBytes === 1) v = img.pixels[y * stride + 1 + x];
				else v = (img.pixels[y * stride + 1 + 2 * x] << 8) | img.pixels[y * stride + 1 + 2 * x + 1];
				used[v] = 1;
			}
		}
		let free = -1;
		for (let v = 1; v < levels && free < 0; v++) if (!used[v]) free = v;
		if (free < 0)
			throw unsupported(
				'grayscale PNG whose transparent colour is black and that uses every grey level is not supported',
			);
		for (let y = 0; y < h.height; y++) {
			for (let x = 0; x < h.width; x++) {
				if (h.bitDepth < 8) {
					if (getPackedSample(img.pixels, y * stride + 1, x, h.bitDepth) === 0)
						setPackedSample(img.pixels, y * stride + 1, x, h.bitDepth, free);
				} else if (sampleBytes === 1) {
					if (img.pixels[y * stride + 1 + x] === 0) img.pixels[y * stride + 1 + x] = free;
				} else {
					const i = y * stride + 1 + 2 * x;
					if (img.pixels[i] === 0 && img.pixels[i + 1] === 0) {
						img.pixels[i] = free >> 8;
						img.pixels[i + 1] = free & 0xff;
					}
				}
			}
		}
		img.transparency = new Uint8Array([free >> 8, free & 0xff]);
		return;
	}
	if (h.colorType !== 2 || t.length < 6) return;
	for (let i = 0; i < 6; i++) if (t[i] !== 0) return;
	// Candidate colours with channel values 0..2 (not black); pick the first that is not in the image.
	const present = new Uint8Array(27);
	const px = img.pixels;
	const step = 3 * sampleBytes;
	const pixelAt = (p: number): number =>
		Math.floor(p / h.width) * stride + 1 + (p % h.width) * step;
	const n = h.width * h.height;
	for (let p = 0; p < n; p++) {
		const i = pixelAt(p);
		let r: number;
		let g: number;
		let b: number;
		if (sampleBytes === 1) [r, g, b] = [px[i], px[i + 1], px[i + 2]];
		else
			[r, g, b] = [
				(px[i] << 8) | px[i + 1],
				(px[i + 2] << 8) | px[i + 3],
				(px[i + 4] << 8) | px[i + 5],
			];
		if (r < 3 && g < 3 && b < 3) present[r * 9 + g * 3 + b] = 1;
	}
	let free = -1;
	for (let c = 1; c < 27 && free < 0; c++) if (!present[c]) free = c;
	if (free < 0)
		throw unsupported(
			'RGB PNG whose transparent colour is black and that uses all nearby colours is not supported',
		);
	const fr = Math.floor(free / 9);
	const fg = Math.floor(free / 3) % 3;
	const fb = free % 3;
	for (let p = 0; p < n; p++) {
		const i = pixelAt(p);
		let black = true;
		for (let k = 0; k < step; k++) if (px[i + k] !== 0) black = false;
		if (!black) continue;
		if (sampleBytes === 1) [px[i], px[i + 1], px[i + 2]] = [fr, fg, fb];
		else [px[i + 1], px[i + 3], px[i + 5]] = [fr, fg, fb];
	}
	img.transparency = new Uint8Array([0, fr, 0, fg, 0, fb]);
}

/** Paints the boxes; each pixel once, however many boxes cover it (see forEachCoveredRun). */
export function paintBlack(img: PngImage, boxes: PixelBox[], budget: RedactionBudget): void {
	if (boxes.length === 0) return;
	const h0 = img.header;
	let paletteBlack = 0;
	if (h0.colorType === 3) paletteBlack = blackPaletteIndex(img, budget);
	else if (h0.colorType === 0 || h0.colorType === 2) moveTransparentBlack(img);
	const h = img.header;
	const stride = rowBytes(h.width, h.bitsPerPixel) + 1;
	const px = img.pixels;
	const bytesPerPixel = h.bitsPerPixel >> 3;
	const sampleBytes = h.bitDepth >> 3;
	const hasAlpha = h.colorType === 4 || h.colorType === 6;
	const alphaAt = bytesPerPixel - sampleBytes;
	const value = h.colorType === 3 ? paletteBlack : 0;
	forEachCoveredRun(h.width, h.height, boxes, budget, (y, x0, x1) => {
		const row = y * stride + 1;
		if (h.bitDepth < 8) {
			for (let x = x0; x < x1; x++) setPackedSample(px, row, x, h.bitDepth, value);
			return;
		}
		const start = row + x0 * bytesPerPixel;
		const end = row + x1 * bytesPerPixel;
		px.fill(value, start, end);
		if (hasAlpha) {
			for (let i = start + alphaAt; i < end; i += bytesPerPixel) {
				px[i] = 255;
				if (sampleBytes === 2) px[i + 1] = 255;
			}
		}
	});
}
