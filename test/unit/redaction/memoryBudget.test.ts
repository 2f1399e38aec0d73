import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import {
	DECODED_BYTES_FLOOR,
	DECODED_BYTES_PER_FILE_BYTE,
	MAX_DECODED_BYTES,
	RedactionBudget,
	redactImage,
} from '../../../nodes/ClovaOcr/redaction';
import { filteredBytes } from '../../../tools/bench/hostile/zeroPixelPng';
import { eobRunJpeg, paddedJpegHeader, pngWithGarbageIdat } from './hostileImages';

const MiB = 1024 * 1024;
const REGION = [{ x: 0, y: 0, width: 10, height: 10 }];
/** 16-bit RGBA, 2000×2000: 8 bytes a pixel. */
const RGBA16_2000 = {
	width: 2000,
	height: 2000,
	bitDepth: 16,
	colorType: 6,
	interlaced: false,
} as const;

/** Redacts, expecting a refusal for memory before anything of the image's size was allocated. */
function expectRefusedBeforeAllocating(file: Uint8Array, reason: RegExp): void {
	const budget = new RedactionBudget(file.length);
	const before = process.memoryUsage().arrayBuffers;
	const result = redactImage(file, REGION, budget);
	expect(result).toEqual({ status: 'unsupported', reason: expect.stringMatching(reason) });
	expect(budget.bytes).toBe(0);
	expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * MiB);
}

describe('decoded bytes are capped (absolute, and per byte of the file)', () => {
	it('PNG 16-bit RGBA interlaced 4200×4200 (2 × 141 MB to decode) in a 2.5 MB file: refused before allocating', () => {
		const file = pngWithGarbageIdat(4200, 4200, 16, 6, true, 2_500_000);
		expectRefusedBeforeAllocating(
			file,
			/^the image data of a 4200×4200 PNG \(16-bit RGBA, interlaced\) would take the redaction to 270 MiB of memory, over the limit of 256 MiB$/,
		);
	});

	it('PNG: the limit grows with the file (48 MiB + 128 × its size): 64 MB of data needs a file of 107 kB or more', () => {
		const needed = filteredBytes({ ...RGBA16_2000, interlaced: true }) + filteredBytes(RGBA16_2000);
		expect(needed).toBeGreaterThan(DECODED_BYTES_FLOOR);
		const small = pngWithGarbageIdat(2000, 2000, 16, 6, true, 60_000);
		expectRefusedBeforeAllocating(small, /over the limit for a file of 59 KiB \(48 MiB \+ 128 ×/);
		// Big enough: both buffers (the data and the interlaced image) are charged, then the
		// garbage data is found damaged while inflating.
		const big = pngWithGarbageIdat(2000, 2000, 16, 6, true, 200_000);
		expect(needed).toBeLessThanOrEqual(
			DECODED_BYTES_FLOOR + DECODED_BYTES_PER_FILE_BYTE * big.length,
		);
		const budget = new RedactionBudget(big.length);
		const result = redactImage(big, REGION, budget);
		expect(result.status === 'unsupported' && result.reason).toMatch(/^damaged PNG/);
		expect(budget.bytes).toBe(needed);
	});

	it('JPEG 10000×10000 at 4:4:4 (573 MiB of coefficients) in a 700 kB file: refused before allocating', () => {
		expectRefusedBeforeAllocating(
			paddedJpegHeader(10000, 10000, 700_000),
			/^the DCT coefficients of a 10000×10000 JPEG would take the redaction to 573 MiB of memory, over the limit of 256 MiB$/,
		);
	});

	it('JPEG 4000×4000 at 4:4:4 (92 MiB) in 94 kB (1 bit a block): over the limit for its size', () => {
		const file = eobRunJpeg({
			width: 4000,
			height: 4000,
			sampling: [
				[1, 1],
				[1, 1],
				[1, 1],
			],
			acScans: 0,
		});
		expect(file.length).toBeLessThan(100_000);
		expectRefusedBeforeAllocating(file, /DCT coefficients .* over the limit for a file of 92 KiB/);
	});

	it('a 12 MP phone photo at 4:2:0 fits under the floor, whatever its file size (here a flat one of few kB)', async () => {
		const file = new Uint8Array(
			await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#8a7f6c' } })
				.jpeg({ quality: 90, chromaSubsampling: '4:2:0' })
				.toBuffer(),
		);
		const budget = new RedactionBudget(file.length);
		expect(redactImage(file, REGION, budget).status).toBe('applied');
		expect(budget.bytes).toBeGreaterThan(36_000_000); // 282,000 blocks × 128 bytes, and the output
		expect(budget.bytes).toBeLessThan(DECODED_BYTES_FLOOR);
	});

	it('a 48 MP phone photo at 4:2:0 (8064×6048, a file of 8 MB or more) is within the limit', () => {
		const blocks = 504 * 378 * 6; // MCUs of 16×16 pixels, 6 blocks each
		const file = 8_000_000;
		const budget = new RedactionBudget(file);
		expect(budget.maxBytes).toBe(MAX_DECODED_BYTES);
		expect(() => budget.allocate(blocks * 128, 'coefficients')).not.toThrow();
		expect(() => budget.allocate(Math.ceil(file * 1.1) + 4096, 'output')).not.toThrow();
	});

	it.each(readdirSync(join(__dirname, '../../../samples')).filter((f) => /\.(jpg|png)$/.test(f)))(
		'sample %s: redacted well within the limit for its size',
		(name) => {
			const file = new Uint8Array(readFileSync(join(__dirname, '../../../samples', name)));
			const budget = new RedactionBudget(file.length);
			expect(redactImage(file, REGION, budget).status).toBe('applied');
			// A card photo takes about 2 MB, an A4 page at 150 dpi (the certificate) about 7 MB.
			expect(budget.bytes).toBeLessThan(DECODED_BYTES_FLOOR / 5);
		},
	);
});
