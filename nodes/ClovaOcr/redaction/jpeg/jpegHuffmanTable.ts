import { damaged } from '../redactionError';
import type { JpegBitReader } from './jpegBitReader';

/** A DHT table for decoding: 9-bit lookahead plus the C.2/F.2.2.3 tables for longer codes. */
export interface HuffmanDecodeTable {
	/** entry = length << 8 | symbol for codes of ≤ 9 bits, else 0. */
	lookahead: Uint16Array;
	maxcode: Int32Array;
	valptr: Int32Array;
	mincode: Int32Array;
	values: Uint8Array;
	/** BITS as read from the DHT segment (the output gets new, optimized tables). */
	counts: Uint8Array;
}

export function buildDecodeTable(counts: Uint8Array, values: Uint8Array): HuffmanDecodeTable {
	const lookahead = new Uint16Array(512);
	const maxcode = new Int32Array(18).fill(-1);
	const valptr = new Int32Array(18);
	const mincode = new Int32Array(18);
	let code = 0;
	let k = 0;
	for (let len = 1; len <= 16; len++) {
		const n = counts[len - 1];
		valptr[len] = k;
		mincode[len] = code;
		for (let i = 0; i < n; i++) {
			if (len <= 9) {
				const shift = 9 - len;
				const entry = (len << 8) | values[k];
				const base = code << shift;
				for (let j = 0; j < 1 << shift; j++) lookahead[base + j] = entry;
			}
			code++;
			k++;
		}
		if (n) maxcode[len] = code - 1;
		if (code > 1 << len) throw damaged('JPEG', 'a Huffman table is invalid');
		code <<= 1;
	}
	maxcode[17] = 0x7fffffff;
	return { lookahead, maxcode, valptr, mincode, values, counts };
}

export function decodeHuffman(r: JpegBitReader, t: HuffmanDecodeTable): number {
	if (r.nbits < 16) r.fill();
	const e = t.lookahead[(r.acc >>> (r.nbits - 9)) & 511];
	if (e !== 0) {
		r.nbits -= e >> 8;
		return e & 255;
	}
	let len = 10;
	let code = (r.acc >>> (r.nbits - len)) & ((1 << len) - 1);
	while (len <= 16 && code > t.maxcode[len]) {
		len++;
		code = (r.acc >>> (r.nbits - len)) & ((1 << len) - 1);
	}
	if (len > 16) throw damaged('JPEG', 'invalid Huffman code in the image data');
	r.nbits -= len;
	const idx = t.valptr[len] + code - t.mincode[len];
	if (idx < 0 || idx >= t.values.length)
		throw damaged('JPEG', 'invalid Huffman code in the image data');
	return t.values[idx];
}
