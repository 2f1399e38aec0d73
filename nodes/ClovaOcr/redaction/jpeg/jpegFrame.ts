import type { RedactionBudget } from '../budget';
import { checkPixelCount } from '../limits';
import { damaged, unsupported } from '../redactionError';
import type { HuffmanDecodeTable } from './jpegHuffmanTable';

export interface JpegComponent {
	id: number;
	h: number;
	v: number;
	tq: number;
	/** Blocks of the component itself (what a non-interleaved scan codes). */
	blocksPerLine: number;
	blocksPerColumn: number;
	/** Blocks including the MCU padding (what interleaved scans code); the coefficient grid. */
	blocksPerLineMcu: number;
	blocksPerColumnMcu: number;
	/** Quantized DCT coefficients, 64 per block in zigzag order, rows of blocksPerLineMcu blocks. */
	coefs: Int16Array;
	/** The quantization table in force when the component's first scan started (zigzag order). */
	quant?: Uint16Array;
	quantPrecision: number;
	dcTable?: HuffmanDecodeTable;
	acTable?: HuffmanDecodeTable;
	dcPred: number;
	scanned: boolean;
}

export interface JpegFrame {
	marker: number;
	progressive: boolean;
	width: number;
	height: number;
	hmax: number;
	vmax: number;
	mcusPerLine: number;
	mcusPerColumn: number;
	components: JpegComponent[];
}

const SOF_NAMES: Record<number, string> = {
	0xc3: 'lossless JPEG (SOF3)',
	0xc5: 'hierarchical (differential sequential) JPEG (SOF5)',
	0xc6: 'hierarchical (differential progressive) JPEG (SOF6)',
	0xc7: 'hierarchical (differential lossless) JPEG (SOF7)',
	0xc9: 'arithmetic-coded JPEG (SOF9)',
	0xca: 'arithmetic-coded progressive JPEG (SOF10)',
	0xcb: 'arithmetic-coded lossless JPEG (SOF11)',
	0xcd: 'hierarchical arithmetic-coded JPEG (SOF13)',
	0xce: 'hierarchical arithmetic-coded progressive JPEG (SOF14)',
	0xcf: 'hierarchical arithmetic-coded lossless JPEG (SOF15)',
	0xf7: 'JPEG-LS (SOF55)',
};

/** Whether `marker` starts a frame of a kind this library does not code; returns the refusal. */
export function unsupportedFrameKind(marker: number): string | undefined {
	const name = SOF_NAMES[marker];
	return name ? `${name} is not supported` : undefined;
}

/**
 * Parses SOF0/1/2 and allocates the coefficient arrays, after checking that the size is
 * plausible for the file and charging them to the budget.
 */
export function parseFrame(
	marker: number,
	seg: Uint8Array,
	fileLength: number,
	budget: RedactionBudget,
): JpegFrame {
	if (seg.length < 6) throw damaged('JPEG', 'the frame header is too short');
	const precision = seg[0];
	const height = (seg[1] << 8) | seg[2];
	const width = (seg[3] << 8) | seg[4];
	const n = seg[5];
	if (precision === 12) throw unsupported('12-bit JPEG is not supported');
	if (precision !== 8) throw damaged('JPEG', `sample precision ${precision}`);
	if (n === 4) throw unsupported('CMYK/YCCK JPEG (4 components) is not supported');
	if (n !== 1 && n !== 3) throw unsupported(`JPEG with ${n} colour components is not supported`);
	if (height === 0)
		throw unsupported('JPEG whose height is set later by a DNL marker is not supported');
	if (seg.length < 6 + 3 * n) throw damaged('JPEG', 'the frame header is too short');
	checkPixelCount('JPEG', width, height);
	const comps: Array<{ id: number; h: number; v: number; tq: number }> = [];
	for (let i = 0; i < n; i++) {
		const id = seg[6 + 3 * i];
		const h = seg[7 + 3 * i] >> 4;
		const v = seg[7 + 3 * i] & 15;
		const tq = seg[8 + 3 * i];
		if (h < 1 || h > 4 || v < 1 || v > 4) throw damaged('JPEG', `sampling factors ${h}×${v}`);
		if (tq > 3) throw damaged('JPEG', 'quantization table number out of range');
		if (comps.some((c) => c.id === id)) throw damaged('JPEG', 'two components share an id');
		comps.push({ id, h, v, tq });
	}
	const hmax = Math.max(...comps.map((c) => c.h));
	const vmax = Math.max(...comps.map((c) => c.v));
	const mcusPerLine = Math.ceil(width / (8 * hmax));
	const mcusPerColumn = Math.ceil(height / (8 * vmax));
	// Every coded block costs at least one bit (a DC code), so a file cannot hold more blocks
	// than 8 × its size: a tiny file claiming a huge frame is damaged, found before allocating.
	let blocks = 0;
	for (const c of comps)
		blocks +=
			Math.ceil(Math.ceil((width * c.h) / hmax) / 8) *
			Math.ceil(Math.ceil((height * c.v) / vmax) / 8);
	if (blocks > 8 * fileLength + 64)
		throw damaged('JPEG', `the file is too small for a ${width}×${height} image`);
	const grids = comps.map((c) => {
		const blocksPerLine = Math.ceil(Math.ceil((width * c.h) / hmax) / 8);
		const blocksPerColumn = Math.ceil(Math.ceil((height * c.v) / vmax) / 8);
		// A single-component scan is never interleaved: its grid is the component's own.
		const blocksPerLineMcu = n === 1 ? blocksPerLine : mcusPerLine * c.h;
		const blocksPerColumnMcu = n === 1 ? blocksPerColumn : mcusPerColumn * c.v;
		return { blocksPerLine, blocksPerColumn, blocksPerLineMcu, blocksPerColumnMcu };
	});
	let coefBytes = 0;
	for (const g of grids) coefBytes += g.blocksPerLineMcu * g.blocksPerColumnMcu * 64 * 2;
	budget.allocate(coefBytes, `the DCT coefficients of a ${width}×${height} JPEG`);
	const components: JpegComponent[] = comps.map((c, i) => ({
		...c,
		...grids[i],
		coefs: new Int16Array(grids[i].blocksPerLineMcu * grids[i].blocksPerColumnMcu * 64),
		quantPrecision: 0,
		dcPred: 0,
		scanned: false,
	}));
	return {
		marker,
		progressive: marker === 0xc2,
		width,
		height,
		hmax,
		vmax,
		mcusPerLine,
		mcusPerColumn,
		components,
	};
}

/** Width and height from an SOF segment, without allocating anything. */
export function parseFrameHeader(seg: Uint8Array): { width: number; height: number } {
	if (seg.length < 6) throw damaged('JPEG', 'the frame header is too short');
	const height = (seg[1] << 8) | seg[2];
	const width = (seg[3] << 8) | seg[4];
	if (height === 0 || width === 0) throw damaged('JPEG', `image size ${width}×${height}`);
	return { width, height };
}
