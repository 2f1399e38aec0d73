import { RedactionError } from './redactionError';

/** A pixel box in the file's own (stored, un-rotated) pixel grid. */
export interface RedactionRegion {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface ImageSize {
	width: number;
	height: number;
}

/** A CLOVA `maskingPolys` / `boundingPolys` entry. */
export interface MaskingPolygon {
	vertices: Array<{ x: number; y: number }>;
}

/** Half-open integer pixel box [x0, x1) × [y0, y1), inside the image. */
export interface PixelBox {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/**
 * Margin added on each side of a masking polygon's bounding box.
 *
 * In the documented examples (/work/shared/seeds, resident card and driver's license) each
 * `maskingPolys` box is the text's `boundingPolys` box already grown by 2.4–4.0 px on each side
 * (≈ 0.09–0.10 × the 30–41 px text height), and cut at the left to the part to hide (e.g. the
 * last seven digits of the registration number). CLOVA has thus already padded the text; we
 * add only enough to cover ink that sub-pixel coordinates and anti-aliasing spill past that
 * padding: 2 px, or 5 % of the box height on large scans, whichever is more. Coordinates are
 * then rounded outwards.
 */
export function maskingMargin(boxHeight: number): number {
	return Math.max(2, 0.05 * boxHeight);
}

/**
 * Regions for CLOVA masking polygons: each polygon's axis-aligned box, grown by
 * `maskingMargin`, rounded outwards to whole pixels and clipped to the image. Polygons with
 * no finite vertices, or that fall outside the image, give no region.
 */
export function regionsFromPolygons(
	polygons: MaskingPolygon[],
	size: ImageSize,
): RedactionRegion[] {
	const regions: RedactionRegion[] = [];
	for (const poly of polygons) {
		const pts = (poly?.vertices ?? []).filter(
			(v) => Number.isFinite(v?.x) && Number.isFinite(v?.y),
		);
		if (pts.length === 0) continue;
		const minX = Math.min(...pts.map((p) => p.x));
		const maxX = Math.max(...pts.map((p) => p.x));
		const minY = Math.min(...pts.map((p) => p.y));
		const maxY = Math.max(...pts.map((p) => p.y));
		const m = maskingMargin(maxY - minY);
		const x0 = Math.max(0, Math.floor(minX - m));
		const y0 = Math.max(0, Math.floor(minY - m));
		const x1 = Math.min(size.width, Math.ceil(maxX + m));
		const y1 = Math.min(size.height, Math.ceil(maxY + m));
		if (x1 > x0 && y1 > y0) regions.push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
	}
	return regions;
}

/** Regions as integer boxes clipped to the image (fractions rounded outwards); empty ones dropped. */
export function clipRegions(regions: RedactionRegion[], size: ImageSize): PixelBox[] {
	if (!Array.isArray(regions))
		throw new RedactionError('invalidArgument', 'regions must be an array');
	const boxes: PixelBox[] = [];
	for (const r of regions) {
		if (
			![r?.x, r?.y, r?.width, r?.height].every((v) => typeof v === 'number' && !Number.isNaN(v))
		) {
			throw new RedactionError('invalidArgument', 'a region has a coordinate that is not a number');
		}
		const x0 = Math.max(0, Math.floor(r.x));
		const y0 = Math.max(0, Math.floor(r.y));
		const x1 = Math.min(size.width, Math.ceil(r.x + r.width));
		const y1 = Math.min(size.height, Math.ceil(r.y + r.height));
		if (x1 > x0 && y1 > y0) boxes.push({ x0, y0, x1, y1 });
	}
	return boxes;
}
