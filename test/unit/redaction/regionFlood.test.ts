import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import {
	RedactionBudget,
	redactImage,
	type RedactionRegion,
} from '../../../nodes/ClovaOcr/redaction';
import { decode, photoPixels, rng, writePngFile } from './testImages';

const SAMPLES = join(__dirname, '../../../samples');
const sample = (name: string): Uint8Array => new Uint8Array(readFileSync(join(SAMPLES, name)));

const fullImage = (count: number): RedactionRegion[] =>
	Array.from({ length: count }, () => ({ x: -10, y: -10, width: 100_000, height: 100_000 }));

function redactCounting(file: Uint8Array, regions: RedactionRegion[]) {
	const budget = new RedactionBudget(file.length);
	const result = redactImage(file, regions, budget);
	if (result.status === 'unsupported') throw new Error(result.reason);
	expect(result.status).toBe('applied');
	return { output: result.data, budget };
}

/** 856×540 4:2:0 (the sample cards): 54 × 34 MCUs of 4 Y blocks and 1 Cb, 1 Cr block. */
const SAMPLE_JPEG_BLOCKS = 54 * 34 * 6;
/** Blocks that touch the image: Y 107 × 68 (not the MCU padding's last column), Cb and Cr all. */
const SAMPLE_JPEG_IMAGE_BLOCKS = 107 * 68 + 2 * 54 * 34;

describe('regions are painted through a row mask: each pixel (or block) once, however many regions', () => {
	it('PNG: 20,000 full-image regions on the 856×540 sample paint each pixel once; pngjs sees it all black', () => {
		const { output, budget } = redactCounting(sample('resident-card.png'), fullImage(20_000));
		expect(budget.cellsPainted).toBe(856 * 540);
		expect(budget.maskCells).toBe(856);
		const png = PNG.sync.read(Buffer.from(output));
		let notBlack = 0;
		for (let i = 0; i < png.data.length; i += 4)
			if (png.data[i] + png.data[i + 1] + png.data[i + 2] !== 0 || png.data[i + 3] !== 255)
				notBlack++;
		expect(notBlack).toBe(0);
	});

	it('JPEG: 20,000 full-image regions on the 856×540 sample black each block once; sharp sees it all black', async () => {
		const { output, budget } = redactCounting(sample('resident-card.jpg'), fullImage(20_000));
		expect(budget.cellsPainted).toBe(SAMPLE_JPEG_IMAGE_BLOCKS);
		const decoded = await decode(output);
		expect(decoded.data.reduce((max, v) => Math.max(max, v), 0)).toBeLessThanOrEqual(8);
	});

	it('PNG: 20,000 overlapping random regions paint exactly their union, judged by pngjs', () => {
		const [w, h] = [300, 200];
		const input = writePngFile(w, h, 8, 6, photoPixels(w, h, 4, 7));
		const r = rng(11);
		const regions = Array.from({ length: 20_000 }, () => ({
			x: Math.floor(r() * w) - 5,
			y: Math.floor(r() * h) - 5,
			width: Math.floor(r() * 30),
			height: Math.floor(r() * 4),
		}));
		const covered = new Uint8Array(w * h);
		for (const g of regions) {
			for (let y = Math.max(0, g.y); y < Math.min(h, g.y + g.height); y++)
				for (let x = Math.max(0, g.x); x < Math.min(w, g.x + g.width); x++) covered[y * w + x] = 1;
		}
		const { output, budget } = redactCounting(input, regions);
		expect(budget.cellsPainted).toBe(covered.reduce((sum, c) => sum + c, 0));
		const before = PNG.sync.read(Buffer.from(input)).data;
		const after = PNG.sync.read(Buffer.from(output)).data;
		let wrong = 0;
		for (let p = 0; p < w * h; p++) {
			const i = 4 * p;
			const px = [...after.subarray(i, i + 4)];
			const expected = covered[p] ? [0, 0, 0, 255] : [...before.subarray(i, i + 4)];
			if (px.some((v, k) => v !== expected[k])) wrong++;
		}
		expect(wrong).toBe(0);
	});

	it('JPEG: 20,000 random regions black at most every block once', () => {
		const r = rng(3);
		const regions = Array.from({ length: 20_000 }, () => ({
			x: r() * 856,
			y: r() * 540,
			width: r() * 60,
			height: r() * 20,
		}));
		const { budget } = redactCounting(sample('driver-license.jpg'), regions);
		expect(budget.cellsPainted).toBeLessThanOrEqual(SAMPLE_JPEG_BLOCKS);
		expect(budget.maskCells).toBeLessThanOrEqual(SAMPLE_JPEG_BLOCKS);
	});
});
