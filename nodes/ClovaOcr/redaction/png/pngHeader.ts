import { checkPixelCount } from '../limits';
import { damaged } from '../redactionError';

export interface PngHeader {
	width: number;
	height: number;
	bitDepth: number;
	colorType: number;
	interlaced: boolean;
	/** Samples per pixel: 1 gray/palette, 2 gray+alpha, 3 RGB, 4 RGBA. */
	channels: number;
	bitsPerPixel: number;
}

const ALLOWED_DEPTHS: Record<number, number[]> = {
	0: [1, 2, 4, 8, 16],
	2: [8, 16],
	3: [1, 2, 4, 8],
	4: [8, 16],
	6: [8, 16],
};
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const COLOUR_NAMES: Record<number, string> = {
	0: 'grey',
	2: 'RGB',
	3: 'palette',
	4: 'grey+alpha',
	6: 'RGBA',
};

export function parseIhdr(data: Uint8Array): PngHeader {
	if (data.length !== 13) throw damaged('PNG', 'IHDR has the wrong length');
	const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
	const width = dv.getUint32(0);
	const height = dv.getUint32(4);
	const bitDepth = data[8];
	const colorType = data[9];
	if (!ALLOWED_DEPTHS[colorType]?.includes(bitDepth)) {
		throw damaged('PNG', `colour type ${colorType} with bit depth ${bitDepth} is invalid`);
	}
	if (data[10] !== 0 || data[11] !== 0)
		throw damaged('PNG', 'unknown compression or filter method');
	if (data[12] > 1) throw damaged('PNG', 'unknown interlace method');
	checkPixelCount('PNG', width, height);
	const channels = CHANNELS[colorType];
	return {
		width,
		height,
		bitDepth,
		colorType,
		interlaced: data[12] === 1,
		channels,
		bitsPerPixel: channels * bitDepth,
	};
}

export function rowBytes(width: number, bitsPerPixel: number): number {
	return Math.ceil((width * bitsPerPixel) / 8);
}

/** E.g. "4000×3000 PNG (16-bit RGBA, interlaced)", for messages. */
export function describePng(h: PngHeader): string {
	const interlace = h.interlaced ? ', interlaced' : '';
	return `${h.width}×${h.height} PNG (${h.bitDepth}-bit ${COLOUR_NAMES[h.colorType]}${interlace})`;
}
