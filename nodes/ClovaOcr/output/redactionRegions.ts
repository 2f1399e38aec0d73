import {
	regionsFromPolygons,
	type ImageSize,
	type MaskingPolygon,
	type RedactionRegion,
} from '../redaction/index';
import { isCardNumberField } from '../boundary/cardNumberRule';
import { maskRegistrationRuns } from '../boundary/contentRule';
import { isCompanyNumberField, readsFieldsTogether } from '../boundary/registrationFields';
import type { RecognizedDocument } from '../response/recognizedDocument';
import type { FieldValue } from '../response/schema';
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
 * The values whose text the boundary's content rule masks, read as the boundary reads them:
 * the values of each field together, or all fields together in a free-form document.
 */
function contentMaskedValues(document: RecognizedDocument): Set<FieldValue> {
	const groups = readsFieldsTogether(document.documentType)
		? [document.fields.flatMap(({ values }) => values)]
		: document.fields.map(({ values }) => values);
	const masked = new Set<FieldValue>();
	for (const values of groups) {
		const texts = values.map((value) => value.text);
		maskRegistrationRuns(texts).forEach((text, i) => {
			if (text !== texts[i]) masked.add(values[i]);
		});
	}
	return masked;
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
 *
 * Any other value the boundary masks by content (a number in an address, a word of a page)
 * and that has no masking polygon inside the image is blacked out whole by its bounding
 * polygons, and its field is unhidden without one: the copy never shows what the items hide.
 */
export function redactionPlanOf(
	document: RecognizedDocument,
	redactFields: readonly string[],
	size: ImageSize,
): RedactionPlan {
	const chosen = new Set(redactFields);
	const regions: RedactionRegion[] = [];
	const unhiddenFields: string[] = [];
	const maskedByContent = contentMaskedValues(document);
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
		// A company's number is shown whole by the boundary's named exception.
		if (isCompanyNumberField(document.documentType, field)) continue;
		if (!part) {
			if (!unplacedContent(values, maskedByContent, size, regions)) unhiddenFields.push(field);
			continue;
		}
		if (!values.some((value) => value.text.trim() !== '')) continue;
		const masking = values.flatMap((value) => value.maskingPolys ?? []);
		if (regionsFromPolygons(masking, size).length > 0) continue;
		const backPart = numberBackPartRegions(values, part, size);
		if (backPart.length > 0) regions.push(...backPart);
		else unhiddenFields.push(field);
	}
	return { regions, unhiddenFields };
}

/**
 * Adds the bounding boxes of the field's values the content rule masks and the service gave no
 * masking polygon inside the image; false when one of them has no box inside the image either.
 */
function unplacedContent(
	values: readonly FieldValue[],
	maskedByContent: ReadonlySet<FieldValue>,
	size: ImageSize,
	regions: RedactionRegion[],
): boolean {
	for (const value of values) {
		if (!maskedByContent.has(value)) continue;
		if (regionsFromPolygons(value.maskingPolys ?? [], size).length > 0) continue;
		const whole = regionsFromPolygons(value.boundingPolys ?? [], size);
		if (whole.length === 0) return false;
		regions.push(...whole);
	}
	return true;
}
