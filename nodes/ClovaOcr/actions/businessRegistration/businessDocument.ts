import { modelSectionOf } from '../../response/modelSection';
import { parseFields, type RecognizedDocument } from '../../response/recognizedDocument';
import { ResponseShapeError } from '../../response/responseShapeError';
import { RESULT_META_KEYS, type ImageResult } from '../../response/schema';

export const BIZ_LICENSE_KEY = 'bizLicense';

const META_KEYS: ReadonlySet<string> = new Set(RESULT_META_KEYS);

function isElement(value: unknown): boolean {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		Object.prototype.hasOwnProperty.call(value, 'text')
	);
}

/**
 * The certificate in `images[0].bizLicense.result`: every key a field, an array of values
 * (two independent sources agree, clova-products.md). A field sent as one element instead of
 * an array of them (as receipts do) is read as an array of one; anything else fails the shape.
 */
export function businessDocumentOf(image: ImageResult): RecognizedDocument {
	const result = modelSectionOf(image, BIZ_LICENSE_KEY)?.result;
	if (result === undefined)
		throw new ResponseShapeError(`images[0].${BIZ_LICENSE_KEY}.result is missing`);
	const section = Object.fromEntries(
		Object.entries(result)
			.filter(([key]) => !META_KEYS.has(key))
			.map(([key, value]) => [key, isElement(value) ? [value] : value]),
	);
	const isConfident = result.isConfident;
	return {
		documentType: 'businessRegistration',
		idType: null,
		isConfident: typeof isConfident === 'boolean' ? isConfident : null,
		fields: parseFields(section, ['images', 0, BIZ_LICENSE_KEY, 'result']),
	};
}
