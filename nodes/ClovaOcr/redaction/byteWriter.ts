import type { ChargeBytes } from './budget';

/** A growable byte buffer; `charge` (if given) is told of every allocation before it happens. */
export class ByteWriter {
	private buf: Uint8Array;
	length = 0;

	constructor(
		initialCapacity = 1 << 16,
		private readonly charge?: ChargeBytes,
	) {
		const capacity = Math.max(16, initialCapacity);
		this.charge?.(capacity);
		this.buf = new Uint8Array(capacity);
	}

	ensure(extra: number): void {
		const need = this.length + extra;
		if (need <= this.buf.length) return;
		let cap = this.buf.length * 2;
		while (cap < need) cap *= 2;
		this.charge?.(cap);
		const next = new Uint8Array(cap);
		next.set(this.buf.subarray(0, this.length));
		this.buf = next;
	}

	byte(b: number): void {
		if (this.length === this.buf.length) this.ensure(1);
		this.buf[this.length++] = b;
	}

	u16be(v: number): void {
		this.ensure(2);
		this.buf[this.length++] = (v >>> 8) & 0xff;
		this.buf[this.length++] = v & 0xff;
	}

	u32be(v: number): void {
		this.ensure(4);
		this.buf[this.length++] = (v >>> 24) & 0xff;
		this.buf[this.length++] = (v >>> 16) & 0xff;
		this.buf[this.length++] = (v >>> 8) & 0xff;
		this.buf[this.length++] = v & 0xff;
	}

	bytes(data: Uint8Array | readonly number[]): void {
		this.ensure(data.length);
		if (data instanceof Uint8Array) this.buf.set(data, this.length);
		else for (let i = 0; i < data.length; i++) this.buf[this.length + i] = data[i];
		this.length += data.length;
	}

	ascii(text: string): void {
		this.ensure(text.length);
		for (let i = 0; i < text.length; i++) this.buf[this.length++] = text.charCodeAt(i) & 0xff;
	}

	/** The bytes written so far (a copy trimmed to size). */
	toBytes(): Uint8Array {
		return this.buf.slice(0, this.length);
	}

	/** Direct access for hot loops; valid until the next write that grows the buffer. */
	get raw(): Uint8Array {
		return this.buf;
	}
}
