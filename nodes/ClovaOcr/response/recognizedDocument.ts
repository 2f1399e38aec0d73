import {
	documentedIdType,
	documentTypeOfIdType,
	documentTypeOfResultKey,
	type DocumentType,
} from '../model/documentTypes';
import { ANSWER_LIMITS } from './answerLimits';
import { ResponseShapeError } from './responseShapeError';
import {
	fieldValuesSchema,
	RESULT_META_KEYS,
	type FieldValue,
	type IdCardResult,
	type ImageResult,
} from './schema';

export interface RecognizedField {
	field: string;
	values: FieldValue[];
}

export interface RecognizedDocument {
	documentType: DocumentType;
	/**
	 * `idtype` (the field tables spell it `idType`) when it names a known document type, in the
	 * documented spelling; null otherwise: other service text is never echoed.
	 */
	idType: string | null;
	isConfident: boolean | null;
	fields: RecognizedField[];
}

const META_KEYS: ReadonlySet<string> = new Set(RESULT_META_KEYS);

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `ic` / `dl` / `pp` / `ac` (or any future) object that holds the fields. */
function documentSection(result: IdCardResult): [string, Record<string, unknown>] | null {
	const sections = Object.entries(result).filter(
		(entry): entry is [string, Record<string, unknown>] =>
			!META_KEYS.has(entry[0]) && isPlainObject(entry[1]),
	);
	const byIdType = documentTypeOfIdType(result.idtype ?? result.idType);
	return (
		sections.find(([key]) => documentTypeOfResultKey(key) === byIdType && byIdType !== 'unknown') ??
		sections[0] ??
		null
	);
}

/**
 * The fields of a document section: every key an array of values (`path` names the section in
 * errors). Bounded by the answer limits.
 */
export function parseFields(
	section: Record<string, unknown>,
	path: ReadonlyArray<string | number>,
): RecognizedField[] {
	const entries = Object.entries(section);
	if (entries.length > ANSWER_LIMITS.fieldsPerDocument)
		throw ResponseShapeError.overLimit(ANSWER_LIMITS.fieldsPerDocument, 'fields in one document');
	const fields: RecognizedField[] = [];
	let values = 0;
	for (const [field, raw] of entries) {
		// Every key of a document section is a field, an array of values; anything else there
		// fails like any other broken shape rather than losing the field silently.
		const parsed = fieldValuesSchema.safeParse(raw);
		if (!parsed.success) {
			throw ResponseShapeError.fromIssue(parsed.error.issues[0], [...path, field]);
		}
		values += parsed.data.length;
		if (values > ANSWER_LIMITS.valuesPerImage)
			throw ResponseShapeError.overLimit(
				ANSWER_LIMITS.valuesPerImage,
				'values (output items) in one image',
			);
		fields.push({ field, values: parsed.data });
	}
	return fields;
}

/** Reads a SUCCESS image result into the document it describes. */
export function recognizedDocumentOf(image: ImageResult): RecognizedDocument {
	const result = image.idCard?.result;
	if (!result) throw new ResponseShapeError('images[0].idCard.result is missing');
	const idType = result.idtype ?? result.idType ?? null;
	const section = documentSection(result);
	const documentType = section
		? documentTypeOfResultKey(section[0])
		: documentTypeOfIdType(idType ?? undefined);
	return {
		documentType:
			documentType === 'unknown' ? documentTypeOfIdType(idType ?? undefined) : documentType,
		idType: documentedIdType(idType),
		isConfident: result.isConfident ?? null,
		fields: section ? parseFields(section[1], ['images', 0, 'idCard', 'result', section[0]]) : [],
	};
}
