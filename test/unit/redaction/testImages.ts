/**
 * Test-side tools, independent of the library under test: a seeded RNG, photo-like pixels,
 * a PNG writer on node's zlib, a minimal baseline JPEG encoder (for the sampling factors and
 * restart intervals that sharp cannot make), and tiny marker / chunk readers.
 */
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import type { JpegOptions } from 'sharp';

export function rng(seed: number): () => number {
	let s = seed >>> 0 || 1;
	return () => {
		s ^= s << 13;
		s >>>= 0;
		s ^= s >>> 17;
		s ^= s << 5;
		s >>>= 0;
		return s / 4294967296;
	};
}

/** Interleaved 8-bit pixels: gradients, a disc and noise. */
export function photoPixels(width: number, height: number, channels: number, seed = 1): Buffer {
	const r = rng(seed);
	const out = Buffer.alloc(width * height * channels);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const disc =
				(x - width / 2) ** 2 + (y - height / 2) ** 2 < (Math.min(width, height) / 3) ** 2 ? 50 : 0;
			for (let c = 0; c < channels; c++) {
				const base =
					c === 0
						? (x / width) * 180 + 40
						: c === 1
							? (y / height) * 160 + 50
							: 128 + 60 * Math.sin((x + y) / 20);
				const v = base + disc * (c === 2 ? -1 : 1) + (r() - 0.5) * 30;
				out[(y * width + x) * channels + c] = Math.max(0, Math.min(255, Math.round(v)));
			}
		}
	}
	return out;
}

export async function sharpJpeg(
	width: number,
	height: number,
	options: JpegOptions,
	channels: 1 | 3 = 3,
	seed = 1,
): Promise<Uint8Array> {
	let img = sharp(photoPixels(width, height, channels, seed), { raw: { width, height, channels } });
	if (channels === 1) img = img.toColourspace('b-w');
	return new Uint8Array(await img.jpeg(options).toBuffer());
}

export interface Decoded {
	width: number;
	height: number;
	channels: number;
	data: Buffer;
}

/** Decoded by sharp (libvips + libjpeg-turbo / libspng / libpng), no rotation applied. */
export async function decode(file: Uint8Array): Promise<Decoded> {
	const { data, info } = await sharp(Buffer.from(file)).raw().toBuffer({ resolveWithObject: true });
	return { width: info.width, height: info.height, channels: info.channels, data };
}

// ---------- JPEG marker reader ----------

export interface Segment {
	marker: number;
	data: Buffer;
}

/** Marker segments before the first SOS (plus SOS itself); enough to inspect headers and metadata. */
export function jpegSegments(file: Uint8Array): Segment[] {
	const b = Buffer.from(file);
	const out: Segment[] = [];
	let p = 2;
	while (p + 4 <= b.length) {
		if (b[p] !== 0xff) throw new Error(`no marker at ${p}`);
		const marker = b[p + 1];
		const len = b.readUInt16BE(p + 2);
		out.push({ marker, data: b.subarray(p + 4, p + 2 + len) });
		if (marker === 0xda) break;
		p += 2 + len;
	}
	return out;
}

/** Adds APPn/COM segments right after SOI. */
export function withSegments(file: Uint8Array, segments: Array<[number, Buffer]>): Uint8Array {
	const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
	for (const [marker, data] of segments) {
		const head = Buffer.alloc(4);
		head[0] = 0xff;
		head[1] = marker;
		head.writeUInt16BE(data.length + 2, 2);
		parts.push(head, data);
	}
	parts.push(Buffer.from(file).subarray(2));
	return new Uint8Array(Buffer.concat(parts));
}

/** An Exif APP1 payload (big-endian TIFF) with the given IFD0 SHORT tags and a GPS IFD pointer. */
export function exifPayload(orientation: number): Buffer {
	const entries: Array<[number, number, number, number]> = [
		[0x0112, 3, 1, orientation << 16],
		[0x8825, 4, 1, 8 + 2 + 2 * 12 + 4], // GPS IFD right after IFD0
	];
	const ifd0 = Buffer.alloc(2 + entries.length * 12 + 4);
	ifd0.writeUInt16BE(entries.length, 0);
	entries.forEach(([tag, type, count, value], i) => {
		ifd0.writeUInt16BE(tag, 2 + 12 * i);
		ifd0.writeUInt16BE(type, 4 + 12 * i);
		ifd0.writeUInt32BE(count, 6 + 12 * i);
		ifd0.writeUInt32BE(value >>> 0, 10 + 12 * i);
	});
	const gps = Buffer.alloc(2 + 12 + 4);
	gps.writeUInt16BE(1, 0);
	gps.writeUInt16BE(0x0001, 2); // GPSLatitudeRef
	gps.writeUInt16BE(2, 4);
	gps.writeUInt32BE(2, 6);
	gps.write('N\0', 10, 'latin1');
	return Buffer.concat([
		Buffer.from('Exif\0\0', 'latin1'),
		Buffer.from('MM\0\x2a\0\0\0\x08', 'latin1'),
		ifd0,
		gps,
	]);
}

