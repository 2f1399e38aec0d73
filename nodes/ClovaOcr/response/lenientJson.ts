// Real responses share the documented examples' quirk of a trailing comma
// before `}` or `]`, which JSON.parse rejects. Strings are matched whole first
// so that commas inside recognized text are never touched.
const TRAILING_COMMA_OUTSIDE_STRINGS = /("(?:[^"\\]|\\.)*")|,(\s*[}\]])/g;

export function stripTrailingCommas(text: string): string {
	return text.replace(
		TRAILING_COMMA_OUTSIDE_STRINGS,
		(_match: string, quoted: string | undefined, closing: string | undefined) =>
			quoted ?? closing ?? '',
	);
}

/** Parses JSON that may carry trailing commas; throws SyntaxError otherwise. */
export function parseLenientJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return JSON.parse(stripTrailingCommas(text));
	}
}
