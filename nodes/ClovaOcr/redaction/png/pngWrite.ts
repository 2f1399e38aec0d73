import { ByteWriter } from '../byteWriter';
import { crc32 } from '../checksums';
import { PNG_SIGNATURE } from './pngChunks';

const IDAT_CHUNK = 1 << 18;

export interface OutputChunk {
	type: string;
	data: Uint8Array;
}

/** A PNG file of the given chunks (IEND added); `idat` is split into 256 KiB IDAT chunks. */
export function writePng(before: OutputChunk[], idat: Uint8Array): Uint8Array {
	let total = 8 + 12;
	for (const c of before) total += 12 + c.data.length;
	total += idat.length + 12 * Math.ceil(Math.max(1, idat.length) / IDAT_CHUNK);
	const w = new ByteWriter(total);
	w.bytes(PNG_SIGNATURE);
	const chunk = (type: string, data: Uint8Array): void => {
		w.u32be(data.length);
		const start = w.length;
		w.ascii(type);
		w.bytes(data);
		w.u32be(crc32(w.raw, start, w.length));
	};
	for (const c of before) chunk(c.type, c.data);
	if (idat.length === 0) chunk('IDAT', idat);
	for (let at = 0; at < idat.length; at += IDAT_CHUNK) chunk('IDAT', idat.subarray(at, Math.min(idat.length, at + IDAT_CHUNK)));
	chunk('IEND', new Uint8Array(0));
	return w.toBytes();
}
