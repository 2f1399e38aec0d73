/** Path 5: small files whose headers claim growing pixel counts, through redactImage. */
import type { HostileCase, HostilePath } from './hostileCase';
import { eobRunJpeg } from './progressiveJpeg';
import { ONE_SMALL_REGION, redactionCase } from './redactionCase';
import { zeroPixelPng, type PngLayout } from './zeroPixelPng';

/** Megapixels claimed, up to the 100 MP the library decodes at most (limits.ts: MAX_PIXELS). */
const MEGAPIXELS = [1, 4, 16, 64, 100];

/** The side of a square of `megapixels`. */
const side = (megapixels: number): number => Math.round(Math.sqrt(megapixels * 1_000_000));

function zeroPngCase(name: string, layout: Omit<PngLayout, 'width' | 'height'>): HostileCase {
	return redactionCase(name, 'MP', MEGAPIXELS, (megapixels) => ({
		file: zeroPixelPng({ ...layout, width: side(megapixels), height: side(megapixels) }),
		regions: ONE_SMALL_REGION,
	}));
}

export const DECODED_SIZE: HostilePath = {
	title:
		'Decoded size (redaction/budget.ts, limits.ts: 48 MiB + 128 × file bytes, at most 256 MiB)',
	before: 'files under 1 MB made the codecs allocate 0.6–1.6 GB',
	cases: [
		redactionCase(
			'JPEG 4:4:4 of 1 bit a block (progressive, DC only: flat grey; 6 bytes of coefficients a pixel)',
			'MP',
			MEGAPIXELS,
			(megapixels) => ({
				file: eobRunJpeg({
					width: side(megapixels),
					height: side(megapixels),
					sampling: [
						[1, 1],
						[1, 1],
						[1, 1],
					],
					acScans: 0,
				}),
				regions: ONE_SMALL_REGION,
			}),
		),
		zeroPngCase('PNG 8-bit grey of zero pixels (1 byte a pixel, deflate about 1,000:1)', {
			bitDepth: 8,
			colorType: 0,
			interlaced: false,
		}),
		zeroPngCase('PNG 16-bit RGBA interlaced of zero pixels (8 bytes a pixel, held twice)', {
			bitDepth: 16,
			colorType: 6,
			interlaced: true,
		}),
	],
};
