import type { DocumentType } from '../model/documentTypes';
import { isRegistrationNumberField } from '../boundary/registrationFields';

/**
 * The back part of a number that a redacted copy hides, in digit positions: it starts after
 * the first `front` positions, or at the `back`-th position from the end if that comes first.
 */
export interface NumberBackPart {
	front: number;
	back: number;
}

/**
 * What CLOVA's `maskingPolys` cover in the documented examples (/work/shared/seeds), read as the
 * masking box's left edge less its padding (3.5–4.0 px, the same on the right), as a share of
 * the text's bounding box:
 * - registration number `800***-234****` (resident card) and `******-*******` (license): from
 *   0.500 of the box (214.65 of 65.59–363.71; 380.65 of 264.71–496.75), i.e. from character
 *   7 of 14, the first after the hyphen: the 7 digits after YYMMDD;
 * - license number `**-**-******-**`: from 0.400 (408.72 of 270.66–615.73), character 6 of 15:
 *   the serial number and check digits (8 digits), after the region code and year.
 */
export const REGISTRATION_NUMBER_BACK: NumberBackPart = { front: 6, back: 7 };
export const LICENSE_NUMBER_BACK: NumberBackPart = { front: 4, back: 8 };

/** The back part to hide of a field, or undefined for a field that is not such a number. */
export function numberBackPartOf(
	documentType: DocumentType,
	field: string,
): NumberBackPart | undefined {
	if (isRegistrationNumberField(documentType, field)) return REGISTRATION_NUMBER_BACK;
	if (documentType === 'driverLicense' && field === 'num') return LICENSE_NUMBER_BACK;
	return undefined;
}
