/** The keys a table row item has besides its columns (tableRowItems.ts). */
export const TABLE_ROW_KEYS = [
	'documentType',
	'pageIndex',
	'tableIndex',
	'rowIndex',
	'confidence',
	'pageWidth',
	'pageHeight',
	'imageName',
	'requestId',
	'uid',
] as const;

/**
 * Header texts that may not name a column as they are: the row's own keys; keys that make the
 * boundary or a later step read the row differently (`field` and `index` mark a field item,
 * `text` and `value` are its readings, the redacted copy adds `redaction`, `warnings` and
 * `needsReview`, n8n reads `error`); and the names of Object.prototype's members
 * (`__proto__`, `constructor`, `hasOwnProperty`…), which code that reads the item may call.
 */
const RESERVED: ReadonlySet<string> = new Set([
	...TABLE_ROW_KEYS,
	'field',
	'index',
	'text',
	'value',
	'redaction',
	'warnings',
	'needsReview',
	'error',
	...Object.getOwnPropertyNames(Object.prototype),
]);

/** A header cell's text as a key: its whitespace (line breaks too) collapsed to single spaces. */
function headerKey(text: string): string {
	return text.replace(/\s+/gu, ' ').trim();
}

/**
 * The keys of a table's columns: `column1`, `column2`… by position, or with `headers` (the
 * texts of the first row) those texts. A reserved header gets the prefix `column_`
 * (`confidence` → `column_confidence`); an empty header, or one a column before it already
 * took, falls back to `column<N>`, with `_2`, `_3`… after it when that is taken too.
 */
export function columnNamesOf(count: number, headers: readonly string[] | null): string[] {
	const names: string[] = [];
	const taken = new Set<string>();
	for (let column = 0; column < count; column++) {
		const fallback = `column${column + 1}`;
		const header = headers ? headerKey(headers[column] ?? '') : '';
		let name = header === '' ? fallback : RESERVED.has(header) ? `column_${header}` : header;
		if (taken.has(name)) name = fallback;
		for (let suffix = 2; taken.has(name); suffix++) name = `${fallback}_${suffix}`;
		taken.add(name);
		names.push(name);
	}
	return names;
}
