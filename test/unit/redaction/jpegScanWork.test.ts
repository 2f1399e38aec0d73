import {
	MAX_JPEG_DECODES_PER_BLOCK,
	MAX_JPEG_SCANS,
	RedactionBudget,
	redactImage,
} from '../../../nodes/ClovaOcr/redaction';
import { eobRunJpeg } from './hostileImages';
import { decode, jpegSegments, sharpJpeg } from './testImages';

/** Blocks of the coefficient grid summed over the components, from the SOF (T.81 A.2). */
function frameBlocks(file: Uint8Array): number {
	const sof = jpegSegments(file).find((s) => s.marker >= 0xc0 && s.marker <= 0xc2);
	if (!sof) throw new Error('no SOF');
	const d = sof.data;
	const [height, width, n] = [d.readUInt16BE(1), d.readUInt16BE(3), d[5]];
	const sampling = Array.from({ length: n }, (_, i) => [d[7 + 3 * i] >> 4, d[7 + 3 * i] & 15]);
	const hmax = Math.max(...sampling.map((s) => s[0]));
	const vmax = Math.max(...sampling.map((s) => s[1]));
	if (n === 1) return Math.ceil(width / 8) * Math.ceil(height / 8);
	const mcus = Math.ceil(width / (8 * hmax)) * Math.ceil(height / (8 * vmax));
	return sampling.reduce((sum, [h, v]) => sum + mcus * h * v, 0);
}

const REGION = [{ x: 8, y: 8, width: 16, height: 16 }];

function redactCounting(file: Uint8Array) {
	const budget = new RedactionBudget(file.length);
	return { result: redactImage(file, REGION, budget), budget };
}

describe('JPEG: decode work is bounded by the frame, whatever the number of scans', () => {
	it.each([20, 200, 2000])(
		'%i refinement scans of EOB runs over a 2000×2000 frame: refused, at most 16 × its blocks decoded',
		(scans) => {
			const file = eobRunJpeg({
				width: 2000,
				height: 2000,
				sampling: [[1, 1]],
				acScans: scans,
				refine: true,
			});
			expect(file.length).toBeLessThan(8000 + 20 * scans); // the DC scan, then 16 bytes a scan
			const { result, budget } = redactCounting(file);
			expect(result.status === 'unsupported' && result.reason).toMatch(
				/decode each block more than 16 times/,
			);
			expect(budget.blocksDecoded).toBeLessThanOrEqual(
				MAX_JPEG_DECODES_PER_BLOCK * frameBlocks(file),
			);
		},
	);

	it('a 4:2:0 colour frame with 300 scans cycling over its components: the same bound', () => {
		const file = eobRunJpeg({
			width: 1200,
			height: 800,
			sampling: [
				[2, 2],
				[1, 1],
				[1, 1],
			],
			acScans: 300,
		});
		const { result, budget } = redactCounting(file);
		expect(result.status).toBe('unsupported');
		expect(budget.blocksDecoded).toBeLessThanOrEqual(
			MAX_JPEG_DECODES_PER_BLOCK * frameBlocks(file),
		);
	});

	it(`more than ${MAX_JPEG_SCANS} scans is refused even when each is small (chroma at 1/16 of luma)`, () => {
		const file = eobRunJpeg({
			width: 256,
			height: 256,
			sampling: [
				[4, 4],
				[1, 1],
				[1, 1],
			],
			acScans: 500,
			acComponents: [1, 2],
		});
		const { result, budget } = redactCounting(file);
		expect(result).toEqual({
			status: 'unsupported',
			reason: expect.stringMatching(/more than 100 scans/),
		});
		expect(budget.scans).toBe(MAX_JPEG_SCANS);
		expect(budget.blocksDecoded).toBeLessThanOrEqual(
			MAX_JPEG_DECODES_PER_BLOCK * frameBlocks(file),
		);
	});

	it('at the bound (DC + 15 AC bands = 16 decodes per block) the file is redacted; one more scan is refused', async () => {
		const make = (acScans: number) =>
			eobRunJpeg({ width: 64, height: 48, sampling: [[1, 1]], acScans, spectralBands: true });
		const atBound = redactCounting(make(15));
		expect(atBound.budget.blocksDecoded).toBe(16 * frameBlocks(make(15)));
		if (atBound.result.status === 'unsupported') throw new Error(atBound.result.reason);
		// Judged by sharp (libjpeg-turbo): the flat grey input, black inside the region.
		expect((await decode(make(15))).data.every((v) => v === 128)).toBe(true);
		const out = await decode(atBound.result.data);
		let wrong = 0;
		for (let y = 0; y < 48; y++) {
			for (let x = 0; x < 64; x++) {
				const v = out.data[(y * 64 + x) * out.channels];
				const inside = x >= 8 && x < 24 && y >= 8 && y < 24;
				if (inside ? v > 8 : v !== 128) wrong++;
			}
		}
		expect(wrong).toBe(0);
		expect(redactCounting(make(16)).result.status).toBe('unsupported');
	});

	it.each([
		['libjpeg progression', { progressive: true }],
		['mozjpeg optimized scans', { progressive: true, optimizeScans: true }],
		['mozjpeg, 4:4:4', { progressive: true, optimizeScans: true, chromaSubsampling: '4:4:4' }],
	])('real progressive files (%s) decode each block at most 6 times', async (_label, options) => {
		const file = await sharpJpeg(320, 240, { quality: 85, ...options });
		const { result, budget } = redactCounting(file);
		expect(result.status).toBe('applied');
		expect(budget.scans).toBeLessThanOrEqual(10);
		expect(budget.blocksDecoded).toBeLessThanOrEqual(6 * frameBlocks(file));
	});
});
