/**
 * Small PNGs that decode to large images: zero pixels, whose deflate stream packs about 1,000
 * decoded bytes into each file byte (a decompression bomb that is also a valid image).
 */
import { constants, crc32, deflateSync } from 'node:zlib';

export interface PngLayout {
	width: number;
	height: number;
	bitDepth: number;
	/** 0 grey, 2 RGB, 4 grey + alpha, 6 RGBA. */
	colorType: 0 | 2 | 4 | 6;
	interlaced: boolean;
}

const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 } as const;

/** Filtered bytes of one row (or pass row) of `width` pixels: the filter byte and the packed pixels. */
function rowBytes(layout: PngLayout, width: number): number {
	return 1 + Math.ceil((width * layout.bitDepth * CHANNELS[layout.colorType]) / 8);
}

/** Decompressed PNG data (filter bytes included): the rows, or the 7 Adam7 passes. */
export function filteredBytes(layout: PngLayout): number {
	if (!layout.interlaced) return layout.height * rowBytes(layout, layout.width);
	const passes = [
		[0, 0, 8, 8],
		[4, 0, 8, 8],
		[0, 4, 4, 8],
		[2, 0, 4, 4],
		[0, 2, 2, 4],
		[1, 0, 2, 2],
		[0, 1, 1, 2],
	];
	let bytes = 0;
	for (const [x0, y0, dx, dy] of passes) {
		const w = Math.ceil((layout.width - x0) / dx);
		const h = Math.ceil((layout.height - y0) / dy);
		if (w > 0 && h > 0) bytes += h * rowBytes(layout, w);
	}
	return bytes;
}

function pngChunk(type: string, data: Buffer): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const tail = Buffer.alloc(4);
	tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, tail]);
}

/**
 * A valid PNG of black (zero) pixels: all-zero filtered data (filter None, every sample 0),
 * deflated as runs (Z_RLE: the same 1,032:1 as level 9, several times faster). Buffer.alloc's
 * zero pages are not touched until read, so building even an 800 MB claim costs little memory.
 */
export function zeroPixelPng(layout: PngLayout): Uint8Array {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(layout.width, 0);
	ihdr.writeUInt32BE(layout.height, 4);
	ihdr[8] = layout.bitDepth;
	ihdr[9] = layout.colorType;
	ihdr[12] = layout.interlaced ? 1 : 0;
	const idat = deflateSync(Buffer.alloc(filteredBytes(layout)), {
		level: 9,
		strategy: constants.Z_RLE,
	});
	return new Uint8Array(
		Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			pngChunk('IHDR', ihdr),
			pngChunk('IDAT', idat),
			pngChunk('IEND', Buffer.alloc(0)),
		]),
	);
}
