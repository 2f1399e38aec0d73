import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { isCardNumberField, maskCardNumberField } from './cardNumberRule';
import { maskRegistrationContent, maskRegistrationRuns } from './contentRule';
import { maskRegistrationField } from './fieldRule';
import { outboundFileName } from './outboundBinary';
import {
	isCompanyNumberField,
	isRegistrationNumberField,
	readsFieldsTogether,
} from './registrationFields';

/**
 * How much of the recognized data an item may show: `masked` (the default), `revealed`
 * (Reveal Sensitive Values: numbers in full) or `raw` (the service's answer exactly as
 * returned, the one documented exception). File names are masked whatever the disclosure.
 */
export type Disclosure = 'masked' | 'revealed' | 'raw';

/** The readings of a field item that are views of its value. */
const FIELD_READINGS = ['text', 'value'] as const;

/** Sets an own key, `__proto__` included (a plain assignment would set the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
	if (key !== '__proto__') {
		target[key] = value;
		return;
	}
	Object.defineProperty(target, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	});
}

function isContainer(value: unknown): value is object {
	return typeof value === 'object' && value !== null;
}

function emptyLike(value: object): Record<string, unknown> {
	return (Array.isArray(value) ? new Array(value.length) : {}) as Record<string, unknown>;
}

/**
 * A JSON object with the content rule (`content`) applied to every string and every key, at any
 * depth, keys in their order. Iterative, so no nesting depth overflows the stack. Keys in
 * `exempt` (top level only) are taken as they are. `json` is the exit's own copy: its values are
 * replaced in place unless one of its keys is masked (then it is built anew, keys in order);
 * containers in it are copied.
 */
function maskJson(
	json: IDataObject,
	exempt: ReadonlySet<string>,
	content: (text: string) => string,
): IDataObject {
	const maskedLeaf = (leaf: unknown) => (typeof leaf === 'string' ? content(leaf) : leaf);
	const keysMasked = Object.keys(json).some((key) => !exempt.has(key) && content(key) !== key);
	const root = keysMasked ? emptyLike(json) : (json as Record<string, unknown>);
	const stack: Array<{ source: object; copy: Record<string, unknown>; top: boolean }> = [
		{ source: json, copy: root, top: true },
	];
	while (stack.length > 0) {
		const { source, copy, top } = stack.pop()!;
		for (const childKey of Object.keys(source)) {
			const child = (source as Record<string, unknown>)[childKey];
			if (top && exempt.has(childKey)) {
				setOwn(copy, childKey, child);
				continue;
			}
			const key = Array.isArray(source) ? childKey : content(childKey);
			if (!isContainer(child)) {
				setOwn(copy, key, maskedLeaf(child));
				continue;
			}
			const childCopy = emptyLike(child);
			setOwn(copy, key, childCopy);
			stack.push({ source: child, copy: childCopy, top: false });
		}
	}
	return root as IDataObject;
}

/**
 * The content rule, remembered for one exit: the rows of an item repeat most of their strings
 * (keys, the image's name and call ids, the document type) and the rule is a pure function.
 */
function rememberedContentRule(): (text: string) => string {
	const seen = new Map<string, string>();
	return (text) => {
		let masked = seen.get(text);
		if (masked === undefined) {
			masked = maskRegistrationContent(text);
			seen.set(text, masked);
		}
		return masked;
	};
}

function isFieldItem(json: IDataObject): json is IDataObject & { field: string; index: number } {
	return typeof json.field === 'string' && typeof json.index === 'number';
}

function stringsOf(rows: IDataObject[], key: string): string[] | null {
	const values = rows.map((row) => row[key]);
	return values.every((value) => typeof value === 'string') ? (values as string[]) : null;
}

/** The rule that masks a whole field by position, if any: registration numbers, card numbers. */
function positionRuleOf(
	documentType: unknown,
	field: string,
): ((views: ReadonlyArray<readonly string[]>) => string[][]) | undefined {
	if (isRegistrationNumberField(documentType, field)) return maskRegistrationField;
	if (isCardNumberField(documentType, field)) return maskCardNumberField;
	return undefined;
}

/**
 * Field items of one field, all its values together: the position rule on `text` and `value` of a
 * registration or card number, the content rule across the values of every other reading (a number
 * split across values) and of every field's key texts.
 */
function maskFieldGroup(rows: IDataObject[], field: string, documentType: unknown): void {
	const company = isCompanyNumberField(documentType, field);
	const positionRule = company ? undefined : positionRuleOf(documentType, field);
	if (positionRule) {
		const readings = FIELD_READINGS.map((key) => stringsOf(rows, key) ?? rows.map(() => ''));
		positionRule(readings).forEach((masked, r) =>
			rows.forEach((row, i) => (row[FIELD_READINGS[r]] = masked[i])),
		);
	}
	// A company number's readings and a number its rule masked by position keep what they show;
	// key texts are read together whatever the field.
	for (const key of company || positionRule ? ['keyText'] : [...FIELD_READINGS, 'keyText']) {
		const values = stringsOf(rows, key);
		if (values === null) continue;
		maskRegistrationRuns(values).forEach((masked, i) => (rows[i][key] = masked));
	}
}

