import { ByteWriter } from '../byteWriter';
import { canonicalCodes, huffmanCodeLengths } from '../huffmanCodeLengths';
import type { JpegComponent, JpegFrame } from './jpegFrame';

/**
 * Writes the coefficients as a sequential JPEG with Huffman tables optimized for them
 * (Annex K.2, 16-bit limit): SOF0 if every quantization table is 8-bit, else SOF1; one
 * interleaved scan (or one scan for a single component); no restart markers.
 *
 * Coefficients are written as they are. Only values no 8-bit JPEG can hold (which corrupt
 * input can produce) are clamped: DC to −1024..1023 (DC differences stay within category
 * 11), AC to ±1023 (category 10).
 */

interface EncodeTable {
	freq: Uint32Array;
	lengths: Uint8Array;
	codes: Uint32Array;
}

const newTable = (): EncodeTable => ({
	freq: new Uint32Array(256),
	lengths: new Uint8Array(256),
	codes: new Uint32Array(256),
});

function category(v: number): number {
	if (v < 0) v = -v;
	return v === 0 ? 0 : 32 - Math.clz32(v);
}

class JpegBitWriter {
	acc = 0;
	nbits = 0;

	constructor(readonly w: ByteWriter) {}

	/** n ≤ 24 bits. */
	put(v: number, n: number): void {
		this.acc = (this.acc << n) | (v & ((1 << n) - 1));
		this.nbits += n;
		const w = this.w;
		while (this.nbits >= 8) {
			this.nbits -= 8;
			const b = (this.acc >>> this.nbits) & 0xff;
			if (w.length + 2 > w.raw.length) w.ensure(2);
			const raw = w.raw;
			raw[w.length++] = b;
			if (b === 0xff) raw[w.length++] = 0;
		}
		this.acc &= (1 << this.nbits) - 1;
	}

	flush(): void {
		if (this.nbits > 0) this.put(0x7f, 8 - this.nbits); // pad with 1-bits
	}
}

/** Visits every coded block in scan order, counting symbols (writer undefined) or writing them. */
function codeBlocks(
	frame: JpegFrame,
	dcT: EncodeTable[],
	acT: EncodeTable[],
	bw: JpegBitWriter | undefined,
): void {
	const comps = frame.components;
	const preds = new Int32Array(comps.length);
	const codeBlock = (ci: number, coefs: Int16Array, o: number): void => {
		const dcTable = dcT[ci];
		const acTable = acT[ci];
		let dc = coefs[o];
		if (dc < -1024) dc = -1024;
		else if (dc > 1023) dc = 1023;
		const diff = dc - preds[ci];
		preds[ci] = dc;
		const dcCat = category(diff);
		if (bw) {
			bw.put(dcTable.codes[dcCat], dcTable.lengths[dcCat]);
			if (dcCat) bw.put(diff < 0 ? diff - 1 : diff, dcCat);
		} else dcTable.freq[dcCat]++;
		let last = 63;
		while (last > 0 && coefs[o + last] === 0) last--;
		let run = 0;
		const freq = acTable.freq;
		const codes = acTable.codes;
		const lengths = acTable.lengths;
		for (let k = 1; k <= last; k++) {
			let v = coefs[o + k];
			if (v === 0) {
				run++;
				continue;
			}
			if (v > 1023) v = 1023;
			else if (v < -1023) v = -1023;
			while (run > 15) {
				if (bw) bw.put(codes[0xf0], lengths[0xf0]);
				else freq[0xf0]++;
				run -= 16;
			}
			const cat = category(v);
			const sym = (run << 4) | cat;
			if (bw) {
				bw.put(codes[sym], lengths[sym]);
				bw.put(v < 0 ? v - 1 : v, cat);
			} else freq[sym]++;
			run = 0;
		}
		if (last < 63) {
			if (bw) bw.put(codes[0], lengths[0]);
			else freq[0]++;
		}
	};
	if (comps.length === 1) {
		const c = comps[0];
		for (let by = 0; by < c.blocksPerColumn; by++) {
			for (let bx = 0; bx < c.blocksPerLine; bx++)
				codeBlock(0, c.coefs, (by * c.blocksPerLineMcu + bx) * 64);
		}
		return;
	}
	for (let my = 0; my < frame.mcusPerColumn; my++) {
		for (let mx = 0; mx < frame.mcusPerLine; mx++) {
			for (let ci = 0; ci < comps.length; ci++) {
				const c: JpegComponent = comps[ci];
				for (let v = 0; v < c.v; v++) {
					const row = (my * c.v + v) * c.blocksPerLineMcu + mx * c.h;
					for (let h = 0; h < c.h; h++) codeBlock(ci, c.coefs, (row + h) * 64);
				}
			}
		}
	}
}

