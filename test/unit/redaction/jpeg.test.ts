import sharp from 'sharp';
import type { FormatEnum, JpegOptions } from 'sharp';
import { redactImage, type RedactionRegion } from '../../../nodes/ClovaOcr/redaction';
import {
	decode,
	encodeTestJpeg,
	exifPayload,
	jpegSegments,
	photoPixels,
	sharpJpeg,
	withSegments,
} from './testImages';

/** Brightest allowed decoded value inside a region (the blocks decode to ≤ 0 → 0; margin for decoder rounding). */
const BLACK_LIMIT = 8;

interface FrameInfo {
	marker: number;
	width: number;
	height: number;
	sampling: Array<[number, number]>;
}

function frameOf(file: Uint8Array): FrameInfo {
	const sof = jpegSegments(file).find((s) => s.marker >= 0xc0 && s.marker <= 0xc2);
	if (!sof) throw new Error('no SOF');
	const d = sof.data;
	const n = d[5];
	const sampling: Array<[number, number]> = [];
	for (let i = 0; i < n; i++) sampling.push([d[7 + 3 * i] >> 4, d[7 + 3 * i] & 15]);
	return { marker: sof.marker, width: d.readUInt16BE(3), height: d.readUInt16BE(1), sampling };
}

function unwrap(result: ReturnType<typeof redactImage>): Uint8Array {
	if (result.status === 'unsupported') throw new Error(`unsupported: ${result.reason}`);
	return result.data;
}

/**
 * The pixels that blacking out may change, from the spec's geometry: per component, the
 * blocks that touch a region (a subsampled component's region first grown by one sample, as
 * the library does against upsampling bleed), as pixel boxes, grown by two samples' worth
 * of pixels for the decoder's upsampling filter.
 */
function changedArea(
	frame: FrameInfo,
	regions: RedactionRegion[],
): Array<{ x0: number; y0: number; x1: number; y1: number }> {
	const hmax = Math.max(...frame.sampling.map((s) => s[0]));
	const vmax = Math.max(...frame.sampling.map((s) => s[1]));
	const boxes = [];
	for (const [h, v] of frame.sampling) {
		const single = frame.sampling.length === 1;
		const fx = single ? 1 : hmax / h; // pixels per sample
		const fy = single ? 1 : vmax / v;
		const grow = fx > 1 || fy > 1 ? 1 : 0;
		for (const r of regions) {
			const bx0 = Math.floor((Math.floor(r.x / fx) - grow) / 8);
			const by0 = Math.floor((Math.floor(r.y / fy) - grow) / 8);
			const bx1 = Math.ceil((Math.ceil((r.x + r.width) / fx) + grow) / 8);
			const by1 = Math.ceil((Math.ceil((r.y + r.height) / fy) + grow) / 8);
			boxes.push({
				x0: bx0 * 8 * fx - 2 * fx,
				y0: by0 * 8 * fy - 2 * fy,
				x1: bx1 * 8 * fx + 2 * fx,
				y1: by1 * 8 * fy + 2 * fy,
			});
		}
	}
	return boxes;
}

/**
 * Redacts and judges with sharp's decoder: black inside every region; outside changedArea()
 * every decoded pixel identical to the input's (the coefficients there are unchanged); same size and sampling; baseline (SOF0/SOF1) without DRI.
 */
