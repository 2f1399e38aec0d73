/**
 * Hostile test input, written byte by byte (independent of the library under test): progressive
 * JPEGs whose scans cover every block in a few bytes (EOB runs), and PNG / JPEG headers that
 * claim far more decoded data than the file would hold.
 */
import { chunk } from './testImages';

function segment(marker: number, data: number[]): number[] {
	return [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];
}

/** MSB-first bits with 0xFF byte stuffing, padded with 1-bits (JPEG entropy-coded data). */
class JpegBits {
	readonly bytes: number[] = [];
	private acc = 0;
	private n = 0;

	put(value: number, count: number): void {
		for (let i = count - 1; i >= 0; i--) {
			this.acc = (this.acc << 1) | ((value >> i) & 1);
			if (++this.n === 8) this.flushByte();
		}
	}

	/** `count` 0-bits, fast (a DC scan of many blocks). */
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
	sampling: Array<[number, number]>;
	/** AC scans after the DC scans, each over one component, cycling through `acComponents`. */
	acScans: number;
	acComponents?: number[];
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
 * non-interleaved DC scan per component (1 bit per block), then `acScans` AC scans that each
 * cover their component with EOB runs of 32,767 blocks (15 bits a run: a scan of 62,500
 * blocks is 16 bytes).
 * Decoders see a flat mid-grey image.
 */
export function eobRunJpeg(o: EobRunJpegOptions): Uint8Array {
	const hmax = Math.max(...o.sampling.map((s) => s[0]));
	const vmax = Math.max(...o.sampling.map((s) => s[1]));
	const blocksOf = ([h, v]: [number, number]): number =>
		Math.ceil(Math.ceil((o.width * h) / hmax) / 8) *
		Math.ceil(Math.ceil((o.height * v) / vmax) / 8);
	const out: number[] = [0xff, 0xd8];
	out.push(...segment(0xdb, [0, ...new Array(64).fill(1)]));
	out.push(
		...segment(0xc2, [
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
	const oneCode = [1, ...new Array(15).fill(0)];
	out.push(...segment(0xc4, [0x00, ...oneCode, 0x00, 0x10, ...oneCode, 0xe0]));
	const write = (data: number[]): void => {
		for (const b of data) out.push(b);
	};
	o.sampling.forEach((s, i) => {
		write(segment(0xda, [1, i + 1, 0x00, 0, 0, 0]));
		const bits = new JpegBits();
		bits.zeros(blocksOf(s));
		write(bits.finish());
	});
	const acComponents = o.acComponents ?? o.sampling.map((_, i) => i);
	for (let k = 0; k < o.acScans; k++) {
		const ci = acComponents[k % acComponents.length];
		const [ss, se] = o.spectralBands
			? [1 + Math.floor((63 * k) / o.acScans), Math.floor((63 * (k + 1)) / o.acScans)]
			: [1, 63];
		write(segment(0xda, [1, ci + 1, 0x00, ss, se, o.refine ? 0x10 : 0x00]));
		const bits = new JpegBits();
		for (let left = blocksOf(o.sampling[ci]); left > 0; left -= 32767) bits.put(0x3fff, 15);
		write(bits.finish());
	}
	out.push(0xff, 0xd9);
	return new Uint8Array(out);
}

/** A JPEG frame header (4:4:4, width × height) padded with COM segments to about `fileBytes`, without image data. */
export function paddedJpegHeader(width: number, height: number, fileBytes: number): Uint8Array {
	const parts = [
		Buffer.from([0xff, 0xd8]),
		Buffer.from(segment(0xdb, [0, ...new Array(64).fill(1)])),
		Buffer.from(
			segment(0xc0, [
				8,
				height >> 8,
				height & 0xff,
				width >> 8,
				width & 0xff,
				3,
				...[1, 2, 3].flatMap((id) => [id, 0x11, 0]),
			]),
		),
	];
	let size = 2 + 69 + 19 + 2;
	for (; size < fileBytes; ) {
		const data = Math.max(0, Math.min(60_000, fileBytes - size - 4));
		parts.push(Buffer.from(segment(0xfe, new Array(data).fill(0x20))));
		size += data + 4;
	}
	parts.push(Buffer.from([0xff, 0xd9]));
	return new Uint8Array(Buffer.concat(parts));
}

/** A PNG header for the given layout with `idatBytes` of data that is not even a zlib stream. */
export function pngWithGarbageIdat(
	width: number,
	height: number,
	bitDepth: number,
	colorType: number,
	interlaced: boolean,
	idatBytes: number,
): Uint8Array {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = bitDepth;
	ihdr[9] = colorType;
	ihdr[12] = interlaced ? 1 : 0;
	return new Uint8Array(
		Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			chunk('IHDR', ihdr),
			chunk('IDAT', Buffer.alloc(idatBytes, 0x5a)),
			chunk('IEND', Buffer.alloc(0)),
		]),
	);
}
