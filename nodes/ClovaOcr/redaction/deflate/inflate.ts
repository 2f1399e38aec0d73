import { adler32 } from '../checksums';
import { RedactionError } from '../redactionError';

/**
 * zlib (RFC 1950) + inflate (RFC 1951: stored, fixed and dynamic blocks) into a buffer of
 * exactly `expectedSize` bytes. Output past that size is never produced (so a "zip bomb"
 * cannot allocate); a stream that ends short is reported as damaged.
 */

const LENGTH_BASE = new Uint16Array([
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
	163, 195, 227, 258,
]);
const LENGTH_EXTRA = new Uint8Array([
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
]);
const DIST_BASE = new Uint16Array([
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
	3073, 4097, 6145, 8193, 12289, 16385, 24577,
]);
const DIST_EXTRA = new Uint8Array([
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
]);
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

function fail(what: string): never {
	throw new RedactionError('damaged', `damaged PNG: compressed image data ${what}`);
}

/** A decoding table: entry = symbol << 4 | length, indexed by the next `bits` input bits (LSB-first). 0 = invalid. */
interface HuffTable {
	table: Int32Array;
	bits: number;
}

function buildTable(lengths: Uint8Array, count: number): HuffTable {
	let maxLen = 0;
	const blCount = new Uint16Array(16);
	for (let i = 0; i < count; i++) {
		blCount[lengths[i]]++;
		if (lengths[i] > maxLen) maxLen = lengths[i];
	}
	blCount[0] = 0;
	if (maxLen === 0) return { table: new Int32Array(1), bits: 1 };
	// Reject over-subscribed codes (incomplete ones are allowed, as zlib does for single-code trees).
	let left = 1;
	for (let len = 1; len <= 15; len++) {
		left = (left << 1) - blCount[len];
		if (left < 0) fail('has an invalid Huffman table');
	}
	const nextCode = new Uint16Array(16);
	let code = 0;
	for (let len = 1; len <= 15; len++) {
		code = (code + blCount[len - 1]) << 1;
		nextCode[len] = code;
	}
	const size = 1 << maxLen;
	const table = new Int32Array(size);
	for (let sym = 0; sym < count; sym++) {
		const len = lengths[sym];
		if (!len) continue;
		let c = nextCode[len]++;
		let rev = 0;
		for (let i = 0; i < len; i++) {
			rev = (rev << 1) | (c & 1);
			c >>>= 1;
		}
		const entry = (sym << 4) | len;
		for (let j = rev; j < size; j += 1 << len) table[j] = entry;
	}
	return { table, bits: maxLen };
}

let fixedLit: HuffTable | undefined;
let fixedDist: HuffTable | undefined;

function fixedTables(): [HuffTable, HuffTable] {
	if (!fixedLit || !fixedDist) {
		const l = new Uint8Array(288);
		for (let i = 0; i < 144; i++) l[i] = 8;
		for (let i = 144; i < 256; i++) l[i] = 9;
		for (let i = 256; i < 280; i++) l[i] = 7;
		for (let i = 280; i < 288; i++) l[i] = 8;
		fixedLit = buildTable(l, 288);
		fixedDist = buildTable(new Uint8Array(30).fill(5), 30);
	}
	return [fixedLit, fixedDist];
}