function finishTable(t: EncodeTable): void {
	t.lengths = huffmanCodeLengths(t.freq, 16, true);
	t.codes = canonicalCodes(t.lengths, 16);
}

function dhtPayload(w: ByteWriter, tableClass: number, id: number, t: EncodeTable): void {
	const counts = new Uint8Array(16);
	const values: number[] = [];
	for (let len = 1; len <= 16; len++) {
		for (let s = 0; s < 256; s++) {
			if (t.lengths[s] === len) {
				counts[len - 1]++;
				values.push(s);
			}
		}
	}
	w.byte((tableClass << 4) | id);
	w.bytes(counts);
	w.bytes(values);
}

/** Appends DQT, SOF, DHT, SOS, the entropy-coded data and EOI to `w` (which holds SOI + metadata). */
export function writeJpegBody(w: ByteWriter, frame: JpegFrame): void {
	const comps = frame.components;
	// Quantization tables: one per distinct table the components use, under the original numbers.
	let extended = false;
	for (const c of comps) if (c.quantPrecision) extended = true;
	// Two components with one table number but different snapshots: renumber to keep both.
	const tqOf = new Map<JpegComponent, number>();
	const used = new Set<number>();
	const tables: Array<{ id: number; q: Uint16Array; precision: number }> = [];
	for (const c of comps) {
		const q = c.quant as Uint16Array;
		const same = tables.find((t) => t.q === q);
		if (same) {
			tqOf.set(c, same.id);
			continue;
		}
		let id = c.tq;
		if (used.has(id)) id = [0, 1, 2, 3].find((i) => !used.has(i)) as number;
		used.add(id);
		tables.push({ id, q, precision: c.quantPrecision });
		tqOf.set(c, id);
	}
	for (const t of tables) {
		w.byte(0xff);
		w.byte(0xdb);
		w.u16be(2 + 1 + 64 * (t.precision ? 2 : 1));
		w.byte((t.precision << 4) | t.id);
		for (let k = 0; k < 64; k++) {
			if (t.precision) w.u16be(t.q[k]);
			else w.byte(t.q[k]);
		}
	}

	// SOF0 / SOF1.
	w.byte(0xff);
	w.byte(extended ? 0xc1 : 0xc0);
	w.u16be(8 + 3 * comps.length);
	w.byte(8);
	w.u16be(frame.height);
	w.u16be(frame.width);
	w.byte(comps.length);
	for (const c of comps) {
		w.byte(c.id);
		w.byte((c.h << 4) | c.v);
		w.byte(tqOf.get(c) as number);
	}

	// Huffman tables: 0 for the first component, 1 shared by the others.
	const dc = [newTable(), newTable()];
	const ac = [newTable(), newTable()];
	const dcT = comps.map((_, i) => dc[i === 0 ? 0 : 1]);
	const acT = comps.map((_, i) => ac[i === 0 ? 0 : 1]);
	codeBlocks(frame, dcT, acT, undefined);
	const nTables = comps.length === 1 ? 1 : 2;
	for (let i = 0; i < nTables; i++) {
		finishTable(dc[i]);
		finishTable(ac[i]);
	}
	const dht = new ByteWriter(1024);
	for (let i = 0; i < nTables; i++) {
		dhtPayload(dht, 0, i, dc[i]);
		dhtPayload(dht, 1, i, ac[i]);
	}
	w.byte(0xff);
	w.byte(0xc4);
	w.u16be(dht.length + 2);
	w.bytes(dht.toBytes());

	// SOS.
	w.byte(0xff);
	w.byte(0xda);
	w.u16be(6 + 2 * comps.length);
	w.byte(comps.length);
	comps.forEach((c, i) => {
		w.byte(c.id);
		w.byte(i === 0 ? 0x00 : 0x11);
	});
	w.byte(0);
	w.byte(63);
	w.byte(0);

	const bw = new JpegBitWriter(w);
	codeBlocks(frame, dcT, acT, bw);
	bw.flush();
	w.byte(0xff);
	w.byte(0xd9);
}
