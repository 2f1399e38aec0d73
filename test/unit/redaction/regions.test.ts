import {
	readImageSize,
	redactImage,
	regionsFromPolygons,
	maskingMargin,
	RedactionError,
} from '../../../nodes/ClovaOcr/redaction';
import { sharpJpeg } from './testImages';

describe('regionsFromPolygons', () => {
	// The resident card example's personalNum maskingPolys (documented response, /work/shared/seeds).
	const personalNum = {
		vertices: [
			{ x: 211.13873, y: 178.01373 },
			{ x: 367.22372, y: 178.01373 },
			{ x: 367.22372, y: 220.14873 },
			{ x: 211.13873, y: 220.14873 },
		],
	};

	it('grows the box by the margin, rounds outwards and clips to the image', () => {
		expect(maskingMargin(42.135)).toBeCloseTo(2.10675, 5);
		expect(regionsFromPolygons([personalNum], { width: 1000, height: 1000 })).toEqual([
			{ x: 209, y: 175, width: 161, height: 48 }, // 211.14−2.11 → 209; 367.22+2.11 → 370; 178.01−2.11 → 175; 220.15+2.11 → 223
		]);
		expect(regionsFromPolygons([personalNum], { width: 300, height: 200 })).toEqual([
			{ x: 209, y: 175, width: 91, height: 25 },
		]);
	});

	it('uses at least 2 px, and skips polygons without finite vertices or outside the image', () => {
		const thin = {
			vertices: [
				{ x: 10, y: 10 },
				{ x: 20, y: 10 },
				{ x: 20, y: 12 },
				{ x: 10, y: 12 },
			],
		};
		expect(regionsFromPolygons([thin], { width: 100, height: 100 })).toEqual([
			{ x: 8, y: 8, width: 14, height: 6 },
		]);
		expect(
			regionsFromPolygons(
				[{ vertices: [] }, { vertices: [{ x: NaN, y: 1 }] }, { vertices: [{ x: 500, y: 500 }] }],
				{ width: 100, height: 100 },
			),
		).toEqual([]);
	});
});

describe('readImageSize and region arguments', () => {
	it('reads a JPEG size and says undefined for other files', async () => {
		expect(readImageSize(await sharpJpeg(37, 21, { quality: 80 }))).toEqual({
			width: 37,
			height: 21,
		});
		expect(readImageSize(new Uint8Array(Buffer.from('%PDF-1.4', 'latin1')))).toBeUndefined();
		expect(readImageSize(new Uint8Array([0xff, 0xd8, 0xff]))).toBeUndefined();
	});

	it('throws a RedactionError (invalidArgument) for regions that are not numeric boxes', async () => {
		const jpeg = await sharpJpeg(8, 8, { quality: 80 });
		expect(() => redactImage(jpeg, [{ x: 'a', y: 0, width: 1, height: 1 } as never])).toThrow(
			RedactionError,
		);
		expect(() => redactImage(jpeg, null as never)).toThrow(RedactionError);
	});
});
