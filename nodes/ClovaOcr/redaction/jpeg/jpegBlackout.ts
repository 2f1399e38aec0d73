import type { PixelBox } from '../regions';
import type { JpegComponent, JpegFrame } from './jpegFrame';

/**
 * Sets to black every block that touches a box, in the DCT domain.
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
export function blackoutBlocks(frame: JpegFrame, boxes: PixelBox[], rgb: boolean): number {
	let changed = 0;
	frame.components.forEach((c: JpegComponent, index) => {
		const lumaLike = rgb || index === 0;
		const q0 = c.quant ? Math.max(1, c.quant[0]) : 1;
		const dc = lumaLike ? Math.max(-2048, -Math.ceil(1024 / q0)) : 0;
		const subsampled = c.h < frame.hmax || c.v < frame.vmax;
		const grow = subsampled ? 1 : 0;
		for (const b of boxes) {
			const sx0 = Math.floor((b.x0 * c.h) / frame.hmax) - grow;
			const sx1 = Math.ceil((b.x1 * c.h) / frame.hmax) + grow;
			const sy0 = Math.floor((b.y0 * c.v) / frame.vmax) - grow;
			const sy1 = Math.ceil((b.y1 * c.v) / frame.vmax) + grow;
			const bx0 = Math.max(0, Math.floor(sx0 / 8));
			const by0 = Math.max(0, Math.floor(sy0 / 8));
			const bx1 = Math.min(c.blocksPerLineMcu, Math.ceil(sx1 / 8));
			const by1 = Math.min(c.blocksPerColumnMcu, Math.ceil(sy1 / 8));
			for (let by = by0; by < by1; by++) {
				for (let bx = bx0; bx < bx1; bx++) {
					const o = (by * c.blocksPerLineMcu + bx) * 64;
					c.coefs.fill(0, o, o + 64);
					c.coefs[o] = dc;
					changed++;
				}
			}
		}
	});
	return changed;
}
