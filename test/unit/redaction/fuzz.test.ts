import sharp from 'sharp';
import { redactImage, RedactionError } from '../../../nodes/ClovaOcr/redaction';
import {
	encodeTestJpeg,
	photoPixels,
	randomRows,
	rng,
	sharpJpeg,
	writePngFile,
} from './testImages';

/** Per-case time bound (a damaged file must never hang). */
const CASE_MS = 2000;
const MUTATIONS = 300;

async function seeds(): Promise<Array<[string, Uint8Array]>> {
	return [
		['baseline JPEG', await sharpJpeg(48, 40, { quality: 80 })],
		['progressive JPEG', await sharpJpeg(48, 40, { quality: 80, progressive: true })],
		[
			'JPEG with restarts',
			encodeTestJpeg(
				photoPixels(40, 24, 3, 5),
				40,
				24,
				3,
				[
					[2, 1],
					[1, 1],
					[1, 1],
				],
				2,
			),
		],
		['RGB PNG', writePngFile(20, 16, 8, 2, randomRows(20, 16, 24, 9))],
		[
			'interlaced palette PNG',
			new Uint8Array(
				await sharp(photoPixels(30, 20, 3), { raw: { width: 30, height: 20, channels: 3 } })
					.png({ progressive: true, palette: true, colours: 16 })
					.toBuffer(),
			),
		],
	];
}

describe('redactImage on damaged files (seeded fuzzing)', () => {
	it(`${MUTATIONS} mutations and every truncation point: a result or "unsupported", never another error, never slow`, async () => {
		const r = rng(20240613);
		const files = await seeds();
		const cases: Uint8Array[] = [];
		for (let i = 0; i < MUTATIONS; i++) {
			const [, seed] = files[i % files.length];
			const f = seed.slice();
			const kind = Math.floor(r() * 4);
			if (kind === 0) {
				const flips = 1 + Math.floor(r() * 8);
				for (let k = 0; k < flips; k++) f[Math.floor(r() * f.length)] ^= 1 << Math.floor(r() * 8);
				cases.push(f);
			} else if (kind === 1) {
				for (let k = 0; k < 4; k++) f[Math.floor(r() * f.length)] = Math.floor(r() * 256);
				cases.push(f);
			} else if (kind === 2) {
				cases.push(f.subarray(0, Math.floor(r() * f.length)));
			} else {
				const at = Math.floor(r() * f.length);
				const junk = Array.from({ length: 1 + Math.floor(r() * 16) }, () =>
					r() < 0.3 ? 0xff : Math.floor(r() * 256),
				);
				cases.push(new Uint8Array([...f.subarray(0, at), ...junk, ...f.subarray(at)]));
			}
		}
		for (const [, seed] of files)
			for (let cut = 0; cut < seed.length; cut += 7) cases.push(seed.subarray(0, cut));

		const counts = { applied: 0, noRegions: 0, unsupported: 0 };
		let slowest = 0;
		for (const file of cases) {
			const t0 = performance.now();
			let result;
			try {
				result = redactImage(file, [{ x: 3, y: 2, width: 10, height: 9 }]);
			} catch (error) {
				// Only our own error type could come out (an internal fault); there must be none.
				expect(error).toBeInstanceOf(RedactionError);
				throw error;
			}
			slowest = Math.max(slowest, performance.now() - t0);
			counts[result.status]++;
			if (result.status === 'unsupported') expect(result.reason.length).toBeGreaterThan(5);
		}
		expect(slowest).toBeLessThan(CASE_MS);
		expect(counts.unsupported).toBeGreaterThan(0);
		expect(counts.applied).toBeGreaterThan(0);
	});
});
