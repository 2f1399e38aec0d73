import { ANSWER_LIMITS } from './answerLimits';
import { nestsDeeperThan } from './nestingDepth';
import { ResponseShapeError } from './responseShapeError';
import { fieldValueSchema, type FieldValue } from './schema';

/**
 * One element (`{text, formatted, keyText, confidenceScore, boundingPolys, maskingPolys}`) of a
 * Document OCR result (receipt, credit card, business card, passport…), whose tree differs per
 * model and is partly undocumented.
 *
 * - `field`: the path from the result to the element, or to the array that holds it:
 *   `storeInfo.name`, `storeInfo.tel`, `subResults[0].items[2].price.price`. The values of one
 *   field are read together (a number split across values), as the ID card's are.
 * - `index`: the element's position in that array; 0 for an element not in an array.
 * - `path`: where exactly the element sits: `field` for an element not in an array,
 *   `field[index]` for one in an array (`storeInfo.tel[1]`), so every element has its own path.
 *
 * A key is written as it came when it is a plain name (`[A-Za-z_$][A-Za-z0-9_$]*`), and as a
 * JSON string in brackets otherwise (`storeInfo["tel no."]`), so no key can pass for a path.
 */
export interface FlatElement {
	path: string;
	field: string;
	index: number;
	element: FieldValue;
}

type PathPart = string | number;

interface Pending {
	value: unknown;
	/** From the result: keys of objects, positions in arrays. */
	parts: PathPart[];
	/** Whether `value` is an entry of an array (its last part is then its position). */
	inArray: boolean;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function hasOwn(value: object, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(value, key);
}

function isContainer(value: unknown): value is object {
	return typeof value === 'object' && value !== null;
}

/** An object that claims to be an element: it has its own `text`, whatever that holds. */
function isElementLike(value: unknown): value is Record<string, unknown> {
	return isContainer(value) && !Array.isArray(value) && hasOwn(value, 'text');
}

/** The path of a place in the result, as FlatElement's `field` and `path` write it. */
export function elementPathOf(parts: readonly PathPart[]): string {
	let path = '';
	for (const part of parts) {
		if (typeof part === 'number') path += `[${part}]`;
		else if (PLAIN_KEY.test(part)) path += path === '' ? part : `.${part}`;
		else path += `[${JSON.stringify(part)}]`;
	}
	return path;
}

function parseElement(raw: unknown, errorPath: PathPart[]): FieldValue {
	const parsed = fieldValueSchema.safeParse(raw);
	if (!parsed.success) throw ResponseShapeError.fromIssue(parsed.error.issues[0], errorPath);
	return parsed.data;
}

/**
 * Every element of a Document OCR result, in document order (depth first, keys in the order
 * JSON.parse keeps them: integer-like keys first). Walks any JSON tree without recursion:
 * - an object with its own `text` is an element, parsed with fieldValueSchema; one that does
 *   not fit it (`text` not a string, a broken polygon) fails with a ResponseShapeError naming its
 *   path, and its own keys are not walked;
 * - other objects and arrays are walked, own keys only (`__proto__`, `constructor` are keys like
 *   any other; nothing is ever assigned by a key of the answer);
 * - anything else (numbers, strings, `meta` and other objects without elements) gives nothing.
 *
 * Limits (ANSWER_LIMITS), past which a ResponseShapeError.overLimit is thrown: nesting (counted
 * from the body: `rootPath` is where the result sits, e.g. `['images', '0', 'receipt',
 * 'result']`, so the result itself is level rootPath.length + 1, as nestsDeeperThan counts on
 * the whole body), elements per image (`valuesPerImage`), elements in one array
 * (`valuesPerField`), and polygons and vertices per element (fieldValueSchema). The ID card's
 * `fieldsPerDocument` does not apply: a receipt has a few fields per item line, and its lines
 * are bounded only by the elements per image.
 *
 * `rootPath` only prefixes the paths of errors; `field` and `path` start at the result. Numeric
 * parts of `rootPath` (`'0'`) are written as positions (`images[0]`).
 */
export function flattenElements(
	result: unknown,
	rootPath: ReadonlyArray<string | number> = [],
): FlatElement[] {
	const prefix: PathPart[] = rootPath.map((part) =>
		typeof part === 'string' && /^(?:0|[1-9]\d{0,8})$/.test(part) ? Number(part) : part,
	);
	if (nestsDeeperThan(result, ANSWER_LIMITS.nestingDepth - prefix.length))
		throw ResponseShapeError.overLimit(ANSWER_LIMITS.nestingDepth, 'levels of nesting');

	const found: FlatElement[] = [];
	const stack: Pending[] = [{ value: result, parts: [], inArray: false }];
	while (stack.length > 0) {
		const { value, parts, inArray } = stack.pop()!;
		if (!isContainer(value)) continue;
		if (isElementLike(value)) {
			if (found.length >= ANSWER_LIMITS.valuesPerImage)
				throw ResponseShapeError.overLimit(
					ANSWER_LIMITS.valuesPerImage,
					'values (output items) in one image',
				);
			const element = parseElement(value, [...prefix, ...parts]);
			const path = elementPathOf(parts);
			const index = inArray ? (parts[parts.length - 1] as number) : 0;
			const field = inArray ? elementPathOf(parts.slice(0, -1)) : path;
			found.push({ path, field, index, element });
			continue;
		}
		if (Array.isArray(value)) {
			let elements = 0;
			for (const entry of value) if (isElementLike(entry)) elements++;
			if (elements > ANSWER_LIMITS.valuesPerField)
				throw ResponseShapeError.overLimit(ANSWER_LIMITS.valuesPerField, 'values in one field');
			// Pushed last to first, so they are taken first to last.
			for (let i = value.length - 1; i >= 0; i--)
				if (isContainer(value[i]))
					stack.push({ value: value[i], parts: [...parts, i], inArray: true });
			continue;
		}
		// Own keys and their own values: a `__proto__` key is read as the key it is.
		const entries = Object.entries(value);
		for (let k = entries.length - 1; k >= 0; k--) {
			const [key, child] = entries[k];
			if (isContainer(child)) stack.push({ value: child, parts: [...parts, key], inArray: false });
		}
	}
	return found;
}
