import type { MaskingPolygon } from './regions';

type Vertex = MaskingPolygon['vertices'][number];

const isFinitePoint = (v: Vertex | undefined): v is Vertex =>
	Number.isFinite(v?.x) && Number.isFinite(v?.y);

const distance = (a: Vertex, b: Vertex): number => Math.hypot(b.x - a.x, b.y - a.y);

const pointAlong = (from: Vertex, to: Vertex, share: number): Vertex => ({
	x: from.x + (to.x - from.x) * share,
	y: from.y + (to.y - from.y) * share,
});

/**
 * The part of a text's bounding polygon from `share` (0–1) of the way along the text to its
 * end. CLOVA lists a text's corners as top-left, top-right, bottom-right, bottom-left in reading
 * order (every polygon of the documented examples), so the part runs from the points at `share`
 * of the top and bottom edges to the last two corners, for skewed text too.
 *
 * Anything else comes back whole: not 4 finite vertices, a share that is not a number, or a
 * first edge shorter than the second (the text does not run along it, e.g. corners listed in
 * image order on a card turned by 90°), since then the end of the text is unknown.
 */
export function polygonPartFrom(polygon: MaskingPolygon, share: number): MaskingPolygon {
	const vertices = polygon?.vertices ?? [];
	if (vertices.length !== 4 || !vertices.every(isFinitePoint) || Number.isNaN(share))
		return polygon;
	const [topLeft, topRight, bottomRight, bottomLeft] = vertices;
	if (distance(topLeft, topRight) < distance(topRight, bottomRight)) return polygon;
	const from = Math.min(1, Math.max(0, share));
	return {
		vertices: [
			pointAlong(topLeft, topRight, from),
			topRight,
			bottomRight,
			pointAlong(bottomLeft, bottomRight, from),
		],
	};
}
