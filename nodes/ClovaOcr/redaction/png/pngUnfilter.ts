import { damaged } from '../redactionError';
import { rowBytes, type PngHeader } from './pngHeader';

/** Adam7 passes: x0, y0, dx, dy. */
export const ADAM7 = [
	[0, 0, 8, 8],
	[4, 0, 8, 8],
	[0, 4, 4, 8],
	[2, 0, 4, 4],
	[0, 2, 2, 4],
	[1, 0, 2, 2],
	[0, 1, 1, 2],
];

interface Pass {
	width: number;
	height: number;
}

function passes(h: PngHeader): Array<Pass & { x0: number; y0: number; dx: number; dy: number }> {
	if (!h.interlaced) return [{ width: h.width, height: h.height, x0: 0, y0: 0, dx: 1, dy: 1 }];
	return ADAM7.map(([x0, y0, dx, dy]) => ({
		width: Math.ceil((h.width - x0) / dx),
		height: Math.ceil((h.height - y0) / dy),
		x0,
		y0,
		dx,
		dy,
	})).filter((p) => p.width > 0 && p.height > 0);
}

/** Size of the decompressed image data (filter bytes included). */
export function filteredSize(h: PngHeader): number {
	let size = 0;
	for (const p of passes(h)) size += p.height * (1 + rowBytes(p.width, h.bitsPerPixel));
	return size;
}

/** Bytes unfilterImage works in: the decompressed data, plus the full image an interlaced one is scattered into. */
export function decodedBytes(h: PngHeader): number {
	const image = h.interlaced ? h.height * (1 + rowBytes(h.width, h.bitsPerPixel)) : 0;
	return filteredSize(h) + image;
}

/** Undoes the filters of `height` rows of `buf` starting at `at` (1 filter byte + rb bytes each), in place. */
function unfilterRows(buf: Uint8Array, at: number, height: number, bpp: number, rb: number): void {
	const stride = rb + 1;
	for (let y = 0; y < height; y++) {
		const row = at + y * stride;
		const f = buf[row];
		const d = row + 1;
		const prev = d - stride;
		const hasPrev = y > 0;
		switch (f) {
			case 0:
				break;
			case 1:
				for (let i = bpp; i < rb; i++) buf[d + i] = (buf[d + i] + buf[d + i - bpp]) & 0xff;
				break;
			case 2:
				if (hasPrev) for (let i = 0; i < rb; i++) buf[d + i] = (buf[d + i] + buf[prev + i]) & 0xff;
				break;
			case 3:
				for (let i = 0; i < rb; i++) {
					const a = i >= bpp ? buf[d + i - bpp] : 0;
					const b = hasPrev ? buf[prev + i] : 0;
					buf[d + i] = (buf[d + i] + ((a + b) >> 1)) & 0xff;
				}
				break;
			case 4:
				if (!hasPrev) {
					for (let i = bpp; i < rb; i++) buf[d + i] = (buf[d + i] + buf[d + i - bpp]) & 0xff;
					break;
				}
				for (let i = 0; i < rb; i++) {
					const b = buf[prev + i];
					if (i < bpp) {
						buf[d + i] = (buf[d + i] + b) & 0xff;
						continue;
					}
					const a = buf[d + i - bpp];
					const c = buf[prev + i - bpp];
					const p = a + b - c;
					const pa = p > a ? p - a : a - p;
					const pb = p > b ? p - b : b - p;
					const pc = p > c ? p - c : c - p;
					buf[d + i] = (buf[d + i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
				}
				break;
			default:
				throw damaged('PNG', `row filter type ${f} is invalid`);
		}
	}
}

/**
 * Undoes the row filters (and Adam7, if interlaced) of the decompressed image data. The result
 * keeps PNG's row layout: rows of `stride` = 1 + rowBytes bytes, the pixels from byte 1 on
 * (byte 0 is free for the filter type when writing). Non-interlaced data is decoded in place.
 */
export function unfilterImage(h: PngHeader, filtered: Uint8Array): Uint8Array {
	const bpp = Math.max(1, h.bitsPerPixel >> 3);
	const rb = rowBytes(h.width, h.bitsPerPixel);
	const stride = rb + 1;
	if (!h.interlaced) {
		unfilterRows(filtered, 0, h.height, bpp, rb);
		return filtered;
	}
	const image = new Uint8Array(stride * h.height);
	let at = 0;
	for (const p of passes(h)) {
		const prb = rowBytes(p.width, h.bitsPerPixel);
		unfilterRows(filtered, at, p.height, bpp, prb);
		// Scatter the pass's pixels into the full image.
		const bits = h.bitsPerPixel;
		for (let y = 0; y < p.height; y++) {
			const dy = (p.y0 + y * p.dy) * stride + 1;
			const sy = at + y * (prb + 1) + 1;
			if (bits >= 8) {
				const bytes = bits >> 3;
				for (let x = 0; x < p.width; x++) {
					const d = dy + (p.x0 + x * p.dx) * bytes;
					const s = sy + x * bytes;
					for (let k = 0; k < bytes; k++) image[d + k] = filtered[s + k];
				}
			} else {
				const mask = (1 << bits) - 1;
				for (let x = 0; x < p.width; x++) {
					const sbit = x * bits;
					const v = (filtered[sy + (sbit >> 3)] >> (8 - bits - (sbit & 7))) & mask;
					const dbit = (p.x0 + x * p.dx) * bits;
					const shift = 8 - bits - (dbit & 7);
					const idx = dy + (dbit >> 3);
					image[idx] = (image[idx] & ~(mask << shift)) | (v << shift);
				}
			}
		}
		at += p.height * (1 + prb);
	}
	return image;
}
