import { MASK } from './characters';
import { readText, writeText } from './positions';

/** A CLOVA OCR error code as documented: four digits. Anything else is never echoed. */
export function serviceCode(code: unknown): string | null {
	return typeof code === 'string' && /^\d{4}$/.test(code) ? code : null;
}

/** A service value echoed only when it is one of the documented tokens. */
export function serviceToken<T extends string>(value: unknown, documented: readonly T[]): T | null {
	return typeof value === 'string' && (documented as readonly string[]).includes(value)
		? (value as T)
		: null;
}

/** The documented `inferResult` values. */
export const INFER_RESULTS = ['SUCCESS', 'FAILURE', 'ERROR'] as const;

/** The documented `validationResult.result` values. */
export const VALIDATION_RESULTS = [
	'NO_REQUESTED',
	'UNCHECKED',
	'ERROR',
	'VALID',
	'INVALID',
] as const;

/** The service's free text is cut to this many characters. */
export const SERVICE_TEXT_LENGTH = 100;
/** Runs of this many positions (digits, look-alike letters, `*`) in the service's free text are hidden. */
const SHORTEST_HIDDEN_RUN = 3;

const PRINTABLE_ASCII = /^[\x20-\x7e]$/;

/**
 * The service's free text (`images[0].message`, `validationResult.message`) as the node may
 * echo it: printable ASCII only (anything else, names in Hangul among them, becomes `?`), cut
 * to SERVICE_TEXT_LENGTH characters, and every run of 3 or more positions masked, so no part of
 * a number survives (`Read page:0 error.` passes as it is). null when there is none.
 */
export function serviceFreeText(text: unknown): string | null {
	if (typeof text !== 'string') return null;
	const chars = Array.from(text);
	const cut = chars.length > SERVICE_TEXT_LENGTH;
	const kept = chars
		.slice(0, SERVICE_TEXT_LENGTH)
		.map((char) => (PRINTABLE_ASCII.test(char) ? char : '?'))
		.join('');
	const read = readText([kept]);
	const hidden = new Set<number>();
	let runStart = 0;
	read.gaps.forEach((gap, k) => {
		if (gap === 'break') runStart = k;
		const runEnd = k + 1 === read.gaps.length || read.gaps[k + 1] === 'break';
		if (runEnd && k + 1 - runStart >= SHORTEST_HIDDEN_RUN)
			for (let i = runStart; i <= k; i++) hidden.add(read.positions[i]);
	});
	return writeText(read, hidden, MASK)[0] + (cut ? '…' : '');
}
