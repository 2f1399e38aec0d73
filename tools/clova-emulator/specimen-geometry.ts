/**
 * Where the text is on the sample cards (samples/resident-card.*, samples/driver-license.*),
 * the sample business registration certificate and the sample receipt
 * (samples/business-registration.*, samples/receipt.*),
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

/**
 * The sample business registration certificate (samples/business-registration.png, 1240×1754),
 * measured with tools/samples/measure-ink.ts. Keys are paths under `images[0].bizLicense.result`
 * (`bisType.1`: the field's second element; a bare field name: its first). The part to hide is
 * each resident registration number after the hyphen, as on the ID card.
 */
export const BUSINESS_REGISTRATION_GEOMETRY: Record<string, FieldGeometry> = {
	documentType: { ink: [405, 155, 835, 212] },
	registerNumber: { ink: [562, 307, 772, 332] },
	corpRegisterNum: { ink: [894, 714, 1105, 733] },
	corpName: { ink: [421, 402, 643, 426] },
	companyName: { ink: [423, 464, 540, 487] },
	repName: { ink: [421, 526, 492, 550] },
	coRepName: { ink: [422, 650, 492, 674] },
	birth: { ink: [894, 526, 1101, 549] },
	socialNumber: { ink: [422, 590, 635, 609], masked: [529, 590, 635, 609] },
	coRepSocialNum: { ink: [892, 652, 1105, 671], masked: [997, 652, 1105, 671] },
	openDate: { ink: [422, 712, 652, 735] },
	bisAddress: { ink: [422, 774, 863, 799] },
	headAddress: { ink: [422, 836, 791, 861] },
	'bisType.0': { ink: [472, 898, 563, 922] },
	'bisType.1': { ink: [471, 944, 625, 968] },
	'bisItem.0': { ink: [751, 898, 1087, 922] },
	'bisItem.1': { ink: [752, 944, 946, 968] },
	bisArea: { ink: [489, 1414, 751, 1458] },
	taxType: { ink: [539, 239, 700, 268] },
	issuanceDate: { ink: [484, 1323, 755, 1353] },
	issuanceReason: { ink: [421, 1012, 491, 1036] },
};

function receiptItem(
	index: number,
	boxes: Record<'name' | 'code' | 'count' | 'price.price' | 'price.unitPrice', Box>,
): Record<string, FieldGeometry> {
	return Object.fromEntries(
		Object.entries(boxes).map(([key, ink]) => [`subResults.0.items.${index}.${key}`, { ink }]),
	);
}

/**
 * The sample receipt (samples/receipt.png, 576×1280), measured with tools/samples/measure-ink.ts;
 * keys are paths under `images[0].receipt.result`. Nothing on it is masked.
 */
export const RECEIPT_GEOMETRY: Record<string, FieldGeometry> = {
	'storeInfo.name': { ink: [215, 85, 363, 123] },
	'storeInfo.subName': { ink: [254, 142, 318, 164] },
	'storeInfo.bizNum': { ink: [162, 192, 279, 207] },
	'storeInfo.addresses.0': { ink: [32, 224, 299, 243] },
	'storeInfo.tel.0': { ink: [83, 258, 199, 277] },
	'paymentInfo.date': { ink: [121, 322, 219, 337] },
	'paymentInfo.time': { ink: [262, 322, 339, 337] },
	'paymentInfo.cardInfo.company': { ink: [161, 959, 239, 977] },
	'paymentInfo.cardInfo.number': { ink: [161, 992, 349, 1007] },
	'paymentInfo.confirmNum': { ink: [161, 1024, 239, 1039] },
	...receiptItem(0, {
		name: [32, 440, 178, 459],
		code: [47, 472, 175, 487],
		count: [403, 442, 407, 457],
		'price.price': [496, 442, 544, 460],
		'price.unitPrice': [290, 442, 338, 460],
	}),
	...receiptItem(1, {
		name: [32, 506, 127, 525],
		code: [47, 538, 175, 553],
		count: [402, 508, 410, 523],
		'price.price': [496, 508, 544, 526],
		'price.unitPrice': [290, 508, 338, 526],
	}),
	...receiptItem(2, {
		name: [33, 573, 89, 591],
		code: [47, 604, 175, 619],
		count: [403, 574, 407, 589],
		'price.price': [496, 574, 544, 592],
		'price.unitPrice': [290, 574, 338, 592],
	}),
	...receiptItem(3, {
		name: [32, 639, 119, 657],
		code: [47, 670, 175, 685],
		count: [403, 640, 407, 655],
		'price.price': [496, 640, 544, 658],
		'price.unitPrice': [291, 640, 338, 658],
	}),
	'subTotal.0.subTotalPrice': { ink: [487, 732, 544, 750] },
	'subTotal.0.discountPrice.0': { ink: [536, 764, 544, 779] },
	'subTotal.0.taxPrice.0': { ink: [497, 796, 544, 814] },
	'totalPrice.price': { ink: [470, 859, 544, 882] },
	'totalPrice.creditCardPrice': { ink: [487, 898, 544, 916] },
};

const COORDINATE = /("[xy]"\s*:\s*)-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g;

/** The four vertices (top-left, top-right, bottom-right, bottom-left) of a box grown by `grow`. */
export function boxVertices(box: Box, grow: number): Array<{ x: number; y: number }> {
	const [x0, y0, x1, y1] = box;
	const [l, t, r, b] = [x0 - grow, y0 - grow, x1 + grow, y1 + grow];
	return [
		{ x: l, y: t },
		{ x: r, y: t },
		{ x: r, y: b },
		{ x: l, y: b },
	];
}

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

/** A field element: `{text, formatted, keyText, confidenceScore, boundingPolys, maskingPolys}`. */
interface PolygonHolder {
	boundingPolys?: Array<{ vertices: unknown }>;
	maskingPolys?: Array<{ vertices: unknown }>;
}

/**
 * The element at `path` under `root` (dot-separated keys and array indexes); a path that ends
 * on an array means its first element.
 */
export function elementAt(root: unknown, path: string): Record<string, unknown> {
	let node: unknown = root;
	for (const key of path.split('.')) {
		if (Array.isArray(node) && /^\d+$/.test(key)) node = node[Number(key)];
		else if (typeof node === 'object' && node !== null && !Array.isArray(node))
			node = (node as Record<string, unknown>)[key];
		else node = undefined;
		if (node === undefined) throw new Error(`fixture lacks ${path}`);
	}
	if (Array.isArray(node)) node = node[0];
	if (typeof node !== 'object' || node === null) throw new Error(`fixture lacks element ${path}`);
	return node as Record<string, unknown>;
}

/**
 * Moves the first bounding polygon of each listed element (and its first masking polygon, when
 * `masked` is given) onto the sample's geometry, in a parsed fixture (valid-JSON fixtures only).
 */
export function placeElements(result: unknown, geometry: Record<string, FieldGeometry>): void {
	for (const [path, { ink, masked }] of Object.entries(geometry)) {
		const element = elementAt(result, path) as PolygonHolder;
		const bounding = element.boundingPolys?.[0];
		if (bounding === undefined) throw new Error(`fixture lacks ${path} boundingPolys`);
		bounding.vertices = boxVertices(ink, 2);
		if (masked) {
			const masking = element.maskingPolys?.[0];
			if (masking === undefined) throw new Error(`fixture lacks ${path} maskingPolys`);
			masking.vertices = boxVertices(masked, 3);
		}
	}
}
