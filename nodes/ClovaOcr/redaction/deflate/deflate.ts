import { adler32 } from '../checksums';
import { canonicalCodes, huffmanCodeLengths } from '../huffmanCodeLengths';

/**
 * A zlib (RFC 1950) stream of `data`, compressed with LZ77 (hash chains, greedy matching with
 * one step of lazy evaluation) and dynamic-Huffman blocks (RFC 1951).
 *
 * Speed on incompressible stretches (noise in photos): after 64 positions in a row without a
 * match, only every 2nd, then 3rd, … position is looked up (the others are plain literals,
 * still Huffman-coded), as LZ4/Snappy do; the first match resets the step.
 */

const WINDOW = 32768;
const WMASK = WINDOW - 1;
const HASH_BITS = 15;
const HASH_SIZE = 1 << HASH_BITS;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
const MAX_CHAIN = 16;
const NICE_LENGTH = 96;
const BLOCK_SYMBOLS = 1 << 15;
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

// Length 3..258 → code 257..285 and extra bits; distance 1..32768 → code 0..29 and extra bits.
const LENGTH_CODE = new Uint16Array(259);
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193,
	12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
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
const distCode = (d: number): number => (d <= 512 ? DIST_CODE_LOW[d] : DIST_CODE_HIGH[(d - 1) >> 7]);

function reverseBits(code: number, len: number): number {
	let r = 0;
	for (let i = 0; i < len; i++) {
		r = (r << 1) | (code & 1);
		code >>>= 1;
	}
	return r;
}

class BitWriter {
	buf: Uint8Array;
	pos = 0;
	acc = 0;
	nbits = 0;

	constructor(capacity: number) {
		this.buf = new Uint8Array(capacity);
	}

	private grow(): void {
		const next = new Uint8Array(this.buf.length * 2);
		next.set(this.buf);
		this.buf = next;
	}

