import { damaged } from '../redactionError';

/**
 * MSB-first reader of a JPEG entropy-coded segment: removes 0xFF00 stuffing and stops at the
 * first marker, after which it feeds 0-bits (and counts them, so a scan that needed bits past
 * its end can be reported as damaged).
 */
export class JpegBitReader {
	acc = 0;
	nbits = 0;
	/** Set once a marker (or the end of the file) stopped the byte feed. */
	stopped = false;
	/** Number of 0-bytes fed after the stop. */
	padBytes = 0;

	constructor(
		readonly data: Uint8Array,
		public pos: number,
	) {}

	fill(): void {
		const data = this.data;
		while (this.nbits <= 24) {
			let b = 0;
			if (!this.stopped) {
				if (this.pos >= data.length) {
					this.stopped = true;
				} else {
					b = data[this.pos];
					if (b === 0xff) {
						const next = this.pos + 1 < data.length ? data[this.pos + 1] : -1;
						if (next === 0) this.pos += 2;
						else {
							this.stopped = true;
							b = 0;
						}
					} else this.pos++;
				}
			}
			if (this.stopped) this.padBytes++;
			this.acc = (this.acc << 8) | b;
			this.nbits += 8;
		}
	}

	bits(n: number): number {
		if (n === 0) return 0;
		if (this.nbits < n) this.fill();
		this.nbits -= n;
		return (this.acc >>> this.nbits) & ((1 << n) - 1);
	}

	bit(): number {
		if (this.nbits < 1) this.fill();
		this.nbits--;
		return (this.acc >>> this.nbits) & 1;
	}

	/** s bits as a signed value (JPEG F.2.2.1 EXTEND). */
	receiveExtend(s: number): number {
		if (s === 0) return 0;
		if (s > 16) throw damaged('JPEG', 'a coefficient is out of range');
		if (this.nbits < s) this.fill();
		this.nbits -= s;
		const v = (this.acc >>> this.nbits) & ((1 << s) - 1);
		return v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
	}

	/** Whether more bits were consumed than the segment had. */
	overran(): boolean {
		return this.padBytes * 8 > this.nbits;
	}

	/** Drops buffered bits and moves to the next RSTn marker; false if the next marker is not one. */
	restart(): boolean {
		if (this.overran()) throw damaged('JPEG', 'entropy-coded data ends early');
		this.acc = 0;
		this.nbits = 0;
		this.stopped = false;
		this.padBytes = 0;
		const data = this.data;
		let p = this.pos;
		// Skip to the marker (tolerating stray bytes), then over fill bytes.
		while (
			p < data.length &&
			!(data[p] === 0xff && p + 1 < data.length && data[p + 1] !== 0 && data[p + 1] !== 0xff)
		)
			p++;
		if (p + 1 >= data.length) throw damaged('JPEG', 'the file ends inside a scan');
		const m = data[p + 1];
		if (m < 0xd0 || m > 0xd7) return false;
		this.pos = p + 2;
		return true;
	}
}
