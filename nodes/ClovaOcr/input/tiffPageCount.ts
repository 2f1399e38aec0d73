/**
 * The page count of a TIFF from its chain of image file directories (IFDs): the header names
 * the first, each ends with the offset of the next, 0 ends the chain. Reduced-resolution
 * images (NewSubfileType bit 0, e.g. thumbnails) are not pages. null when the chain cannot be
 * read (an offset outside the file, a loop, directories that overlap): the caller then sends
 * the file.
 */

import type { ReadMeter } from './readMeter';

/** Hops walked at most; a longer chain is reported as "more than" this many pages. */
export const MAX_TIFF_DIRECTORIES = 1024;

const HEADER_BYTES = 8;
const ENTRY_BYTES = 12;
const NEW_SUBFILE_TYPE = 254;
const TYPE_SHORT = 3;
const TYPE_LONG = 4;

export interface TiffPageCount {
	pages: number;
	/** false when the walk stopped at MAX_TIFF_DIRECTORIES: there are more pages than `pages`. */
	exact: boolean;
}

export function tiffPageCount(
	bytes: Uint8Array,
	meter: ReadMeter = { reads: 0 },
): TiffPageCount | null {
	if (bytes.length < HEADER_BYTES) return null;
	// Directories that do not overlap hold at most this many entries in all. Without the bound,
	// 1024 directories at neighbouring offsets, each claiming 65,535 entries, read 67 million.
	let entriesLeft = Math.floor(bytes.length / ENTRY_BYTES);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const little = bytes[0] === 0x49;
	const u16 = (at: number) => view.getUint16(at, little);
	const u32 = (at: number) => view.getUint32(at, little);

	const visited = new Set<number>();
	let offset = u32(4);
	let pages = 0;
	for (let hops = 0; offset !== 0; hops++) {
		if (hops === MAX_TIFF_DIRECTORIES) return { pages, exact: false };
		if (offset < HEADER_BYTES || offset + 2 > bytes.length || visited.has(offset)) return null;
		visited.add(offset);
		const entries = u16(offset);
		const next = offset + 2 + entries * ENTRY_BYTES;
		if (next + 4 > bytes.length) return null;
		entriesLeft -= entries;
		if (entriesLeft < 0) return null;
		if (!isReducedResolution(entries, offset + 2, u16, u32, meter)) pages++;
		offset = u32(next);
	}
	return { pages, exact: true };
}

function isReducedResolution(
	entries: number,
	first: number,
	u16: (at: number) => number,
	u32: (at: number) => number,
	meter: ReadMeter,
): boolean {
	for (let i = 0; i < entries; i++) {
		meter.reads++;
		const entry = first + i * ENTRY_BYTES;
		if (u16(entry) !== NEW_SUBFILE_TYPE) continue;
		const type = u16(entry + 2);
		const value = type === TYPE_SHORT ? u16(entry + 8) : type === TYPE_LONG ? u32(entry + 8) : 0;
		return (value & 1) === 1;
	}
	return false;
}