	/** Room for `bytes` more output bytes (call before a run of put()s). */
	reserve(bytes: number): void {
		while (this.pos + bytes + 8 > this.buf.length) this.grow();
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
}

interface Code {
	lengths: Uint8Array;
	codes: Uint32Array; // bit-reversed, ready for LSB-first output
}

function makeCode(freq: Uint32Array, maxBits: number): Code {
	const lengths = huffmanCodeLengths(freq, maxBits);
	const canon = canonicalCodes(lengths, maxBits);
	const codes = new Uint32Array(lengths.length);
	for (let i = 0; i < lengths.length; i++) if (lengths[i]) codes[i] = reverseBits(canon[i], lengths[i]);
	return { lengths, codes };
}

function writeBlock(w: BitWriter, lit: Uint16Array, dist: Uint16Array, count: number, final: boolean): void {
	const litFreq = new Uint32Array(286);
	const distFreq = new Uint32Array(30);
	for (let i = 0; i < count; i++) {
		const d = dist[i];
		if (d === 0) litFreq[lit[i]]++;
		else {
			litFreq[257 + LENGTH_CODE[lit[i]]]++;
			distFreq[distCode(d)]++;
		}
	}
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

	const lc = litCode.codes;
	const ll = litCode.lengths;
	const dc = distC.codes;
	const dl = distC.lengths;
	for (let i = 0; i < count; i++) {
		const d = dist[i];
		const v = lit[i];
		if (d === 0) {
			w.put(lc[v], ll[v]);
		} else {
			const c = LENGTH_CODE[v];
			w.put(lc[257 + c], ll[257 + c]);
			if (LENGTH_EXTRA[c]) w.put(v - LENGTH_BASE[c], LENGTH_EXTRA[c]);
			const e = distCode(d);
			w.put(dc[e], dl[e]);
			if (DIST_EXTRA[e]) w.put(d - DIST_BASE[e], DIST_EXTRA[e]);
		}
	}
	w.put(lc[256], ll[256]);
}

export function zlibDeflate(data: Uint8Array): Uint8Array {
	const n = data.length;
	const w = new BitWriter(Math.max(1024, Math.ceil(n * 1.05) + 64));
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
		const lit = new Uint16Array(BLOCK_SYMBOLS);
		const dist = new Uint16Array(BLOCK_SYMBOLS);
		let count = 0;
		const hashAt = (p: number): number =>
			Math.imul((data[p] << 16) | (data[p + 1] << 8) | data[p + 2], 0x9e3779b1) >>> (32 - HASH_BITS);
		const insert = (p: number): number => {
			const h = hashAt(p);
			const cand = head[h];
			head[h] = p;
			prev[p & WMASK] = cand;
			return cand;
		};
		// Longest match at p among the chain starting at cand; returns length << 16 | distance.
		const longest = (p: number, cand: number, atLeast: number): number => {
			let bestLen = atLeast;
			let bestDist = 0;
			const limit = p - WINDOW;
			const maxLen = Math.min(MAX_MATCH, n - p);
			let chain = MAX_CHAIN;
			while (cand > limit && cand >= 0 && chain-- > 0) {
				if (data[cand + bestLen] === data[p + bestLen] && data[cand] === data[p] && data[cand + 1] === data[p + 1]) {
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
			return bestDist ? (bestLen << 16) | bestDist : 0;
		};
		const flushIfFull = (): void => {
			if (count === BLOCK_SYMBOLS) {
				writeBlock(w, lit, dist, count, false);
				count = 0;
			}
		};

		let p = 0;
		let misses = 0;
		while (p < n) {
			const step = 1 + (misses >> 6);
			if (step > 1) {
				// Positions skipped by the miss heuristic: literals, not inserted in the hash chains.
				const stop = Math.min(n, p + step - 1);
				for (; p < stop; p++) {
					lit[count] = data[p];
					dist[count++] = 0;
					flushIfFull();
				}
				if (p >= n) break;
			}
			if (p + MIN_MATCH > n) {
				lit[count] = data[p];
				dist[count++] = 0;
				flushIfFull();
				p++;
				continue;
			}
			const cand = insert(p);
			let m = cand >= 0 ? longest(p, cand, MIN_MATCH - 1) : 0;
			if (m !== 0 && m >>> 16 < NICE_LENGTH && p + 1 + MIN_MATCH <= n) {
				// One step of lazy evaluation: a longer match at p + 1 wins over this one.
				const cand1 = insert(p + 1);
				const m1 = cand1 >= 0 ? longest(p + 1, cand1, m >>> 16) : 0;
				if (m1 !== 0) {
					lit[count] = data[p];
					dist[count++] = 0;
					flushIfFull();
					p++;
					m = m1;
				} else {
					// p + 1 is already in the hash chains; matched bytes from p + 2 on get inserted below.
					misses = 0;
					const len = m >>> 16;
					lit[count] = len;
					dist[count++] = m & 0xffff;
					flushIfFull();
					const stop = p + len;
					if (len <= 32) for (let q = p + 2; q < stop && q + MIN_MATCH <= n; q++) insert(q);
					p = stop;
					continue;
				}
			}
			if (m === 0) {
				lit[count] = data[p];
				dist[count++] = 0;
				flushIfFull();
				p++;
				if (misses < 1024) misses++;
				continue;
			}
			misses = 0;
			const len = m >>> 16;
			lit[count] = len;
			dist[count++] = m & 0xffff;
			flushIfFull();
			const stop = p + len;
			if (len <= 32) for (let q = p + 1; q < stop && q + MIN_MATCH <= n; q++) insert(q);
			p = stop;
		}
		writeBlock(w, lit, dist, count, true);
	}
	w.alignToByte();
	const a = adler32(data);
	w.byte(a >>> 24);
	w.byte((a >>> 16) & 0xff);
	w.byte((a >>> 8) & 0xff);
	w.byte(a & 0xff);
	return w.buf.slice(0, w.pos);
}
