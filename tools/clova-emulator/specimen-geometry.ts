/**
 * Where the text is on the sample cards (samples/resident-card.*, samples/driver-license.*),
 * so the ic-specimen and dl-specimen answers point at the cards' own pixels: a redacted copy
 * of a sample card blacks out its real back digits, not the documented example's positions.
 *
 * Measured on the 856×540 sample PNGs (dark-ink extent of each printed value; organ donation
 * is white on green). Bounding boxes are the ink grown by 2 px; masking boxes the part to hide
 * grown by 3 px, as CLOVA pads its masking polygons in the documented examples (2.4–4.0 px).
 * The part to hide follows the documented examples: the registration number after the hyphen,
 * the license number after its first two groups, the issue date whole.
 */

/** [x0, y0, x1, y1] in pixels. */
export type Box = readonly [number, number, number, number];

export interface FieldGeometry {
	/** Ink extent of the value; the fixture's bounding polygon is moved there (grown by 2 px). */
	ink: Box;
	/** Ink extent of the part to hide; the fixture's masking polygon is moved there (grown by 3 px). */
	masked?: Box;
}

export const RESIDENT_CARD_GEOMETRY: Record<string, FieldGeometry> = {
	name: { ink: [53, 133, 165, 171] },
	personalNum: { ink: [54, 204, 335, 230], masked: [195, 204, 335, 230] },
	address: { ink: [54, 275, 404, 299] },
	issueDate: { ink: [354, 406, 501, 426], masked: [354, 406, 501, 426] },
	authority: { ink: [274, 450, 582, 480] },
};

export const DRIVER_LICENSE_GEOMETRY: Record<string, FieldGeometry> = {
	type: { ink: [43, 99, 584, 114] },
	num: { ink: [267, 136, 578, 165], masked: [387, 136, 578, 165] },
	name: { ink: [331, 188, 414, 217] },
	personalNum: { ink: [352, 237, 565, 257], masked: [459, 237, 565, 257] },
	address: { ink: [332, 282, 608, 303] },
	renewStartDate: { ink: [387, 331, 507, 350] },
	renewEndDate: { ink: [540, 331, 660, 350] },
	condition: { ink: [332, 371, 367, 389] },
	code: { ink: [94, 401, 174, 418] },
	organDonation: { ink: [575, 370, 674, 386] },
	issueDate: { ink: [432, 437, 562, 455], masked: [432, 437, 562, 455] },
	authority: { ink: [394, 474, 632, 504] },
};

const COORDINATE = /("[xy]"\s*:\s*)-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g;

/** The four vertices (top-left, top-right, bottom-right, bottom-left) of a box grown by `grow`. */
function vertexNumbers([x0, y0, x1, y1]: Box, grow: number): number[] {
	const [l, t, r, b] = [x0 - grow, y0 - grow, x1 + grow, y1 + grow];
	return [l, t, r, t, r, b, l, b];
}

/** Rewrites the 8 coordinates that follow `from` in place (same lines, same layout). */
function replaceCoordinates(text: string, from: number, numbers: number[]): string {
	COORDINATE.lastIndex = from;
	let out = '';
	let last = 0;
	for (const value of numbers) {
		const match = COORDINATE.exec(text);
		if (!match) throw new Error('fixture polygon has fewer than 4 vertices');
		out += text.slice(last, match.index) + match[1] + String(value);
		last = match.index + match[0].length;
	}
	return out + text.slice(last);
}

function indexAfter(text: string, search: string, from: number, what: string): number {
	const index = text.indexOf(search, from);
	if (index < 0) throw new Error(`fixture lacks ${what}`);
	return index + search.length;
}

/**
 * Moves each listed field's first bounding polygon (and first masking polygon, when `masked`
 * is given) to the card's geometry. Only numbers change: the fixture's layout and quirks stay.
 */
export function placeFields(text: string, geometry: Record<string, FieldGeometry>): string {
	let result = text;
	for (const [field, { ink, masked }] of Object.entries(geometry)) {
		const start = indexAfter(result, `"${field}": [`, 0, `field ${field}`);
		if (result.indexOf(`"${field}": [`, start) >= 0)
			throw new Error(`fixture has field ${field} twice`);
		const bounding = indexAfter(result, '"boundingPolys": [', start, `${field} boundingPolys`);
		result = replaceCoordinates(result, bounding, vertexNumbers(ink, 2));
		if (masked) {
			const masking = indexAfter(result, '"maskingPolys": [', start, `${field} maskingPolys`);
			result = replaceCoordinates(result, masking, vertexNumbers(masked, 3));
		}
	}
	return result;
}
