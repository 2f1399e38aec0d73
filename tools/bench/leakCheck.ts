/**
 * Looks for the secret key and recognized values where they must not be: anywhere but
 * the requests to the service and the output fields meant to carry them (`text` and
 * `value` of field items). Findings name the place and the kind, never the value.
 */
import { documentTemplate } from '../clova-emulator/fixture-documents';
import type { DocumentScenarioName } from '../clova-emulator/scenarios';

/** The fields of a field item that carry what the service read. */
export const VALUE_FIELDS = ['text', 'value'] as const;

export interface Finding {
	readonly where: string;
	readonly kind: 'secret key' | 'recognized value';
	/** Which of the values (by position in the list checked), so a report can say which without printing it. */
	readonly valueIndex: number;
}

export interface Text {
	readonly where: string;
	readonly text: string;
}

const VALUE_PATTERN = /"(?:text|value)"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

/**
 * The values the emulator serves for these scenarios: every `text` and `formatted.value`
 * of the documented fixtures. Values of fewer than 3 characters are too common to search for.
 */
export function recognizedValuesOf(scenarios: readonly DocumentScenarioName[]): string[] {
	const values = new Set<string>();
	for (const scenario of scenarios) {
		for (const match of documentTemplate(scenario).matchAll(VALUE_PATTERN)) {
			const value = (JSON.parse(`"${match[1]}"`) as string).trim();
			if (value.length >= 3) values.add(value);
		}
	}
	return [...values];
}

/** A copy of `value` without the fields that are meant to carry recognized values. */
export function withoutValueFields(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutValueFields);
	if (typeof value !== 'object' || value === null) return value;
	const copy: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(value)) {
		if ((VALUE_FIELDS as readonly string[]).includes(key) && typeof field === 'string') continue;
		copy[key] = withoutValueFields(field);
	}
	return copy;
}

/** A value as it may be written: as is, escaped in JSON, or with non-ASCII characters as \\u escapes. */
function writtenForms(value: string): string[] {
	const escaped = JSON.stringify(value).slice(1, -1);
	const unicodeEscaped = escaped.replace(
		/[^\x00-\x7f]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
	return [...new Set([value, escaped, unicodeEscaped])];
}

export function findLeaks(
	texts: readonly Text[],
	secretKeys: readonly string[],
	values: readonly string[],
): Finding[] {
	const findings: Finding[] = [];
	for (const { where, text } of texts) {
		secretKeys.forEach((secret, valueIndex) => {
			if (text.includes(secret)) findings.push({ where, kind: 'secret key', valueIndex });
		});
		values.forEach((value, valueIndex) => {
			if (writtenForms(value).some((form) => text.toLowerCase().includes(form.toLowerCase()))) {
				findings.push({ where, kind: 'recognized value', valueIndex });
			}
		});
	}
	return findings;
}

/** The recognized values an output carries where they belong: its items' `text` and `value`. */
export function carriedValues(items: ReadonlyArray<{ json: Record<string, unknown> }>): string[] {
	return items
		.flatMap((item) => VALUE_FIELDS.map((field) => item.json[field]))
		.filter((value): value is string => typeof value === 'string');
}

/**
 * Keys of registration-number fields (a copy of the node's list: tools do not import the node).
 * Their `text` and `value` in default output carry at most the first 7 digits.
 */
export const REGISTRATION_NUMBER_FIELDS = ['personalNum', 'alienRegNum', 'alienRegNumEtc'] as const;

/** Digits shown: any numeric character (ASCII, full-width, other scripts). */
export const MAX_SHOWN_DIGITS = 7;

const NUMERIC = /\p{N}/gu;

function isRegistrationNumberField(key: unknown): boolean {
	return (REGISTRATION_NUMBER_FIELDS as readonly unknown[]).includes(key);
}

/** The registration-number cells of output items: `text`/`value` of field items, columns of document items (joined: values joined by line breaks). */
export function registrationNumberCells(
	items: ReadonlyArray<{ json: Record<string, unknown> }>,
): Array<{ where: string; text: string; joined: boolean }> {
	return items.flatMap(({ json }, index) => {
		const joined = !isRegistrationNumberField(json.field);
		const keys = joined ? Object.keys(json).filter(isRegistrationNumberField) : VALUE_FIELDS;
		return keys
			.filter((key) => typeof json[key] === 'string')
			.map((key) => ({
				where: `item ${index} ${String(json.field ?? key)}.${key}`,
				text: json[key] as string,
				joined,
			}));
	});
}

/**
 * Registration-number cells that show more than 7 digits; names the place, never the value.
 * A document column joins several values by line breaks, so each of its lines is counted
 * (a number broken over two lines is left to the search for full numbers, findLeaks).
 */
export function overlongRegistrationNumbers(
	items: ReadonlyArray<{ json: Record<string, unknown> }>,
): string[] {
	return registrationNumberCells(items)
		.filter(({ text, joined }) =>
			(joined ? text.split('\n') : [text]).some(
				(part) => (part.match(NUMERIC) ?? []).length > MAX_SHOWN_DIGITS,
			),
		)
		.map(({ where }) => where);
}
