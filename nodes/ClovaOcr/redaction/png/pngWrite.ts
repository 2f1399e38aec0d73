import type { ChargeBytes } from '../budget';
import { crc32 } from '../checksums';
import { PNG_SIGNATURE } from './pngChunks';

export interface OutputChunk {
	type: string;
	data: Uint8Array;
}

/** A PNG file of the given chunks, one IDAT per piece of `idat`, and IEND; written in one exact-size buffer. */
export function writePng(
	before: OutputChunk[],
	idat: Uint8Array[],
	charge: ChargeBytes = () => {},
): Uint8Array {
	const chunks = [
		...before,
		...idat.map((data) => ({ type: 'IDAT', data })),
		{ type: 'IEND', data: new Uint8Array(0) },
	];
	let total = 8;
	for (const c of chunks) total += 12 + c.data.length;
	charge(total);
	const out = new Uint8Array(total);
	out.set(PNG_SIGNATURE, 0);
	let at = 8;
	for (const c of chunks) {
		const len = c.data.length;
		out[at] = len >>> 24;
		out[at + 1] = (len >>> 16) & 0xff;
		out[at + 2] = (len >>> 8) & 0xff;
		out[at + 3] = len & 0xff;
		for (let i = 0; i < 4; i++) out[at + 4 + i] = c.type.charCodeAt(i);
		out.set(c.data, at + 8);
		const crc = crc32(out, at + 4, at + 8 + len);
		at += 8 + len;
		out[at] = crc >>> 24;
		out[at + 1] = (crc >>> 16) & 0xff;
		out[at + 2] = (crc >>> 8) & 0xff;
		out[at + 3] = crc & 0xff;
		at += 4;
	}
	return out;
}