async function expectRedacted(input: Uint8Array, regions: RedactionRegion[]): Promise<Uint8Array> {
	const result = redactImage(input, regions);
	expect(result.status).toBe('applied');
	const output = unwrap(result);
	expect(result.status !== 'unsupported' && result.mimeType).toBe('image/jpeg');
	const fin = frameOf(input);
	const fout = frameOf(output);
	expect([0xc0, 0xc1]).toContain(fout.marker);
	expect(fout.width).toBe(fin.width);
	expect(fout.height).toBe(fin.height);
	expect(fout.sampling).toEqual(fin.sampling);
	expect(jpegSegments(output).some((s) => s.marker === 0xdd)).toBe(false);

	const before = await decode(input);
	const after = await decode(output);
	expect([after.width, after.height, after.channels]).toEqual([
		before.width,
		before.height,
		before.channels,
	]);
	const excluded = changedArea(fin, regions);
	const ch = before.channels;
	let brightestInside = 0;
	let differentOutside = 0;
	for (let y = 0; y < before.height; y++) {
		for (let x = 0; x < before.width; x++) {
			const i = (y * before.width + x) * ch;
			if (regions.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)) {
				for (let c = 0; c < ch; c++) brightestInside = Math.max(brightestInside, after.data[i + c]);
			} else if (!excluded.some((e) => x >= e.x0 && x < e.x1 && y >= e.y0 && y < e.y1)) {
				for (let c = 0; c < ch; c++)
					if (after.data[i + c] !== before.data[i + c]) differentOutside++;
			}
		}
	}
	expect(brightestInside).toBeLessThanOrEqual(BLACK_LIMIT);
	expect(differentOutside).toBe(0);
	return output;
}

function scanHeaders(file: Uint8Array): Array<{ ss: number; se: number; ah: number; al: number }> {
	const b = Buffer.from(file);
	const out = [];
	for (let p = 0; p + 4 < b.length; p++) {
		if (b[p] === 0xff && b[p + 1] === 0xda) {
			const n = b[p + 4];
			const at = p + 5 + 2 * n;
			out.push({ ss: b[at], se: b[at + 1], ah: b[at + 2] >> 4, al: b[at + 2] & 15 });
		}
	}
	return out;
}

describe('redactImage: JPEG made by sharp (libvips + mozjpeg)', () => {
	it.each([
		[1, 1, { x: 0, y: 0, width: 1, height: 1 }],
		[7, 5, { x: 2, y: 1, width: 3, height: 2 }],
		[17, 33, { x: 5, y: 9, width: 8, height: 20 }],
		[640, 480, { x: 100, y: 120, width: 250, height: 40 }],
	])('baseline 4:2:0, %i×%i', async (w, h, region) => {
		const input = await sharpJpeg(w, h, { quality: 90 });
		await expectRedacted(input, [region]);
	});

	it('a large 2000×1500 baseline photo with three regions, output ≤ 1.1 × input', async () => {
		const input = await sharpJpeg(2000, 1500, { quality: 85 });
		const out = await expectRedacted(input, [
			{ x: 0, y: 0, width: 301, height: 77 },
			{ x: 1003, y: 700, width: 400, height: 45 },
			{ x: 1900, y: 1450, width: 100, height: 50 },
		]);
		expect(out.length / input.length).toBeLessThanOrEqual(1.1);
	});

	it.each([
		['baseline 4:4:4', { quality: 92, chromaSubsampling: '4:4:4' }],
		['progressive 4:2:0', { quality: 80, progressive: true }],
		['progressive 4:4:4', { quality: 95, progressive: true, chromaSubsampling: '4:4:4' }],
		['progressive, optimised scans', { quality: 75, progressive: true, optimiseScans: true }],
		[
			'trellis quantisation + overshoot deringing',
			{ quality: 70, trellisQuantisation: true, overshootDeringing: true },
		],
		[
			'quantisation table 3, not optimised coding',
			{ quality: 60, quantisationTable: 3, optimiseCoding: false },
		],
		['quality 5 (coarse quantisation)', { quality: 5 }],
		['quality 100', { quality: 100, progressive: true }],
	] as Array<[string, JpegOptions]>)('%s', async (_label, options) => {
		const input = await sharpJpeg(333, 211, options);
		const out = await expectRedacted(input, [
			{ x: 10, y: 20, width: 120, height: 30 },
			{ x: 200.4, y: 150.6, width: 60.2, height: 22.1 },
		]);
		expect(out.length / input.length).toBeLessThanOrEqual(1.1);
	});

	it('progressive input with successive-approximation refinement scans', async () => {
		const input = await sharpJpeg(257, 191, { quality: 85, progressive: true });
		const scans = scanHeaders(input);
		expect(scans.some((s) => s.ss > 0 && s.ah > 0)).toBe(true); // AC refinement
		expect(scans.some((s) => s.ss === 0 && s.ah > 0)).toBe(true); // DC refinement
		await expectRedacted(input, [{ x: 31, y: 17, width: 90, height: 61 }]);
	});

	it.each([
		['baseline', false],
		['progressive', true],
	])('grayscale %s', async (_label, progressive) => {
		const input = await sharpJpeg(150, 99, { quality: 88, progressive }, 1);
		expect(frameOf(input).sampling).toHaveLength(1);
		await expectRedacted(input, [{ x: 3, y: 40, width: 77, height: 9 }]);
	});

	it('keeps the quantization tables and writes SOF0 for an SOF1 (extended, 8-bit) input', async () => {
		const base = await sharpJpeg(120, 80, { quality: 80 });
		const input = Buffer.from(base);
		const at = input.indexOf(Buffer.from([0xff, 0xc0]));
		input[at + 1] = 0xc1;
		const out = await expectRedacted(new Uint8Array(input), [
			{ x: 20, y: 20, width: 30, height: 30 },
		]);
		expect(frameOf(out).marker).toBe(0xc0);
		const dqt = (f: Uint8Array): Buffer =>
			Buffer.concat(
				jpegSegments(f)
					.filter((s) => s.marker === 0xdb)
					.map((s) => s.data),
			);
		expect(dqt(out)).toEqual(dqt(input));
	});

	it('noRegions: a stripped copy that decodes to exactly the same pixels', async () => {
		const input = await sharpJpeg(200, 100, { quality: 85, progressive: true });
		const result = redactImage(input, []);
		expect(result.status).toBe('noRegions');
		const [a, b] = await Promise.all([decode(input), decode(unwrap(result))]);
		expect(b.data.equals(a.data)).toBe(true);
		// Regions entirely outside the image count as none.
		expect(redactImage(input, [{ x: 500, y: 10, width: 20, height: 20 }]).status).toBe('noRegions');
	});
});

