import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import { redactImage, type RedactionRegion } from '../../../nodes/ClovaOcr/redaction';
import {
	chunk,
	photoPixels,
	pngChunks,
	randomRows,
	rng,
	writePngFile,
	type PngChunkInfo,
} from './testImages';

interface Rgba {
	width: number;
	height: number;
	max: number;
	data: ArrayLike<number>;
}

/** Decoded by pngjs (an independent decoder) to RGBA; 16-bit values kept, lower depths scaled to 8 bits. */
function decodePng(file: Uint8Array): Rgba {
	const sixteen = Buffer.from(file)[24] === 16; // IHDR bit depth
	const png = PNG.sync.read(Buffer.from(file), { skipRescale: sixteen });
	return {
		width: png.width,
		height: png.height,
		max: sixteen ? 65535 : 255,
		data: png.data as unknown as ArrayLike<number>,
	};
}

const inside = (regions: RedactionRegion[], x: number, y: number): boolean =>
	regions.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height);

/**
 * Redacts and judges with pngjs: inside every region the colour `expected` (default black) and
 * opaque; outside, every pixel exactly as in the input (pixels fully transparent in both only
 * by alpha).
 */
function expectRedacted(
	input: Uint8Array,
	regions: RedactionRegion[],
	expected: [number, number, number] = [0, 0, 0],
): Uint8Array {
	const result = redactImage(input, regions);
	if (result.status === 'unsupported') throw new Error(result.reason);
	expect(result.status).toBe('applied');
	expect([result.mimeType, result.fileExtension]).toEqual(['image/png', 'png']);
	const before = decodePng(input);
	const after = decodePng(result.data);
	expect([after.width, after.height]).toEqual([before.width, before.height]);
	let wrongInside = 0;
	let wrongOutside = 0;
	for (let y = 0; y < before.height; y++) {
		for (let x = 0; x < before.width; x++) {
			const i = 4 * (y * before.width + x);
			if (inside(regions, x, y)) {
				const scaled = expected.map((v) => (before.max === 255 ? v : v * 257));
				if (
					after.data[i] !== scaled[0] ||
					after.data[i + 1] !== scaled[1] ||
					after.data[i + 2] !== scaled[2] ||
					after.data[i + 3] !== after.max
				) {
					wrongInside++;
				}
			} else if (before.data[i + 3] === 0 && after.data[i + 3] === 0) {
				continue;
			} else {
				for (let c = 0; c < 4; c++) if (after.data[i + c] !== before.data[i + c]) wrongOutside++;
			}
		}
	}
	expect(wrongInside).toBe(0);
	expect(wrongOutside).toBe(0);
	return result.data;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function palette(count: number, seed: number, withBlack = false): Buffer {
	const r = rng(seed);
	const p = Buffer.alloc(count * 3);
	for (let i = 0; i < p.length; i++) p[i] = 20 + Math.floor(r() * 230); // no entry is black
	if (withBlack) p.fill(0, 3 * (count >> 1), 3 * (count >> 1) + 3);
	return p;
}

describe('redactImage: PNG, every colour type and bit depth (test writer on node zlib, judged by pngjs)', () => {
	const combos: Array<[number, number]> = [
		[0, 1],
		[0, 2],
		[0, 4],
		[0, 8],
		[0, 16],
		[2, 8],
		[2, 16],
		[3, 1],
		[3, 2],
		[3, 4],
		[3, 8],
		[4, 8],
		[4, 16],
		[6, 8],
		[6, 16],
	];
	const sizes: Array<[number, number, RedactionRegion[]]> = [
		[1, 1, [{ x: 0, y: 0, width: 1, height: 1 }]],
		[
			7,
			5,
			[
				{ x: 1, y: 1, width: 3, height: 2 },
				{ x: 6, y: 4, width: 1, height: 1 },
			],
		],
		[
			17,
			33,
			[
				{ x: 3, y: 5, width: 11, height: 7 },
				{ x: 0, y: 30, width: 17, height: 3 },
			],
		],
	];
	for (const [colorType, bitDepth] of combos) {
		it.each(sizes)(`colour type ${colorType}, ${bitDepth}-bit, %i×%i`, (w, h, regions) => {
			const bpp = CHANNELS[colorType] * bitDepth;
			let rows = randomRows(w, h, bpp, colorType * 100 + bitDepth + w);
			const extra: PngChunkInfo[] = [];
			if (colorType === 3) {
				const count = Math.min(1 << bitDepth, 200);
				extra.push({ type: 'PLTE', data: palette(count, bitDepth) });
				if (bitDepth === 8) for (let i = 0; i < rows.length; i++) rows[i] %= count; // valid indices only
			}
			if (bitDepth < 8 && colorType === 3 && 1 << bitDepth > 200)
				rows = rows.map((v) => v) as Buffer;
			const input = writePngFile(w, h, bitDepth, colorType, rows, extra);
			const out = expectRedacted(input, regions);
			const ihdr = pngChunks(out)[0].data;
			expect(ihdr[12]).toBe(0); // written non-interlaced
			if (colorType !== 3) expect([ihdr[8], ihdr[9]]).toEqual([bitDepth, colorType]);
		});
	}

	it('palette without black and no room at its bit depth: indices widened to 8 bits, black appended', () => {
		const input = writePngFile(9, 4, 2, 3, randomRows(9, 4, 2, 5), [
			{ type: 'PLTE', data: palette(4, 1) },
		]);
		const out = expectRedacted(input, [{ x: 2, y: 1, width: 4, height: 2 }]);
		const chunks = pngChunks(out);
		expect([chunks[0].data[8], chunks[0].data[9]]).toEqual([8, 3]);
		const plte = chunks.find((c) => c.type === 'PLTE')?.data as Buffer;
		expect([...plte.subarray(12)]).toEqual([0, 0, 0]);
	});

	it('palette with an opaque black entry uses it and keeps the palette as it was', () => {
		const pal = palette(16, 2, true);
		const input = writePngFile(10, 10, 4, 3, randomRows(10, 10, 4, 6), [
			{ type: 'PLTE', data: pal },
		]);
		const out = expectRedacted(input, [{ x: 0, y: 0, width: 5, height: 5 }]);
		expect(pngChunks(out).find((c) => c.type === 'PLTE')?.data).toEqual(pal);
	});

	it('a full 256-entry palette without black turns an entry no pixel uses into black', () => {
		const pal = palette(256, 3);
		const rows = Buffer.from(randomRows(16, 16, 8, 7).map((v) => (v === 200 ? 201 : v))); // index 200 unused
		const input = writePngFile(16, 16, 8, 3, rows, [{ type: 'PLTE', data: pal }]);
		const out = expectRedacted(input, [{ x: 3, y: 3, width: 6, height: 6 }]);
		const plte = pngChunks(out).find((c) => c.type === 'PLTE')?.data as Buffer;
		const changed = [...Array(256).keys()].filter(
			(i) => !plte.subarray(3 * i, 3 * i + 3).equals(pal.subarray(3 * i, 3 * i + 3)),
		);
		expect(changed).toHaveLength(1);
		expect([...plte.subarray(3 * changed[0], 3 * changed[0] + 3)]).toEqual([0, 0, 0]);
		expect(rows.includes(changed[0])).toBe(false); // an entry the input did not use
	});

	it('a full 256-entry palette without black, every entry in use, paints with its darkest opaque entry', () => {
		const pal = palette(256, 3);
		pal.fill(5, 3 * 77, 3 * 77 + 3); // the darkest: (5, 5, 5)
		const rows = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
		const input = writePngFile(16, 16, 8, 3, rows, [{ type: 'PLTE', data: pal }]);
		const out = expectRedacted(input, [{ x: 3, y: 3, width: 6, height: 6 }], [5, 5, 5]);
		expect(pngChunks(out).find((c) => c.type === 'PLTE')?.data).toEqual(pal);
	});

	it('palette tRNS: a black entry that is transparent is not used; an opaque one is appended', () => {
		const pal = palette(8, 4, true); // black at index 4
		const trns = Buffer.from([255, 255, 255, 255, 0]); // … but transparent
		const input = writePngFile(8, 8, 8, 3, Buffer.from(randomRows(8, 8, 8, 8).map((v) => v % 8)), [
			{ type: 'PLTE', data: pal },
			{ type: 'tRNS', data: trns },
		]);
		expectRedacted(input, [{ x: 1, y: 1, width: 3, height: 3 }]);
	});

	it.each([
		['gray 8-bit', 0, 8, Buffer.from([0, 0])],
		['gray 4-bit', 0, 4, Buffer.from([0, 0])],
		['gray 16-bit', 0, 16, Buffer.from([0, 0])],
		['RGB 8-bit', 2, 8, Buffer.alloc(6)],
		['RGB 16-bit', 2, 16, Buffer.alloc(6)],
	])(
		'tRNS colour = black (%s): transparent pixels move to an unused colour, the bar stays opaque',
		(_l, colorType, bitDepth, trns) => {
			const [w, h] = [12, 9];
			const bpp = CHANNELS[colorType] * bitDepth;
			const rows = randomRows(w, h, bpp, 11);
			const rb = Math.ceil((w * bpp) / 8);
			if (bitDepth >= 8) {
				// Some black (transparent) pixels; every other value avoids the candidates 1..2.
				for (let i = 0; i < rows.length; i++) rows[i] = rows[i] < 3 ? 3 : rows[i];
				rows.fill(0, 0, rb); // first row black → transparent
			} else {
				for (let i = 0; i < rb; i++) rows[i] = 0;
				for (let i = rb; i < rows.length; i++) rows[i] = 0xff; // levels 0 and 15 only
			}
			const input = writePngFile(w, h, bitDepth, colorType, rows, [{ type: 'tRNS', data: trns }]);
			expect(decodePng(input).data[3]).toBe(0);
			expectRedacted(input, [{ x: 2, y: 0, width: 5, height: 4 }]);
		},
	);

	it('gray 1-bit whose tRNS is black and that uses both levels is unsupported (no free level)', () => {
		const rows = Buffer.from([0x0f, 0xf0]);
		const input = writePngFile(8, 2, 1, 0, rows, [{ type: 'tRNS', data: Buffer.from([0, 0]) }]);
		const result = redactImage(input, [{ x: 0, y: 0, width: 2, height: 2 }]);
		expect(result.status === 'unsupported' && result.reason).toMatch(/transparent colour is black/);
	});
});

describe('redactImage: PNG made by sharp (libspng / libpng)', () => {
	const rgb = (w: number, h: number, channels: 1 | 3 | 4 = 3): Sharp =>
		sharp(photoPixels(w, h, channels), { raw: { width: w, height: h, channels } });

	it.each([
		['RGB interlaced', () => rgb(61, 47).png({ progressive: true })],
		['gray interlaced', () => rgb(61, 47, 1).png({ progressive: true })],
		['RGBA interlaced', () => rgb(33, 70, 4).png({ progressive: true })],
		[
			'palette interlaced',
			() => rgb(61, 47).png({ progressive: true, palette: true, colours: 16, dither: 0 }),
		],
		[
			'palette 2-bit interlaced',
			() => rgb(40, 23).png({ progressive: true, palette: true, colours: 4, dither: 0 }),
		],
		['palette 1-bit', () => rgb(40, 23).png({ palette: true, colours: 2, dither: 0 })],
		['16-bit RGB', () => rgb(50, 20).toColourspace('rgb16').png()],
	] as Array<[string, () => Sharp]>)('%s', async (_label, make) => {
		const input = new Uint8Array(await make().toBuffer());
		expectRedacted(input, [
			{ x: 5, y: 3, width: 17, height: 9 },
			{ x: 20, y: 15, width: 13, height: 8 },
		]);
	});

	it('a 640×480 photo-like RGB image: output ≤ 1.5 × input', async () => {
		const input = new Uint8Array(
			await rgb(640, 480).png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer(),
		);
		const out = expectRedacted(input, [{ x: 100, y: 200, width: 300, height: 40 }]);
		expect(out.length / input.length).toBeLessThanOrEqual(1.5);
	});

	it('noRegions: a stripped copy with the same pixels', async () => {
		const input = new Uint8Array(await rgb(30, 20).png().toBuffer());
		const result = redactImage(input, []);
		expect(result.status).toBe('noRegions');
		if (result.status === 'unsupported') return;
		expect(Buffer.from(decodePng(result.data).data as Uint8Array)).toEqual(
			Buffer.from(decodePng(input).data as Uint8Array),
		);
	});
});

describe('redactImage: PNG chunks', () => {
	it('keeps only the chunks that affect display; drops text, Exif, time and the rest', () => {
		const text = (s: string): Buffer => Buffer.from(s, 'latin1');
		const extra: PngChunkInfo[] = [
			{ type: 'cHRM', data: Buffer.alloc(32, 1) },
			{ type: 'gAMA', data: Buffer.from([0, 0, 0xb1, 0x8f]) },
			{ type: 'iCCP', data: Buffer.concat([text('icc\0\0'), deflateSync(Buffer.alloc(100, 7))]) },
			{ type: 'sBIT', data: Buffer.from([8, 8, 8]) },
			{ type: 'tEXt', data: text('Author\0Jane Secret') },
			{ type: 'zTXt', data: Buffer.concat([text('Comment\0\0'), deflateSync(text('secret'))]) },
			{ type: 'iTXt', data: text('Title\0\0\0\0\0secret title') },
			{ type: 'eXIf', data: text('MM\0*secret') },
			{ type: 'tIME', data: Buffer.from([7, 230, 1, 2, 3, 4, 5]) },
			{ type: 'pHYs', data: Buffer.from([0, 0, 11, 19, 0, 0, 11, 19, 1]) },
			{ type: 'bKGD', data: Buffer.from([0, 1, 0, 2, 0, 3]) },
			{ type: 'prIv', data: text('private secret') },
		];
		const input = writePngFile(6, 6, 8, 2, randomRows(6, 6, 24, 1), extra);
		const out = expectRedacted(input, [{ x: 0, y: 0, width: 2, height: 2 }]);
		const types = pngChunks(out).map((c) => c.type);
		expect(types.filter((t) => t !== 'IDAT')).toEqual([
			'IHDR',
			'cHRM',
			'gAMA',
			'iCCP',
			'sBIT',
			'pHYs',
			'IEND',
		]);
		for (const c of pngChunks(out).filter(
			(c) => c.type !== 'IDAT' && c.type !== 'IHDR' && c.type !== 'IEND',
		)) {
			expect(c.data).toEqual(extra.find((e) => e.type === c.type)?.data);
		}
		expect(Buffer.from(out).toString('latin1')).not.toContain('ecret');
	});
});

describe('redactImage: damaged and hostile PNGs', () => {
	const good = (): Buffer => Buffer.from(writePngFile(20, 10, 8, 2, randomRows(20, 10, 24, 3)));

	it('a bad CRC in IDAT is reported as damaged', () => {
		const f = good();
		const idat = f.indexOf(Buffer.from('IDAT', 'latin1'));
		f[idat + 6] ^= 0x55;
		const result = redactImage(new Uint8Array(f), []);
		expect(result).toEqual({ status: 'unsupported', reason: 'damaged PNG: CRC mismatch in IDAT' });
	});

	it('a truncated file is reported as damaged', () => {
		const f = good();
		const result = redactImage(new Uint8Array(f.subarray(0, f.length - 30)), []);
		expect(result.status === 'unsupported' && result.reason).toMatch(/^damaged PNG/);
	});

	it('a "zip bomb" (1×1 image whose data inflates to 50 MB) stops at the expected size', () => {
		const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
		const bomb = deflateSync(Buffer.alloc(50_000_000), { level: 9 });
		const file = Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			chunk('IHDR', ihdr),
			chunk('IDAT', bomb),
			chunk('IEND', Buffer.alloc(0)),
		]);
		// The reason is only given once inflating passes what a 1×1 image needs: it stopped there.
		const result = redactImage(new Uint8Array(file), []);
		expect(result.status === 'unsupported' && result.reason).toMatch(/more than the image needs/);
	});

	it('a tiny IDAT for a 9000×9000 image is refused before the image buffer is allocated', () => {
		const ihdr = Buffer.alloc(13);
		ihdr.writeUInt32BE(9000, 0);
		ihdr.writeUInt32BE(9000, 4);
		ihdr[8] = 16;
		ihdr[9] = 6;
		const file = Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			chunk('IHDR', ihdr),
			chunk('IDAT', deflateSync(Buffer.alloc(1000))),
			chunk('IEND', Buffer.alloc(0)),
		]);
		const before = process.memoryUsage().arrayBuffers;
		const result = redactImage(new Uint8Array(file), []);
		expect(result.status === 'unsupported' && result.reason).toMatch(
			/too little image data for 9000×9000/,
		);
		expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50_000_000);
	});

	it('an image over 100 megapixels is refused before anything is allocated', () => {
		const ihdr = Buffer.alloc(13);
		ihdr.writeUInt32BE(20000, 0);
		ihdr.writeUInt32BE(10000, 4);
		ihdr[8] = 8;
		ihdr[9] = 6;
		const file = Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			chunk('IHDR', ihdr),
			chunk('IDAT', deflateSync(Buffer.alloc(10))),
			chunk('IEND', Buffer.alloc(0)),
		]);
		const result = redactImage(new Uint8Array(file), []);
		expect(result.status === 'unsupported' && result.reason).toMatch(
			/over the limit of 100 megapixels/,
		);
	});
});
