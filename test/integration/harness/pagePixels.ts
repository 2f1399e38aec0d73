/**
 * Pixel judges for whole pages (1240×1754 and the like), over images decoded by sharp
 * (test/fixtures/redactedPixels.ts `decode`, never the node's own decoder). They state what
 * redactedPixels' judges state, in one pass over a mask, so a page takes milliseconds.
 */
import type { Box, Decoded } from '../../fixtures/redactedPixels';

/**
 * The largest channel difference (RGB) between two images of one size at the pixels farther
 * than `margin` from every box (boxes are `[x0, y0, x1, y1)`); 0: identical there.
 */
export function maxDifferenceBeyond(
	a: Decoded,
	b: Decoded,
	boxes: readonly Box[],
	margin: number,
): number {
	if (a.width !== b.width || a.height !== b.height) return Infinity;
	const { width, height } = a;
	const near = new Uint8Array(width * height);
	for (const [x0, y0, x1, y1] of boxes)
		for (let y = Math.max(0, y0 - margin); y < Math.min(height, y1 + margin); y++)
			near.fill(1, y * width + Math.max(0, x0 - margin), y * width + Math.min(width, x1 + margin));
	let max = 0;
	for (let pixel = 0; pixel < width * height; pixel++) {
		if (near[pixel] === 1) continue;
		const i = pixel * a.channels;
		const j = pixel * b.channels;
		for (let c = 0; c < 3; c++) {
			const difference = Math.abs(a.data[i + c] - b.data[j + c]);
			if (difference > max) max = difference;
		}
	}
	return max;
}