// ---------- PNG ----------

export interface PngChunkInfo {
	type: string;
	data: Buffer;
}

export function pngChunks(file: Uint8Array): PngChunkInfo[] {
	const b = Buffer.from(file);
	const out: PngChunkInfo[] = [];
	let p = 8;
	while (p + 12 <= b.length) {
		const len = b.readUInt32BE(p);
		out.push({ type: b.toString('latin1', p + 4, p + 8), data: b.subarray(p + 8, p + 8 + len) });
		p += 12 + len;
	}
	return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc(buf: Buffer): number {
	let c = 0xffffffff;
	for (const x of buf) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

export function chunk(type: string, data: Buffer): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const tail = Buffer.alloc(4);
	tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, tail]);
}

/**
 * A non-interlaced PNG of packed rows (rowBytes each, no filter bytes), filter None, compressed
 * by node's zlib; `extra` chunks go before IDAT.
 */
export function writePngFile(
	width: number,
	height: number,
	bitDepth: number,
	colorType: number,
	rows: Buffer,
	extra: PngChunkInfo[] = [],
): Uint8Array {
	const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType] as number;
	const rb = Math.ceil((width * channels * bitDepth) / 8);
	const raw = Buffer.alloc(height * (rb + 1));
	for (let y = 0; y < height; y++) rows.copy(raw, y * (rb + 1) + 1, y * rb, (y + 1) * rb);
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = bitDepth;
	ihdr[9] = colorType;
	return new Uint8Array(
		Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			chunk('IHDR', ihdr),
			...extra.map((c) => chunk(c.type, c.data)),
			chunk('IDAT', deflateSync(raw)),
			chunk('IEND', Buffer.alloc(0)),
		]),
	);
}

/** Random packed rows for a PNG of the given layout. */
export function randomRows(
	width: number,
	height: number,
	bitsPerPixel: number,
	seed: number,
): Buffer {
	const r = rng(seed);
	const rb = Math.ceil((width * bitsPerPixel) / 8);
	const rows = Buffer.alloc(rb * height);
	for (let i = 0; i < rows.length; i++) rows[i] = Math.floor(r() * 256);
	// Clear the padding bits at the end of each row (decoders ignore them; keeps comparisons simple).
	const pad = rb * 8 - width * bitsPerPixel;
	if (pad) for (let y = 0; y < height; y++) rows[y * rb + rb - 1] &= (0xff << pad) & 0xff;
	return rows;
}

// ---------- a minimal baseline JPEG encoder (test input only) ----------

const ZIGZAG = [
	0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
	13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52,
	45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];
