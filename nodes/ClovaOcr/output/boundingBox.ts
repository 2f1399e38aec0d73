import type { Polygon } from '../response/schema';

export interface BoundingBox {
	x: number | null;
	y: number | null;
	width: number | null;
	height: number | null;
}

const NO_BOX: BoundingBox = { x: null, y: null, width: null, height: null };

/** The axis-aligned box around a polygon (the service's polygons may be rotated). */
export function boundingBoxOf(polygon: Polygon | undefined): BoundingBox {
	const vertices = polygon?.vertices ?? [];
	if (vertices.length === 0) return NO_BOX;
	const xs = vertices.map((v) => v.x);
	const ys = vertices.map((v) => v.y);
	const x = Math.min(...xs);
	const y = Math.min(...ys);
	return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
