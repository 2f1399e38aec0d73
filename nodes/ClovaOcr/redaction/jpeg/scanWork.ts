import type { RedactionBudget } from '../budget';
import { MAX_JPEG_DECODES_PER_BLOCK, MAX_JPEG_SCANS } from '../limits';
import { RedactionError } from '../redactionError';
import type { JpegComponent, JpegFrame } from './jpegFrame';

/** Blocks of the coefficient grid, summed over the components. */
export function frameBlocks(frame: JpegFrame): number {
	let blocks = 0;
	for (const c of frame.components) blocks += c.blocksPerLineMcu * c.blocksPerColumnMcu;
	return blocks;
}

/** Blocks a scan of `components` entropy-decodes (see decodeScan's loops). */
function scanBlocks(frame: JpegFrame, components: readonly JpegComponent[]): number {
	if (components.length === 1) return components[0].blocksPerLine * components[0].blocksPerColumn;
	let perMcu = 0;
	for (const c of components) perMcu += c.h * c.v;
	return frame.mcusPerLine * frame.mcusPerColumn * perMcu;
}

/**
 * Charges a scan before it is decoded: at most MAX_JPEG_SCANS scans, and at most
 * MAX_JPEG_DECODES_PER_BLOCK × the frame's blocks decoded over all of them, so that decoding
 * costs O(frame blocks) whatever the file holds (a progressive scan can cover every block in a
 * few bytes).
 */
export function chargeScan(
	budget: RedactionBudget,
	frame: JpegFrame,
	components: readonly JpegComponent[],
): void {
	if (budget.scans + 1 > MAX_JPEG_SCANS) {
		throw new RedactionError(
			'tooLarge',
			`JPEG with more than ${MAX_JPEG_SCANS} scans is over the limit (encoders write at most about 10)`,
		);
	}
	const blocks = scanBlocks(frame, components);
	if (budget.blocksDecoded + blocks > MAX_JPEG_DECODES_PER_BLOCK * frameBlocks(frame)) {
		throw new RedactionError(
			'tooLarge',
			`JPEG whose scans decode each block more than ${MAX_JPEG_DECODES_PER_BLOCK} times on average is over the limit (encoders' progressive files: at most 6)`,
		);
	}
	budget.scans++;
	budget.blocksDecoded += blocks;
}