const STD_LUMA_Q = [
	16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
	14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113,
	92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
// Annex K.3 tables.
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const AC_BITS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
const AC_VALS = [
	0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07,
	0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0,
	0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
	0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49,
	0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69,
	0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
	0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
	0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5,
	0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
	0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
	0xf9, 0xfa,
];

function huffCodes(bits: number[], vals: number[]): Map<number, [number, number]> {
	const m = new Map<number, [number, number]>();
	let code = 0;
	let k = 0;
	for (let len = 1; len <= 16; len++) {
		for (let i = 0; i < bits[len - 1]; i++) m.set(vals[k++], [code++, len]);
		code <<= 1;
	}
	return m;
}

/**
 * Baseline JPEG of interleaved 8-bit pixels (1 or 3 channels; 3 are converted to YCbCr) with
 * the given sampling factors per component and restart interval. One quant table (the
 * standard luma one, scaled) and the standard Huffman tables for every component.
 */
export function encodeTestJpeg(
	pixels: Buffer,
	width: number,
	height: number,
	channels: 1 | 3,
	sampling: Array<[number, number]>,
	restartInterval = 0,
	quality = 2,
): Uint8Array {
	const q = STD_LUMA_Q.map((v) => Math.max(1, Math.min(255, Math.round(v / quality))));
	const hmax = Math.max(...sampling.map((s) => s[0]));
	const vmax = Math.max(...sampling.map((s) => s[1]));
	// Full-resolution planes.
	const planes: Float64Array[] = [];
	for (let c = 0; c < channels; c++) planes.push(new Float64Array(width * height));
	for (let i = 0; i < width * height; i++) {
		if (channels === 1) planes[0][i] = pixels[i];
		else {
			const [r, g, b] = [pixels[3 * i], pixels[3 * i + 1], pixels[3 * i + 2]];
			planes[0][i] = 0.299 * r + 0.587 * g + 0.114 * b;
			planes[1][i] = -0.168736 * r - 0.331264 * g + 0.5 * b + 128;
			planes[2][i] = 0.5 * r - 0.418688 * g - 0.081312 * b + 128;
		}
	}
	const mcuW = 8 * hmax;
	const mcuH = 8 * vmax;
	const mcusX = Math.ceil(width / mcuW);
	const mcusY = Math.ceil(height / mcuH);
	// Component sample (by averaging the covered pixels, edge-replicated).
	const sample = (c: number, sx: number, sy: number): number => {
		const fx = hmax / sampling[c][0];
		const fy = vmax / sampling[c][1];
		let sum = 0;
		for (let dy = 0; dy < fy; dy++) {
			for (let dx = 0; dx < fx; dx++) {
				const x = Math.min(width - 1, sx * fx + dx);
				const y = Math.min(height - 1, sy * fy + dy);
				sum += planes[c][y * width + x];
			}
		}
		return sum / (fx * fy);
	};
	const cos = Array.from({ length: 8 }, (_, x) =>
		Array.from({ length: 8 }, (_, u) => Math.cos(((2 * x + 1) * u * Math.PI) / 16)),
	);
	const dct = (block: number[]): number[] => {
		const out = new Array(64).fill(0);
		for (let v = 0; v < 8; v++) {
			for (let u = 0; u < 8; u++) {
				let s = 0;
				for (let y = 0; y < 8; y++)
					for (let x = 0; x < 8; x++) s += block[y * 8 + x] * cos[x][u] * cos[y][v];
				out[v * 8 + u] = 0.25 * (u ? 1 : Math.SQRT1_2) * (v ? 1 : Math.SQRT1_2) * s;
			}
		}
		return out;
	};
	const dcCodes = huffCodes(DC_BITS, DC_VALS);
	const acCodes = huffCodes(AC_BITS, AC_VALS);
	const bytes: number[] = [];
	let acc = 0;
	let nbits = 0;
	const put = (v: number, n: number): void => {
		for (let i = n - 1; i >= 0; i--) {
			acc = (acc << 1) | ((v >> i) & 1);
			if (++nbits === 8) {
				bytes.push(acc);
				if (acc === 0xff) bytes.push(0);
				acc = 0;
				nbits = 0;
			}
		}
	};
	const flush = (): void => {
		while (nbits !== 0) put(1, 1);
	};
	const cat = (v: number): number => (v === 0 ? 0 : 32 - Math.clz32(Math.abs(v)));
	const preds = new Array(channels).fill(0);
	let mcuCount = 0;
	let rst = 0;
	for (let my = 0; my < mcusY; my++) {
		for (let mx = 0; mx < mcusX; mx++) {
			if (restartInterval && mcuCount > 0 && mcuCount % restartInterval === 0) {
				flush();
				bytes.push(0xff, 0xd0 + (rst++ & 7));
				preds.fill(0);
			}
			mcuCount++;
			for (let c = 0; c < channels; c++) {
				const [h, v] = sampling[c];
				for (let by = 0; by < v; by++) {
					for (let bx = 0; bx < h; bx++) {
						const block: number[] = [];
						for (let y = 0; y < 8; y++) {
							for (let x = 0; x < 8; x++)
								block.push(sample(c, (mx * h + bx) * 8 + x, (my * v + by) * 8 + y) - 128);
						}
						const f = dct(block);
						const zz = ZIGZAG.map((i, k) => Math.round(f[i] / q[k]));
						const diff = zz[0] - preds[c];
						preds[c] = zz[0];
						const dcCat = cat(diff);
						const [dcode, dlen] = dcCodes.get(dcCat) as [number, number];
						put(dcode, dlen);
						if (dcCat) put(diff < 0 ? diff - 1 : diff, dcCat);
						let run = 0;
						for (let k = 1; k < 64; k++) {
							if (zz[k] === 0) {
								run++;
								continue;
							}
							while (run > 15) {
								const [zc, zl] = acCodes.get(0xf0) as [number, number];
								put(zc, zl);
								run -= 16;
							}
							const ac = cat(zz[k]);
							const [code, len] = acCodes.get((run << 4) | ac) as [number, number];
							put(code, len);
							put(zz[k] < 0 ? zz[k] - 1 : zz[k], ac);
							run = 0;
						}
						if (run > 0) {
							const [ec, el] = acCodes.get(0) as [number, number];
							put(ec, el);
						}
					}
				}
			}
		}
	}
	flush();
	const seg = (marker: number, data: number[]): number[] => [
		0xff,
		marker,
		(data.length + 2) >> 8,
		(data.length + 2) & 0xff,
		...data,
	];
	const header = [
		0xff,
		0xd8,
		...seg(0xdb, [0, ...q]),
		...seg(0xc0, [
			8,
			height >> 8,
			height & 0xff,
			width >> 8,
			width & 0xff,
			channels,
			...sampling.flatMap(([h, v], i) => [i + 1, (h << 4) | v, 0]),
		]),
		...seg(0xc4, [0x00, ...DC_BITS, ...DC_VALS, 0x10, ...AC_BITS, ...AC_VALS]),
		...(restartInterval ? seg(0xdd, [restartInterval >> 8, restartInterval & 0xff]) : []),
		...seg(0xda, [channels, ...sampling.flatMap((_, i) => [i + 1, 0x00]), 0, 63, 0]),
	];
	return new Uint8Array([...header, ...bytes, 0xff, 0xd9]);
}
