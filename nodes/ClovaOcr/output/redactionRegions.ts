import {
	regionsFromPolygons,
	type ImageSize,
	type MaskingPolygon,
	type RedactionRegion,
} from '../redaction/index';
import { isCardNumberField } from '../boundary/cardNumberRule';
import type { RecognizedDocument } from '../response/recognizedDocument';
import { numberBackPartOf } from './numberBackPart';
import { numberBackPartRegions } from './numberBackPartRegions';

export interface RedactionPlan {
	regions: RedactionRegion[];
	/**
	 * Registration or license number fields that were recognized but have no region inside the
	 * image: a copy would show them, so none may be made.
	 */
	unhiddenFields: string[];
}

/**
 * The boxes to black out in a redacted copy: every masking polygon of every field, and the
 * bounding polygons of the fields the user chose (Also Black Out). Each polygon becomes its
 * axis-aligned box grown by the masking margin and clipped to the image (regionsFromPolygons).
 *
 * A recognized registration or license number (numberBackPartOf) none of whose values has a
 * masking polygon inside the image gets its back part cut from its bounding polygons instead
 * (numberBackPartRegions); with none of those inside the image either it is unhidden. A card
 * number is blacked out whole (its bounding polygons), and is unhidden without one inside.
 */
export function redactionPlanOf(
	document: RecognizedDocument,
	redactFields: readonly string[],
	size: ImageSize,
): RedactionPlan {
	const chosen = new Set(redactFields);
	const regions: RedactionRegion[] = [];
	const unhiddenFields: string[] = [];
	for (const { field, values } of document.fields) {
		const polygons: MaskingPolygon[] = [];
		const cardNumber = isCardNumberField(document.documentType, field);
		for (const value of values) {
			polygons.push(...(value.maskingPolys ?? []));
			if (chosen.has(field) || cardNumber) polygons.push(...(value.boundingPolys ?? []));
		}
		regions.push(...regionsFromPolygons(polygons, size));
		if (cardNumber && values.some((value) => value.text.trim() !== '')) {
			const whole = values.flatMap((value) => value.boundingPolys ?? []);
			if (regionsFromPolygons(whole, size).length === 0) unhiddenFields.push(field);
			continue;
		}

		const part = numberBackPartOf(document.documentType, field);
		if (!part || !values.some((value) => value.text.trim() !== '')) continue;
		const masking = values.flatMap((value) => value.maskingPolys ?? []);
		if (regionsFromPolygons(masking, size).length > 0) continue;
		const backPart = numberBackPartRegions(values, part, size);
		if (backPart.length > 0) regions.push(...backPart);
		else unhiddenFields.push(field);
	}
	return { regions, unhiddenFields };
}