/** Document columns that hold a registration or card number get its rule on their one string. */
function maskNumberColumns(json: IDataObject): void {
	for (const [key, value] of Object.entries(json)) {
		const positionRule = typeof value === 'string' && positionRuleOf(json.documentType, key);
		if (positionRule) json[key] = positionRule([[value as string]])[0][0];
	}
}

/** Which image and call an item came from: read on their own, never joined to a field. */
const SOURCE_COLUMNS: ReadonlySet<string> = new Set(['imageName', 'requestId', 'uid']);

/** The content rule on several places read as one text, each written back. */
function maskTogether(places: Array<[IDataObject, string]>): void {
	const masked = maskRegistrationRuns(places.map(([json, key]) => json[key] as string));
	places.forEach(([json, key], i) => (json[key] = masked[i]));
}

/**
 * Items of a free-form document (a form, a page's text and tables): each reading of all field
 * items, in order, is read as one text, and so are the columns of each other item (a table row,
 * a form's document item), so a number split across two boxes or cells is masked as one.
 */
function maskAcrossFields(items: IDataObject[]): void {
	const fieldItems = items.filter(isFieldItem);
	for (const key of FIELD_READINGS) {
		maskTogether(
			fieldItems
				.filter((json) => typeof json[key] === 'string')
				.map((json): [IDataObject, string] => [json, key]),
		);
	}
	for (const json of items) {
		if (isFieldItem(json)) continue;
		maskTogether(
			Object.keys(json)
				.filter((key) => typeof json[key] === 'string' && !SOURCE_COLUMNS.has(key))
				.map((key): [IDataObject, string] => [json, key]),
		);
	}
}

/**
 * Top-level keys the content rule leaves as they are: a company number's (the named exception),
 * and a card number's once its rule showed at most its last four positions (the content rule
 * would read those masks as a registration number's digits and hide the four too).
 */
function exemptColumns(json: IDataObject): Set<string> {
	const exempt = new Set<string>();
	const keeps = (field: string) =>
		isCompanyNumberField(json.documentType, field) || isCardNumberField(json.documentType, field);
	if (isFieldItem(json)) {
		if (keeps(json.field)) FIELD_READINGS.forEach((key) => exempt.add(key));
		return exempt;
	}
	for (const key of Object.keys(json)) if (keeps(key)) exempt.add(key);
	return exempt;
}

/**
 * Binary fields with their file names masked. A file whose name needs no masking is the same
 * object, and one stored file shared by several items stays shared (`masked` remembers copies).
 */
function maskedBinary(
	binary: NonNullable<INodeExecutionData['binary']>,
	masked: Map<IBinaryData, IBinaryData>,
): Record<string, IBinaryData> {
	const copy: Record<string, IBinaryData> = {};
	for (const [key, data] of Object.entries(binary)) {
		let sent = masked.get(data);
		if (sent === undefined) {
			const name = typeof data.fileName === 'string' ? outboundFileName(data.fileName) : undefined;
			sent = name === undefined || name === data.fileName ? data : { ...data, fileName: name };
			masked.set(data, sent);
		}
		setOwn(copy, key, sent);
	}
	return copy;
}

/**
 * The output items of one input item as they leave the node. Unless the disclosure is `raw` or
 * `revealed`: registration-number and card-number fields get their rule by position (field
 * items of one field taken together, document columns one by one), every other field's values
 * the content rule taken together (a free-form document's fields all together), and then every
 * string and key at any depth the content rule on its own. Binary
 * file names are masked always.
 */
export function outboundRows(
	rows: INodeExecutionData[],
	disclosure: Disclosure,
): INodeExecutionData[] {
	if (disclosure === 'raw') return rows;
	const files = new Map<IBinaryData, IBinaryData>();
	const copies = rows.map((row) =>
		row.binary === undefined
			? { ...row, json: { ...row.json } }
			: { ...row, json: { ...row.json }, binary: maskedBinary(row.binary, files) },
	);
	if (disclosure === 'revealed') return copies;
	// A field's values are read together page by page: each page of a multi-page form is a
	// document of its own (a free-form document's fields are also read all together below).
	const groups = new Map<string, Array<IDataObject & { field: string }>>();
	for (const { json } of copies) {
		if (isFieldItem(json)) {
			const key = `${json.field}\u0000${String(json.pageIndex ?? '')}`;
			const group = groups.get(key) ?? [];
			group.push(json);
			groups.set(key, group);
		} else maskNumberColumns(json);
	}
	for (const group of groups.values()) maskFieldGroup(group, group[0].field, group[0].documentType);
	maskAcrossFields(
		copies.map(({ json }) => json).filter((json) => readsFieldsTogether(json.documentType)),
	);
	const content = rememberedContentRule();
	for (const row of copies) row.json = maskJson(row.json, exemptColumns(row.json), content);
	return copies;
}
