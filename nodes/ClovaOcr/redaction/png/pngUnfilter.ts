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

function unfilterRows(src: Uint8Array, at: number, dst: Uint8Array, height: number, bpp: number, rb: number): void {
	let prevRow = -1;
	for (let y = 0; y < height; y++) {
		const f = src[at];
		const s = at + 1;
		const d = y * rb;
		at += 1 + rb;
		switch (f) {
			case 0:
				dst.set(src.subarray(s, s + rb), d);
				break;
			case 1:
				for (let i = 0; i < rb; i++) dst[d + i] = (src[s + i] + (i >= bpp ? dst[d + i - bpp] : 0)) & 0xff;
				break;
			case 2:
				if (prevRow < 0) dst.set(src.subarray(s, s + rb), d);
				else for (let i = 0; i < rb; i++) dst[d + i] = (src[s + i] + dst[prevRow + i]) & 0xff;
				break;
			case 3:
				for (let i = 0; i < rb; i++) {
					const a = i >= bpp ? dst[d + i - bpp] : 0;
					const b = prevRow >= 0 ? dst[prevRow + i] : 0;
					dst[d + i] = (src[s + i] + ((a + b) >> 1)) & 0xff;
				}
				break;
			case 4:
				for (let i = 0; i < rb; i++) {
					const a = i >= bpp ? dst[d + i - bpp] : 0;
					const b = prevRow >= 0 ? dst[prevRow + i] : 0;
					const c = i >= bpp && prevRow >= 0 ? dst[prevRow + i - bpp] : 0;
					const p = a + b - c;
					const pa = Math.abs(p - a);
					const pb = Math.abs(p - b);
					const pc = Math.abs(p - c);
					dst[d + i] = (src[s + i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
				}
				break;
			default:
				throw damaged('PNG', `row filter type ${f} is invalid`);
		}
		prevRow = d;
	}
}

/**
 * Undoes the row filters (and Adam7, if interlaced) of the decompressed image data: the result
 * is the image as packed rows of `rowBytes(width, bitsPerPixel)` bytes, no filter bytes.
 */
export function unfilterImage(h: PngHeader, filtered: Uint8Array): Uint8Array {
	const bpp = Math.max(1, h.bitsPerPixel >> 3);
	const rb = rowBytes(h.width, h.bitsPerPixel);
	const image = new Uint8Array(rb * h.height);
	if (!h.interlaced) {
		unfilterRows(filtered, 0, image, h.height, bpp, rb);
		return image;
	}
	let at = 0;
	for (const p of passes(h)) {
		const prb = rowBytes(p.width, h.bitsPerPixel);
		const sub = new Uint8Array(prb * p.height);
		unfilterRows(filtered, at, sub, p.height, bpp, prb);
		at += p.height * (1 + prb);
		// Scatter the pass's pixels into the full image.
		const bits = h.bitsPerPixel;
		for (let y = 0; y < p.height; y++) {
			const dy = (p.y0 + y * p.dy) * rb;
			const sy = y * prb;
			if (bits >= 8) {
				const bytes = bits >> 3;
				for (let x = 0; x < p.width; x++) {
					const d = dy + (p.x0 + x * p.dx) * bytes;
					const s = sy + x * bytes;
					for (let k = 0; k < bytes; k++) image[d + k] = sub[s + k];
				}
			} else {
				const mask = (1 << bits) - 1;
				for (let x = 0; x < p.width; x++) {
					const sbit = x * bits;
					const v = (sub[sy + (sbit >> 3)] >> (8 - bits - (sbit & 7))) & mask;
					const dx = p.x0 + x * p.dx;
					const dbit = dx * bits;
					const shift = 8 - bits - (dbit & 7);
					const idx = dy + (dbit >> 3);
					image[idx] = (image[idx] & ~(mask << shift)) | (v << shift);
				}
			}
		}
	}
	return image;
}
