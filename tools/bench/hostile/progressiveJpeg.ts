/**
 * Progressive JPEGs whose scans cover every block in a few bytes (EOB runs), written byte by
 * byte: the refinement-scan flood that made the redacted copy decode for seconds. The unit and
 * e2e tests use it too (tests may import tools; tools never import from test/).
 */
import { jpegSegment } from './jpegSegment';

/** MSB-first bits with 0xFF byte stuffing, padded with 1-bits (JPEG entropy-coded data). */
class EntropyBits {
	readonly bytes: number[] = [];
	private acc = 0;
	private n = 0;

	put(value: number, count: number): void {
		for (let i = count - 1; i >= 0; i--) {
			this.acc = (this.acc << 1) | ((value >> i) & 1);
			if (++this.n === 8) this.flushByte();
		}
	}

	/** `count` 0-bits, a byte at a time where it can. */
	zeros(count: number): void {
		while (count > 0 && this.n !== 0) {
			this.put(0, 1);
			count--;
		}
		for (; count >= 8; count -= 8) this.bytes.push(0);
		this.put(0, count);
	}

	finish(): number[] {
		while (this.n !== 0) this.put(1, 1);
		return this.bytes;
	}

	private flushByte(): void {
		this.bytes.push(this.acc);
		if (this.acc === 0xff) this.bytes.push(0);
		this.acc = 0;
		this.n = 0;
	}
}

export interface EobRunJpegOptions {
	width: number;
	height: number;
	/** [h, v] per component (1 or 3 components). */
	sampling: ReadonlyArray<readonly [number, number]>;
	/** AC scans after the DC scans, each over one component, cycling through `acComponents`. */
	acScans: number;
	acComponents?: readonly number[];
	/** Successive-approximation refinement scans (Ah = 1, Al = 0): the costliest per block. */
	refine?: boolean;
	/**
	 * One component only: the AC scans split 1..63 into `acScans` bands (a valid progression,
	 * which libjpeg decodes without complaint) instead of all repeating 1..63.
	 */
	spectralBands?: boolean;
}

/**
 * A progressive JPEG (SOF2) whose every block has DC difference 0 and no AC coefficient: one
 * DC scan per component (1 bit a block), then `acScans` AC scans over 1..63 that each cover
 * their component with EOB runs of 32,767 blocks (15 bits a run). A flat mid-grey image.
 */
export function eobRunJpeg(o: EobRunJpegOptions): Uint8Array {
	const hmax = Math.max(...o.sampling.map((s) => s[0]));
	const vmax = Math.max(...o.sampling.map((s) => s[1]));
	const blocksOf = ([h, v]: readonly [number, number]): number =>
		Math.ceil(Math.ceil((o.width * h) / hmax) / 8) *
		Math.ceil(Math.ceil((o.height * v) / vmax) / 8);
	const out: number[] = [0xff, 0xd8];
	const write = (data: readonly number[]): void => {
		for (const b of data) out.push(b);
	};
	write(jpegSegment(0xdb, [0, ...new Array<number>(64).fill(1)]));
	write(
		jpegSegment(0xc2, [
			8,
			o.height >> 8,
			o.height & 0xff,
			o.width >> 8,
			o.width & 0xff,
			o.sampling.length,
			...o.sampling.flatMap(([h, v], i) => [i + 1, (h << 4) | v, 0]),
		]),
	);
	// One 1-bit code each: DC category 0, and AC symbol 0xE0 (EOB run of 2^14 + 14 bits).
	const oneCode = [1, ...new Array<number>(15).fill(0)];
	write(jpegSegment(0xc4, [0x00, ...oneCode, 0x00, 0x10, ...oneCode, 0xe0]));
	o.sampling.forEach((s, i) => {
		write(jpegSegment(0xda, [1, i + 1, 0x00, 0, 0, 0]));
		const bits = new EntropyBits();
		bits.zeros(blocksOf(s));
		write(bits.finish());
	});
	const acComponents = o.acComponents ?? o.sampling.map((_, i) => i);
	for (let k = 0; k < o.acScans; k++) {
		const ci = acComponents[k % acComponents.length];
		const [ss, se] = o.spectralBands
			? [1 + Math.floor((63 * k) / o.acScans), Math.floor((63 * (k + 1)) / o.acScans)]
			: [1, 63];
		write(jpegSegment(0xda, [1, ci + 1, 0x00, ss, se, o.refine ? 0x10 : 0x00]));
		const bits = new EntropyBits();
		for (let left = blocksOf(o.sampling[ci]); left > 0; left -= 32767) bits.put(0x3fff, 15);
		write(bits.finish());
	}
	out.push(0xff, 0xd9);
	return new Uint8Array(out);
}
