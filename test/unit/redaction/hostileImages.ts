/**
 * Hostile test input, written byte by byte (independent of the library under test): progressive
 * JPEGs whose scans cover every block in a few bytes (EOB runs; the generator the hostile bench
 * uses), and PNG / JPEG headers that claim far more decoded data than the file would hold.
 */
import { chunk } from './testImages';

function segment(marker: number, data: number[]): number[] {
	return [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];
}

export { eobRunJpeg, type EobRunJpegOptions } from '../../../tools/bench/hostile/progressiveJpeg';

/** A JPEG frame header (4:4:4, width × height) padded with COM segments to about `fileBytes`, without image data. */
export function paddedJpegHeader(width: number, height: number, fileBytes: number): Uint8Array {
	const parts = [
		Buffer.from([0xff, 0xd8]),
		Buffer.from(segment(0xdb, [0, ...new Array(64).fill(1)])),
		Buffer.from(
			segment(0xc0, [
				8,
				height >> 8,
				height & 0xff,
				width >> 8,
				width & 0xff,
				3,
				...[1, 2, 3].flatMap((id) => [id, 0x11, 0]),
			]),
		),
	];
	let size = 2 + 69 + 19 + 2;
	for (; size < fileBytes; ) {
		const data = Math.max(0, Math.min(60_000, fileBytes - size - 4));
		parts.push(Buffer.from(segment(0xfe, new Array(data).fill(0x20))));
		size += data + 4;
	}
	parts.push(Buffer.from([0xff, 0xd9]));
	return new Uint8Array(Buffer.concat(parts));
}

/** A PNG header for the given layout with `idatBytes` of data that is not even a zlib stream. */
export function pngWithGarbageIdat(
	width: number,
	height: number,
	bitDepth: number,
	colorType: number,
	interlaced: boolean,
	idatBytes: number,
): Uint8Array {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = bitDepth;
	ihdr[9] = colorType;
	ihdr[12] = interlaced ? 1 : 0;
	return new Uint8Array(
		Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			chunk('IHDR', ihdr),
			chunk('IDAT', Buffer.alloc(idatBytes, 0x5a)),
			chunk('IEND', Buffer.alloc(0)),
		]),
	);
}
