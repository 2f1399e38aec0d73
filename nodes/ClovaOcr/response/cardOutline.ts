import { ANSWER_LIMITS } from './answerLimits';
import { polygonSchema, vertexSchema, type Polygon } from './schema';

/**
 * The card's outline from `idCard.result.rois`, which is not a field: the result table
 * prints it as a list of `{x, y}` points, the examples as `[{vertices: [...]}]`. Both are
 * read (the first polygon of the second); anything else, or more points than a polygon may
 * have, gives null, never an error.
 */
export function cardOutlineOf(rois: unknown): Polygon | null {
	if (!Array.isArray(rois) || rois.length === 0) return null;
	if (rois.length > ANSWER_LIMITS.verticesPerPolygon) return null;
	const points = rois.map((entry) => vertexSchema.safeParse(entry));
	const vertices = points.flatMap((point) => (point.success ? [point.data] : []));
	if (vertices.length === rois.length) return { vertices };
	const polygon = polygonSchema.safeParse(rois[0]);
	return polygon.success && polygon.data.vertices.length > 0 ? polygon.data : null;
}