describe('redactImage: JPEG from the test encoder (sampling factors and restart intervals sharp cannot make)', () => {
	it.each([
		[
			'4:2:2 (2×1)',
			[
				[2, 1],
				[1, 1],
				[1, 1],
			],
			0,
		],
		[
			'4:1:1 (4×1)',
			[
				[4, 1],
				[1, 1],
				[1, 1],
			],
			0,
		],
		[
			'4:4:0 (1×2)',
			[
				[1, 2],
				[1, 1],
				[1, 1],
			],
			0,
		],
		[
			'4:2:0 with a restart every 3 MCUs',
			[
				[2, 2],
				[1, 1],
				[1, 1],
			],
			3,
		],
		[
			'4:4:4 with a restart after every MCU',
			[
				[1, 1],
				[1, 1],
				[1, 1],
			],
			1,
		],
		[
			'1×4 luma',
			[
				[1, 4],
				[1, 1],
				[1, 1],
			],
			2,
		],
		[
			'chroma sampled finer than luma (Cb 2×2)',
			[
				[1, 1],
				[2, 2],
				[1, 1],
			],
			0,
		],
		[
			'3×1 / 1×1 / 1×1 with restarts',
			[
				[3, 1],
				[1, 1],
				[1, 1],
			],
			5,
		],
	] as Array<[string, Array<[number, number]>, number]>)('%s', async (_label, sampling, dri) => {
		const [w, h] = [71, 45];
		const input = encodeTestJpeg(photoPixels(w, h, 3, 7), w, h, 3, sampling, dri);
		await decode(input); // the independent decoder accepts the test input
		await expectRedacted(input, [
			{ x: 9, y: 5, width: 20, height: 11 },
			{ x: 50, y: 30, width: 21, height: 15 },
		]);
	});

	it('grayscale with restart intervals', async () => {
		const [w, h] = [45, 37];
		const input = encodeTestJpeg(photoPixels(w, h, 1, 3), w, h, 1, [[1, 1]], 4);
		await expectRedacted(input, [{ x: 11, y: 13, width: 9, height: 17 }]);
	});
});

