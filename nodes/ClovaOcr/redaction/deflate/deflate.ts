import type { ChargeBytes } from '../budget';
import { adler32 } from '../checksums';
import { canonicalCodes, huffmanCodeLengths } from '../huffmanCodeLengths';

/**
 * A zlib (RFC 1950) stream of `data`, compressed with LZ77 (hash chains, greedy matching with
 * one step of lazy evaluation for short matches) and dynamic-Huffman blocks (RFC 1951).
 *
 * Speed on incompressible stretches (noise in photos): after 64 positions in a row without a
 * match, only every other position is looked up (the others are plain literals, still
 * Huffman-coded), in the spirit of LZ4/Snappy's skipping; the first match resets this.
 */

const WINDOW = 32768;
const WMASK = WINDOW - 1;
const HASH_BITS = 15;
const HASH_SIZE = 1 << HASH_BITS;
const MIN_MATCH = 3;
/** Bytes hashed to find match candidates (4, as zlib-ng: fewer false candidates in noisy data). */
const HASH_BYTES = 4;
const MAX_MATCH = 258;
const MAX_CHAIN = 8;
const NICE_LENGTH = 96;
const TOO_FAR = 4096;
/** Matches shorter than this (i.e. 3 bytes) get one step of lazy evaluation; longer ones are taken greedily, as zlib's fast levels do. */
const LAZY_BELOW = 4;
const BLOCK_SYMBOLS = 1 << 15;
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

