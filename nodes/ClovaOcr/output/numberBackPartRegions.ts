import {
	polygonPartFrom,
	regionsFromPolygons,
	type ImageSize,
	type RedactionRegion,
} from '../redaction/index';
import type { FieldValue } from '../response/schema';
import { backPartShare } from './backPartShare';
import type { NumberBackPart } from './numberBackPart';

/**
 * Regions over the back part of each recognized value (non-empty text) of a number, cut from
 * its bounding polygon at backPartShare and grown like masking polygons (regionsFromPolygons).
 * The whole bounding box instead when the share is unknown, when the value has several
 * polygons (which part of the text each holds is unknown) or when the cut part falls outside
 * the image. Empty when no bounding polygon lies inside the image.
 */
export function numberBackPartRegions(
	values: readonly FieldValue[],
	part: NumberBackPart,
	size: ImageSize,
): RedactionRegion[] {
	return values
		.filter((value) => value.text.trim() !== '')
		.flatMap((value) => {
			const polygons = value.boundingPolys ?? [];
			const share = polygons.length === 1 ? backPartShare(value.text, part) : undefined;
			const backPart =
				share === undefined ? [] : regionsFromPolygons([polygonPartFrom(polygons[0], share)], size);
			return backPart.length > 0 ? backPart : regionsFromPolygons(polygons, size);
		});
}