describe('redactImage: JPEG metadata', () => {
	it('keeps JFIF, ICC profile and orientation only; drops Exif GPS, XMP, IPTC, COM and other APPn', async () => {
		const base = new Uint8Array(
			await sharp(photoPixels(96, 64, 3), { raw: { width: 96, height: 64, channels: 3 } })
				.withIccProfile('p3')
				.jpeg({ quality: 85 })
				.toBuffer(),
		);
		const icc = jpegSegments(base).filter((s) => s.marker === 0xe2);
		expect(icc.length).toBeGreaterThan(0);
		const input = withSegments(base, [
			[0xe1, exifPayload(6)],
			[0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>secret</x:xmpmeta>', 'latin1')],
			[0xed, Buffer.from('Photoshop 3.0\0 8BIM IPTC secret', 'latin1')],
			[0xfe, Buffer.from('a comment with a name in it', 'latin1')],
			[0xe5, Buffer.from('vendor data', 'latin1')],
		]);
		const out = unwrap(redactImage(input, [{ x: 8, y: 8, width: 16, height: 16 }]));
		const segs = jpegSegments(out);
		const meta = segs.filter((s) => (s.marker >= 0xe0 && s.marker <= 0xef) || s.marker === 0xfe);
		// sharp writes no JFIF segment, so none comes out.
		expect(meta.map((s) => s.marker.toString(16))).toEqual(['e1', ...icc.map(() => 'e2')]);
		expect(meta.filter((s) => s.marker === 0xe2).map((s) => s.data)).toEqual(
			icc.map((s) => s.data),
		);
		// The new Exif: one IFD0 entry (orientation 6), no GPS pointer, no next IFD.
		const exif = meta[0].data;
		expect(exif.subarray(0, 6).toString('latin1')).toBe('Exif\0\0');
		expect(exif.readUInt16BE(6 + 8)).toBe(1);
		expect(exif.readUInt16BE(6 + 10)).toBe(0x0112);
		expect(exif.readUInt16BE(6 + 18)).toBe(6);
		const text = Buffer.from(out).toString('latin1');
		for (const secret of ['secret', 'comment', 'vendor', 'xmpmeta', 'Photoshop'])
			expect(text).not.toContain(secret);
		const m = await sharp(Buffer.from(out)).metadata();
		expect(m.orientation).toBe(6);
		expect(m.icc?.length).toBeGreaterThan(0);
	});

	it('orientation 6: the region is blacked at its stored-grid coordinates and the tag survives', async () => {
		const [w, h] = [160, 96];
		const input = withSegments(await sharpJpeg(w, h, { quality: 90 }), [[0xe1, exifPayload(6)]]);
		const region = { x: 100, y: 10, width: 50, height: 20 }; // a wide box near the top right of the stored grid
		const out = await expectRedacted(input, [region]);
		expect((await sharp(Buffer.from(out)).metadata()).orientation).toBe(6);
		// Displayed (rotated 90° clockwise), the box is where the viewer puts the stored grid's top right.
		const shown = await sharp(Buffer.from(out))
			.rotate()
			.raw()
			.toBuffer({ resolveWithObject: true });
		expect([shown.info.width, shown.info.height]).toEqual([h, w]);
		const px = (x: number, y: number): number => shown.data[(y * shown.info.width + x) * 3];
		expect(px(h - 1 - (region.y + 5), region.x + 10)).toBeLessThanOrEqual(BLACK_LIMIT);
	});

	it('a JFIF segment is rewritten minimal (density kept, thumbnail dropped)', async () => {
		const jfif = Buffer.concat([
			Buffer.from('JFIF\0', 'latin1'),
			Buffer.from([1, 2, 1, 0, 72, 0, 96, 1, 1]),
			Buffer.from([9, 9, 9]),
		]);
		const input = withSegments(await sharpJpeg(32, 32, { quality: 90 }), [[0xe0, jfif]]);
		const out = unwrap(redactImage(input, [{ x: 0, y: 0, width: 8, height: 8 }]));
		const app0 = jpegSegments(out).filter((s) => s.marker === 0xe0);
		expect(app0.map((s) => [...s.data])).toEqual([
			[0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, 0, 72, 0, 96, 0, 0],
		]);
	});

	it('an orientation of 1 writes no Exif at all', async () => {
		const input = withSegments(await sharpJpeg(32, 32, { quality: 90 }), [[0xe1, exifPayload(1)]]);
		const out = unwrap(redactImage(input, [{ x: 0, y: 0, width: 8, height: 8 }]));
		expect(jpegSegments(out).some((s) => s.marker === 0xe1)).toBe(false);
	});
});

describe('redactImage: refused JPEG variants and other formats', () => {
	const swapSof = async (marker: number): Promise<Uint8Array> => {
		const input = Buffer.from(await sharpJpeg(40, 24, { quality: 80 }));
		input[input.indexOf(Buffer.from([0xff, 0xc0])) + 1] = marker;
		return new Uint8Array(input);
	};

	it.each([
		[0xc3, /lossless JPEG/],
		[0xc5, /hierarchical/],
		[0xc9, /arithmetic-coded JPEG/],
		[0xca, /arithmetic-coded progressive/],
		[0xf7, /JPEG-LS/],
	])('SOF marker 0x%s is unsupported', async (marker, reason) => {
		const result = redactImage(await swapSof(marker), [{ x: 0, y: 0, width: 4, height: 4 }]);
		expect(result.status).toBe('unsupported');
		expect(result.status === 'unsupported' && result.reason).toMatch(reason);
	});

	it('a small file claiming 9000×9000 pixels is damaged, refused before allocating', async () => {
		const input = Buffer.from(await sharpJpeg(40, 24, { quality: 80 }));
		const at = input.indexOf(Buffer.from([0xff, 0xc0]));
		input.writeUInt16BE(9000, at + 5);
		input.writeUInt16BE(9000, at + 7);
		const result = redactImage(new Uint8Array(input), []);
		expect(result.status === 'unsupported' && result.reason).toBe(
			'damaged JPEG: the file is too small for a 9000×9000 image',
		);
	});

	it('12-bit JPEG is unsupported', async () => {
		const input = Buffer.from(await sharpJpeg(40, 24, { quality: 80 }));
		const at = input.indexOf(Buffer.from([0xff, 0xc0]));
		input[at + 1] = 0xc1;
		input[at + 4] = 12;
		expect(redactImage(new Uint8Array(input), [])).toEqual({
			status: 'unsupported',
			reason: '12-bit JPEG is not supported',
		});
	});

	it('CMYK JPEG is unsupported', async () => {
		const input = new Uint8Array(
			await sharp(photoPixels(40, 24, 3), { raw: { width: 40, height: 24, channels: 3 } })
				.toColourspace('cmyk')
				.jpeg()
				.toBuffer(),
		);
		expect(frameOf(input).sampling).toHaveLength(4);
		const result = redactImage(input, []);
		expect(result.status === 'unsupported' && result.reason).toMatch(/CMYK/);
	});

	it.each([
		[
			'PDF',
			Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1'),
			/PDF is not supported/,
		],
		['empty', Buffer.alloc(0), /not supported/],
		['text', Buffer.from('hello', 'latin1'), /not supported/],
	])('%s is unsupported', (_label, file, reason) => {
		const result = redactImage(new Uint8Array(file), []);
		expect(result.status === 'unsupported' && result.reason).toMatch(reason);
	});

	it.each([
		['TIFF', 'tiff', /TIFF/],
		['GIF', 'gif', /GIF/],
		['WebP', 'webp', /WebP/],
	] as Array<[string, keyof FormatEnum, RegExp]>)(
		'%s (made by sharp) is unsupported',
		async (_label, format, reason) => {
			const file = await sharp(photoPixels(16, 16, 3), {
				raw: { width: 16, height: 16, channels: 3 },
			})
				.toFormat(format)
				.toBuffer();
			const result = redactImage(new Uint8Array(file), [{ x: 0, y: 0, width: 4, height: 4 }]);
			expect(result.status === 'unsupported' && result.reason).toMatch(reason);
		},
	);
});