// Length 3..258 → code 257..285 and extra bits; distance 1..32768 → code 0..29 and extra bits.
const LENGTH_CODE = new Uint16Array(259);
const LENGTH_BASE = [
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
	163, 195, 227, 258,
];
const LENGTH_EXTRA = [
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE = [
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
	3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
const DIST_CODE_LOW = new Uint8Array(513); // distance 1..512
const DIST_CODE_HIGH = new Uint8Array(257); // (distance - 1) >> 7 for distance > 512
for (let c = 0; c < 29; c++) {
	const top = c === 28 ? 258 : LENGTH_BASE[c + 1] - 1;
	for (let l = LENGTH_BASE[c]; l <= top; l++) LENGTH_CODE[l] = c;
}
LENGTH_CODE[258] = 28;
for (let c = 0; c < 30; c++) {
	const top = c === 29 ? 32768 : DIST_BASE[c + 1] - 1;
	for (let d = DIST_BASE[c]; d <= top; d++) {
		if (d <= 512) DIST_CODE_LOW[d] = c;
		else DIST_CODE_HIGH[(d - 1) >> 7] = c;
	}
}
const distCode = (d: number): number =>
	d <= 512 ? DIST_CODE_LOW[d] : DIST_CODE_HIGH[(d - 1) >> 7];

function reverseBits(code: number, len: number): number {
	let r = 0;
	for (let i = 0; i < len; i++) {
		r = (r << 1) | (code & 1);
		code >>>= 1;
	}
	return r;
}

const CHUNK = 1 << 20;

/** LSB-first bit writer into a list of 1 MiB chunks (no over-allocation, no copying on growth). */
class BitWriter {
	readonly chunks: Uint8Array[] = [];
	buf: Uint8Array;
	pos = 0;
	acc = 0;
	nbits = 0;

	constructor(private readonly charge: ChargeBytes) {
		charge(CHUNK);
		this.buf = new Uint8Array(CHUNK);
	}

	/** Room for `bytes` more output bytes in the current chunk (call before a run of put()s). */
	reserve(bytes: number): void {
		if (this.pos + bytes + 8 <= this.buf.length) return;
		if (this.pos > 0) this.chunks.push(this.buf.subarray(0, this.pos));
		const size = Math.max(CHUNK, bytes + 8);
		this.charge(size);
		this.buf = new Uint8Array(size);
		this.pos = 0;
	}

	/** Writes the low `n` (≤ 16) bits of `v`, LSB first; needs room reserved. */
	put(v: number, n: number): void {
		let acc = this.acc | (v << this.nbits);
		let nbits = this.nbits + n;
		if (nbits >= 16) {
			this.buf[this.pos++] = acc & 0xff;
			this.buf[this.pos++] = (acc >>> 8) & 0xff;
			acc >>>= 16;
			nbits -= 16;
		} else if (nbits >= 8) {
			this.buf[this.pos++] = acc & 0xff;
			acc >>>= 8;
			nbits -= 8;
		}
		this.acc = acc;
		this.nbits = nbits;
	}

	alignToByte(): void {
		this.reserve(2);
		if (this.nbits > 0) this.put(0, 8 - this.nbits);
	}

	byte(b: number): void {
		this.reserve(1);
		this.buf[this.pos++] = b;
	}

	finish(): Uint8Array[] {
		if (this.pos > 0) this.chunks.push(this.buf.subarray(0, this.pos));
		return this.chunks;
	}
}

interface Code {
	lengths: Uint8Array;
	codes: Uint32Array; // bit-reversed, ready for LSB-first output
}

function makeCode(freq: Uint32Array, maxBits: number): Code {
	const lengths = huffmanCodeLengths(freq, maxBits);
	const canon = canonicalCodes(lengths, maxBits);
	const codes = new Uint32Array(lengths.length);
	for (let i = 0; i < lengths.length; i++)
		if (lengths[i]) codes[i] = reverseBits(canon[i], lengths[i]);
	return { lengths, codes };
}

/**
 * One dynamic-Huffman block of `count` symbols: `syms[i]` is a literal byte (< 256) or a match
 * (length << 16 | distance); `litFreq` / `distFreq` are their counts (end-of-block not included).
 */
function writeBlock(
	w: BitWriter,
	syms: Uint32Array,
	count: number,
	litFreq: Uint32Array,
	distFreq: Uint32Array,
	final: boolean,
): void {
	litFreq[256] = 1;
	// Keep the distance tree complete (two codes at least) for strict decoders.
	let used = 0;
	for (let i = 0; i < 30; i++) if (distFreq[i]) used++;
	if (used < 2) {
		if (!distFreq[0]) distFreq[0] = 1;
		else distFreq[1] = 1;
	}
	const litCode = makeCode(litFreq, 15);
	const distC = makeCode(distFreq, 15);

	let hlit = 286;
	while (hlit > 257 && litCode.lengths[hlit - 1] === 0) hlit--;
	let hdist = 30;
	while (hdist > 1 && distC.lengths[hdist - 1] === 0) hdist--;
	const all = new Uint8Array(hlit + hdist);
	all.set(litCode.lengths.subarray(0, hlit));
	all.set(distC.lengths.subarray(0, hdist), hlit);

	// Run-length code the lengths with 16 (repeat previous 3-6), 17 (zeros 3-10), 18 (zeros 11-138).
	const rle: number[] = [];
	const clFreq = new Uint32Array(19);
	for (let i = 0; i < all.length; ) {
		const v = all[i];
		let run = 1;
		while (i + run < all.length && all[i + run] === v) run++;
		if (v === 0 && run >= 3) {
			let left = run;
			while (left >= 3) {
				if (left >= 11) {
					const n = Math.min(138, left);
					rle.push(18, n - 11);
					clFreq[18]++;
					left -= n;
				} else {
					rle.push(17, left - 3);
					clFreq[17]++;
					left = 0;
				}
			}
			for (; left > 0; left--) {
				rle.push(0, 0);
				clFreq[0]++;
			}
		} else if (run >= 4) {
			rle.push(v, 0);
			clFreq[v]++;
			let left = run - 1;
			while (left >= 3) {
				const n = Math.min(6, left);
				rle.push(16, n - 3);
				clFreq[16]++;
				left -= n;
			}
			for (; left > 0; left--) {
				rle.push(v, 0);
				clFreq[v]++;
			}
		} else {
			for (let k = 0; k < run; k++) {
				rle.push(v, 0);
				clFreq[v]++;
			}
		}
		i += run;
	}
	const clCode = makeCode(clFreq, 7);
	let hclen = 19;
	while (hclen > 4 && clCode.lengths[CL_ORDER[hclen - 1]] === 0) hclen--;

	// Worst case: header ≤ 320 bytes, each symbol ≤ 15 + 5 + 15 + 13 bits.
	w.reserve(320 + count * 6 + 8);
	w.put(final ? 1 : 0, 1);
	w.put(2, 2);
	w.put(hlit - 257, 5);
	w.put(hdist - 1, 5);
	w.put(hclen - 4, 4);
	for (let i = 0; i < hclen; i++) w.put(clCode.lengths[CL_ORDER[i]], 3);
	for (let i = 0; i < rle.length; i += 2) {
		const s = rle[i];
		w.put(clCode.codes[s], clCode.lengths[s]);
		if (s === 16) w.put(rle[i + 1], 2);
		else if (s === 17) w.put(rle[i + 1], 3);
		else if (s === 18) w.put(rle[i + 1], 7);
	}

	// Code and length in one entry (code | length << 16); the hot loop keeps the bit buffer in locals.
	const lit = new Uint32Array(286);
	for (let i = 0; i < 286; i++) lit[i] = litCode.codes[i] | (litCode.lengths[i] << 16);
	const dst = new Uint32Array(30);
	for (let i = 0; i < 30; i++) dst[i] = distC.codes[i] | (distC.lengths[i] << 16);
	const buf = w.buf;
	let pos = w.pos;
	let acc = w.acc;
	let nbits = w.nbits;
	for (let i = 0; i < count; i++) {
		const v = syms[i];
		if (v < 256) {
			const e = lit[v];
			acc |= (e & 0xffff) << nbits;
			nbits += e >>> 16;
		} else {
			const len = v >>> 16;
			const d = v & 0xffff;
			const c = LENGTH_CODE[len];
			let e = lit[257 + c];
			acc |= (e & 0xffff) << nbits;
			nbits += e >>> 16;
			const lx = LENGTH_EXTRA[c];
			if (lx) {
				acc |= (len - LENGTH_BASE[c]) << nbits;
				nbits += lx;
			}
			if (nbits >= 16) {
				buf[pos++] = acc & 0xff;
				buf[pos++] = (acc >>> 8) & 0xff;
				acc >>>= 16;
				nbits -= 16;
			}
			const dc = distCode(d);
			e = dst[dc];
			acc |= (e & 0xffff) << nbits;
			nbits += e >>> 16;
			if (nbits >= 16) {
				buf[pos++] = acc & 0xff;
				buf[pos++] = (acc >>> 8) & 0xff;
				acc >>>= 16;
				nbits -= 16;
			}
			const dx = DIST_EXTRA[dc];
			if (dx) {
				acc |= (d - DIST_BASE[dc]) << nbits;
				nbits += dx;
			}
		}
		if (nbits >= 16) {
			buf[pos++] = acc & 0xff;
			buf[pos++] = (acc >>> 8) & 0xff;
			acc >>>= 16;
			nbits -= 16;
		}
	}
	while (nbits >= 8) {
		buf[pos++] = acc & 0xff;
		acc >>>= 8;
		nbits -= 8;
	}
	w.pos = pos;
	w.acc = acc;
	w.nbits = nbits;
	w.put(litCode.codes[256], litCode.lengths[256]);
}

/**
 * Longest match for position p along the hash chain starting at `cand`, longer than `atLeast`;
 * returns length << 16 | distance, or 0.
 */
function longestMatch(
	data: Uint8Array,
	n: number,
	prev: Int32Array,
	p: number,
	cand: number,
	atLeast: number,
): number {
	let bestLen = atLeast;
	let bestDist = 0;
	const limit = p - WINDOW;
	const maxLen = n - p < MAX_MATCH ? n - p : MAX_MATCH;
	let chain = MAX_CHAIN;
	const d0 = data[p];
	const d1 = data[p + 1];
	while (cand > limit && cand >= 0 && chain-- > 0) {
		if (data[cand + bestLen] === data[p + bestLen] && data[cand] === d0 && data[cand + 1] === d1) {
			let len = 2;
			while (len < maxLen && data[cand + len] === data[p + len]) len++;
			if (len > bestLen) {
				bestLen = len;
				bestDist = p - cand;
				if (len >= NICE_LENGTH || len === maxLen) break;
			}
		}
		const next = prev[cand & WMASK];
		if (next >= cand) break;
		cand = next;
	}
	// A 3-byte match far back costs about as much as 3 literals (zlib's TOO_FAR rule).
	if (bestDist === 0 || (bestLen === MIN_MATCH && bestDist > TOO_FAR)) return 0;
	return (bestLen << 16) | bestDist;
}

/**
 * The zlib stream as a list of pieces (each becomes one IDAT chunk). `charge` is told of each
 * output piece before it is allocated (the fixed-size tables are not counted).
 */
export function zlibDeflate(data: Uint8Array, charge: ChargeBytes = () => {}): Uint8Array[] {
	const n = data.length;
	const w = new BitWriter(charge);
	w.byte(0x78);
	w.byte(0x9c);

	if (n === 0) {
		w.reserve(2);
		w.put(1, 1);
		w.put(1, 2); // fixed block with only end-of-block (code 0000000)
		w.put(0, 7);
	} else {
		const head = new Int32Array(HASH_SIZE).fill(-1);
		const prev = new Int32Array(WINDOW);
		const syms = new Uint32Array(BLOCK_SYMBOLS);
		let litFreq = new Uint32Array(286);
		let distFreq = new Uint32Array(30);
		const shift = 32 - HASH_BITS;
		const lastHashable = n - HASH_BYTES; // positions p ≤ this can be hashed
		let count = 0;
		let p = 0;
		let misses = 0;
		while (p < n) {
			if (count >= BLOCK_SYMBOLS - 2) {
				writeBlock(w, syms, count, litFreq, distFreq, false);
				count = 0;
				litFreq = new Uint32Array(286);
				distFreq = new Uint32Array(30);
			}
			if (p > lastHashable) {
				litFreq[(syms[count++] = data[p++])]++;
				continue;
			}
			if (misses >= 64 && (misses & 1) !== 0) {
				// Long run without matches: every other position is a plain literal, not looked up.
				misses++;
				litFreq[(syms[count++] = data[p++])]++;
				continue;
			}
			let h =
				Math.imul(
					(data[p] << 24) | (data[p + 1] << 16) | (data[p + 2] << 8) | data[p + 3],
					0x9e3779b1,
				) >>> shift;
			let cand = head[h];
			head[h] = p;
			prev[p & WMASK] = cand;
			let m = cand >= 0 ? longestMatch(data, n, prev, p, cand, MIN_MATCH - 1) : 0;
			if (m === 0) {
				litFreq[(syms[count++] = data[p++])]++;
				if (misses < 1 << 20) misses++;
				continue;
			}
			let inserted = p; // positions up to here are in the hash chains
			if (m >>> 16 < LAZY_BELOW && p + 1 <= lastHashable) {
				// Lazy evaluation for a short match: a longer match at p + 1 wins over this one.
				const q = p + 1;
				h =
					Math.imul(
						(data[q] << 24) | (data[q + 1] << 16) | (data[q + 2] << 8) | data[q + 3],
						0x9e3779b1,
					) >>> shift;
				cand = head[h];
				head[h] = q;
				prev[q & WMASK] = cand;
				inserted = q;
				const m1 = cand >= 0 ? longestMatch(data, n, prev, q, cand, m >>> 16) : 0;
				if (m1 !== 0) {
					litFreq[(syms[count++] = data[p++])]++;
					m = m1;
				}
			}
			const len = m >>> 16;
			if (len >= 8) misses = 0; // short matches do not end a "noisy" run
			syms[count++] = m;
			litFreq[257 + LENGTH_CODE[len]]++;
			distFreq[distCode(m & 0xffff)]++;
			const stop = p + len;
			if (len <= 32) {
				const end = stop - 1 < lastHashable ? stop - 1 : lastHashable;
				for (let q = inserted + 1; q <= end; q++) {
					h =
						Math.imul(
							(data[q] << 24) | (data[q + 1] << 16) | (data[q + 2] << 8) | data[q + 3],
							0x9e3779b1,
						) >>> shift;
					prev[q & WMASK] = head[h];
					head[h] = q;
				}
			}
			p = stop;
		}
		writeBlock(w, syms, count, litFreq, distFreq, true);
	}
	w.alignToByte();
	const a = adler32(data);
	w.byte(a >>> 24);
	w.byte((a >>> 16) & 0xff);
	w.byte((a >>> 8) & 0xff);
	w.byte(a & 0xff);
	return w.finish();
}
