import {
	regionsFromPolygons,
	type ImageSize,
	type MaskingPolygon,
	type RedactionRegion,
} from '../redaction/index';
import type { RecognizedDocument } from '../response/recognizedDocument';

/**
 * The boxes to black out in a redacted copy: every masking polygon of every field, and the
 * bounding polygons of the fields the user chose (Also Black Out). Each polygon becomes its
 * axis-aligned box grown by the masking margin and clipped to the image (regionsFromPolygons).
 */
export function redactionRegionsOf(
	document: RecognizedDocument,
	redactFields: readonly string[],
	size: ImageSize,
): RedactionRegion[] {
	const chosen = new Set(redactFields);
	const polygons: MaskingPolygon[] = [];
	for (const { field, values } of document.fields) {
		for (const value of values) {
			polygons.push(...(value.maskingPolys ?? []));
			if (chosen.has(field)) polygons.push(...(value.boundingPolys ?? []));
		}
	}
	return regionsFromPolygons(polygons, size);
}
