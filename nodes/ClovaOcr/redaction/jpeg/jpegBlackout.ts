import type { RedactionBudget } from '../budget';
import { forEachCoveredRun } from '../coveredRuns';
import type { PixelBox } from '../regions';
import type { JpegComponent, JpegFrame } from './jpegFrame';

/** The blocks of `c` that a pixel box touches, as a box in the component's block grid (maybe empty). */
function blockBox(frame: JpegFrame, c: JpegComponent, b: PixelBox): PixelBox {
	const subsampled = c.h < frame.hmax || c.v < frame.vmax;
	const grow = subsampled ? 1 : 0;
	const sx0 = Math.floor((b.x0 * c.h) / frame.hmax) - grow;
	const sx1 = Math.ceil((b.x1 * c.h) / frame.hmax) + grow;
	const sy0 = Math.floor((b.y0 * c.v) / frame.vmax) - grow;
	const sy1 = Math.ceil((b.y1 * c.v) / frame.vmax) + grow;
	return {
		x0: Math.max(0, Math.floor(sx0 / 8)),
		y0: Math.max(0, Math.floor(sy0 / 8)),
		x1: Math.min(c.blocksPerLineMcu, Math.ceil(sx1 / 8)),
		y1: Math.min(c.blocksPerColumnMcu, Math.ceil(sy1 / 8)),
	};
}

/**
 * Sets to black every block that touches a box, in the DCT domain. Each block is set once
 * however many boxes touch it (see forEachCoveredRun).
 *
 * - "Luma-like" components (Y, gray, or every channel of an RGB JPEG): AC = 0 and
 *   DC = −ceil(1024 / Q[0]), so the block decodes to a flat value ≤ 0 after the level shift,
 *   which decoders clamp to exactly 0 (plain rounding of −1024 / Q[0] could leave up to
 *   Q[0] / 16 grey levels).
 * - Chroma (Cb, Cr): all coefficients 0, i.e. neutral, so Y = 0 decodes to RGB 0,0,0.
 * - A box maps to blocks through the sampling factors (a block of a component sampled at
 *   h/hmax × v/vmax covers 8·hmax/h × 8·vmax/v pixels). For a subsampled component the box is
 *   first grown by one sample on each side: decoders' "fancy" upsampling blends each chroma
 *   sample with its neighbour, which would otherwise tint the edge of the black bar.
 */
export function blackoutBlocks(
	frame: JpegFrame,
	boxes: PixelBox[],
	rgb: boolean,
	budget: RedactionBudget,
): void {
	frame.components.forEach((c: JpegComponent, index) => {
		const lumaLike = rgb || index === 0;
		const q0 = c.quant ? Math.max(1, c.quant[0]) : 1;
		const dc = lumaLike ? Math.max(-2048, -Math.ceil(1024 / q0)) : 0;
		const blocks = boxes.map((b) => blockBox(frame, c, b));
		forEachCoveredRun(c.blocksPerLineMcu, c.blocksPerColumnMcu, blocks, budget, (by, bx0, bx1) => {
			const row = by * c.blocksPerLineMcu;
			for (let bx = bx0; bx < bx1; bx++) {
				const o = (row + bx) * 64;
				c.coefs.fill(0, o, o + 64);
				c.coefs[o] = dc;
			}
		});
	});
}