/** `parts` are the pieces of one zlib stream (PNG's IDAT chunks), read in order without joining them. */
export function zlibInflate(parts: Uint8Array[], expectedSize: number): Uint8Array {
	let part = 0;
	let input = parts[0] ?? new Uint8Array(0);
	let pos = 0;
	let end = input.length;
	/** Moves to the next non-empty part; false at the end of the stream. */
	const nextPart = (): boolean => {
		while (pos >= end && part + 1 < parts.length) {
			input = parts[++part];
			pos = 0;
			end = input.length;
		}
		return pos < end;
	};
	const nextByte = (): number => {
		if (pos >= end && !nextPart()) fail('is truncated');
		return input[pos++];
	};
	const cmf = nextByte();
	const flg = nextByte();
	if ((cmf & 0x0f) !== 8 || cmf >> 4 > 7 || ((cmf << 8) | flg) % 31 !== 0)
		fail('has a bad zlib header');
	if (flg & 0x20)
		throw new RedactionError('unsupported', 'PNG with a preset zlib dictionary is not supported');

	const out = new Uint8Array(expectedSize);
	let outPos = 0;
	let acc = 0; // bit buffer, LSB first
	let nbits = 0;
	let overrun = 0; // zero bytes fed past the end of the input

	const need = (n: number): void => {
		while (nbits < n) {
			let b = 0;
			if (pos < end || nextPart()) b = input[pos++];
			else if (++overrun > 4) fail('is truncated');
			acc |= b << nbits;
			nbits += 8;
		}
	};
	const bitsOf = (n: number): number => {
		need(n);
		const v = acc & ((1 << n) - 1);
		acc >>>= n;
		nbits -= n;
		return v;
	};
	const decodeSym = (t: HuffTable): number => {
		need(t.bits);
		const e = t.table[acc & ((1 << t.bits) - 1)];
		const len = e & 15;
		if (len === 0) fail('has an invalid Huffman code');
		acc >>>= len;
		nbits -= len;
		return e >> 4;
	};

	let final = 0;
	while (!final) {
		if (outPos === expectedSize) break; // all the image data we need; anything after is ignored
		final = bitsOf(1);
		const type = bitsOf(2);
		if (type === 0) {
			// Byte-align; whole bytes still in the bit buffer come first.
			acc >>>= nbits & 7;
			nbits -= nbits & 7;
			const header: number[] = [];
			while (header.length < 4 && nbits >= 8) {
				header.push(acc & 0xff);
				acc >>>= 8;
				nbits -= 8;
			}
			while (header.length < 4) header.push(nextByte());
			const len = header[0] | (header[1] << 8);
			const nlen = header[2] | (header[3] << 8);
			if ((len ^ 0xffff) !== nlen) fail('has a bad stored block');
			if (outPos + len > expectedSize) fail('holds more than the image needs');
			let left = len;
			while (left > 0) {
				if (pos >= end && !nextPart()) fail('is truncated');
				const take = Math.min(left, end - pos);
				out.set(input.subarray(pos, pos + take), outPos);
				outPos += take;
				pos += take;
				left -= take;
			}
			continue;
		}
		let lit: HuffTable;
		let dist: HuffTable;
		if (type === 1) {
			[lit, dist] = fixedTables();
		} else if (type === 2) {
			const hlit = bitsOf(5) + 257;
			const hdist = bitsOf(5) + 1;
			const hclen = bitsOf(4) + 4;
			const clLens = new Uint8Array(19);
			for (let i = 0; i < hclen; i++) clLens[CL_ORDER[i]] = bitsOf(3);
			const cl = buildTable(clLens, 19);
			const lens = new Uint8Array(hlit + hdist);
			let i = 0;
			while (i < hlit + hdist) {
				const sym = decodeSym(cl);
				if (sym < 16) lens[i++] = sym;
				else {
					let rep: number;
					let val = 0;
					if (sym === 16) {
						if (i === 0) fail('repeats a missing length');
						val = lens[i - 1];
						rep = 3 + bitsOf(2);
					} else if (sym === 17) rep = 3 + bitsOf(3);
					else rep = 11 + bitsOf(7);
					if (i + rep > hlit + hdist) fail('has too many code lengths');
					lens.fill(val, i, i + rep);
					i += rep;
				}
			}
			if (lens[256] === 0) fail('has no end-of-block code');
			lit = buildTable(lens.subarray(0, hlit), hlit);
			dist = buildTable(lens.subarray(hlit), hdist);
		} else {
			fail('has an invalid block type');
		}

		// The hot loop keeps the bit buffer in locals (a, nb, ps) and refills 16 bits at a time
		// from the current part; near a part's end it falls back to need(), which moves on.
		const litTable = lit.table;
		const litMask = (1 << lit.bits) - 1;
		const distTable = dist.table;
		const distMask = (1 << dist.bits) - 1;
		let a = acc;
		let nb = nbits;
		let ps = pos;
		for (;;) {
			if (nb < 15) {
				if (ps + 1 < end) {
					a |= (input[ps] << nb) | (input[ps + 1] << (nb + 8));
					ps += 2;
					nb += 16;
				} else {
					acc = a;
					nbits = nb;
					pos = ps;
					need(15);
					a = acc;
					nb = nbits;
					ps = pos;
				}
			}
			let e = litTable[a & litMask];
			let len = e & 15;
			if (len === 0) fail('has an invalid Huffman code');
			a >>>= len;
			nb -= len;
			const sym = e >> 4;
			if (sym < 256) {
				if (outPos >= expectedSize) fail('holds more than the image needs');
				out[outPos++] = sym;
				continue;
			}
			if (sym === 256) break;
			const li = sym - 257;
			if (li >= 29) fail('has an invalid length code');
			let length = LENGTH_BASE[li];
			const lx = LENGTH_EXTRA[li];
			if (lx) {
				// nb ≥ 0 here; at most 5 extra bits, so refill first.
				if (nb < 15) {
					if (ps + 1 < end) {
						a |= (input[ps] << nb) | (input[ps + 1] << (nb + 8));
						ps += 2;
						nb += 16;
					} else {
						acc = a;
						nbits = nb;
						pos = ps;
						need(15);
						a = acc;
						nb = nbits;
						ps = pos;
					}
				}
				length += a & ((1 << lx) - 1);
				a >>>= lx;
				nb -= lx;
			}
			if (nb < 15) {
				if (ps + 1 < end) {
					a |= (input[ps] << nb) | (input[ps + 1] << (nb + 8));
					ps += 2;
					nb += 16;
				} else {
					acc = a;
					nbits = nb;
					pos = ps;
					need(15);
					a = acc;
					nb = nbits;
					ps = pos;
				}
			}
			e = distTable[a & distMask];
			len = e & 15;
			if (len === 0) fail('has an invalid Huffman code');
			a >>>= len;
			nb -= len;
			const di = e >> 4;
			if (di >= 30) fail('has an invalid distance code');
			let distance = DIST_BASE[di];
			const dx = DIST_EXTRA[di];
			if (dx) {
				if (nb < 15) {
					if (ps + 1 < end) {
						a |= (input[ps] << nb) | (input[ps + 1] << (nb + 8));
						ps += 2;
						nb += 16;
					} else {
						acc = a;
						nbits = nb;
						pos = ps;
						need(15);
						a = acc;
						nb = nbits;
						ps = pos;
					}
				}
				distance += a & ((1 << dx) - 1);
				a >>>= dx;
				nb -= dx;
			}
			if (distance > outPos) fail('refers back before its start');
			if (outPos + length > expectedSize) fail('holds more than the image needs');
			let from = outPos - distance;
			const stop = outPos + length;
			if (distance >= length) {
				out.copyWithin(outPos, from, from + length);
				outPos = stop;
			} else {
				while (outPos < stop) out[outPos++] = out[from++];
			}
		}
		acc = a;
		nbits = nb;
		pos = ps;
	}
	if (outPos < expectedSize) fail('is truncated (too little image data)');
	if (final) {
		// Adler-32 after the final block, on a byte boundary.
		const skip = nbits & 7;
		acc >>>= skip;
		nbits -= skip;
		const bytes: number[] = [];
		while (nbits >= 8 && bytes.length < 4) {
			bytes.push(acc & 0xff);
			acc >>>= 8;
			nbits -= 8;
		}
		while (bytes.length < 4 && (pos < end || nextPart())) bytes.push(input[pos++]);
		if (bytes.length === 4) {
			const stored = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
			if (stored !== adler32(out)) fail('has a bad Adler-32 checksum');
		}
	}
	return out;
}
