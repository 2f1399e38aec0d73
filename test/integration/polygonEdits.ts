/**
 * Emulator documentEdits that take a field's polygons away or move them, for the redacted copy
 * of a number CLOVA gave no masking polygon for (issue 17).
 */
import { documentTemplate } from '../../tools/clova-emulator/fixture-documents';
import type { DocumentScenarioName } from '../../tools/clova-emulator';

type PolygonKey = 'maskingPolys' | 'boundingPolys';

/** The `"key": [ … ]` text of a field's first value, as the scenario serves it. */
function polygonsText(scenario: DocumentScenarioName, field: string, key: PolygonKey): string {
	const text = documentTemplate(scenario);
	const fieldAt = text.indexOf(`"${field}": [`);
	const start = text.indexOf(`"${key}": [`, fieldAt);
	if (fieldAt < 0 || start < 0) throw new Error(`${scenario} has no ${field} ${key}`);
	let depth = 0;
	for (let i = text.indexOf('[', start); i < text.length; i++) {
		if (text[i] === '[') depth++;
		if (text[i] === ']' && --depth === 0) return text.slice(start, i + 1);
	}
	throw new Error(`${scenario}: ${field} ${key} is not closed`);
}

/** Serves the field's polygons of `key` as `polygons` (none by default). */
export function polygonsEdit(
	scenario: DocumentScenarioName,
	field: string,
	key: PolygonKey,
	polygons: Array<{ vertices: Array<{ x: number; y: number }> }> = [],
): [string, string] {
	return [polygonsText(scenario, field, key), `"${key}": ${JSON.stringify(polygons)}`];
}

/** A polygon far outside the 856×540 sample cards. */
export const OUTSIDE_THE_CARD = {
	vertices: [
		{ x: 2000, y: 2000 },
		{ x: 2100, y: 2000 },
		{ x: 2100, y: 2030 },
		{ x: 2000, y: 2030 },
	],
};
