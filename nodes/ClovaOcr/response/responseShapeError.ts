import type { ZodIssue } from 'zod';

import { serviceFreeText } from '../boundary/serviceText';

/**
 * A response that does not fit the documented shape, or is larger than the node takes. Its
 * message names the offending path and the expected type, or the limit passed, never the
 * content found there.
 */
export class ResponseShapeError extends Error {
	constructor(
		readonly reason: string,
		message = `CLOVA OCR sent a response that does not fit the documented shape: ${reason}`,
	) {
		super(message);
		this.name = 'ResponseShapeError';
	}

	/** Past one of the node's limits (response/answerLimits.ts): `what` says what was counted. */
	static overLimit(limit: number, what: string): ResponseShapeError {
		return new ResponseShapeError(
			`more than ${limit} ${what}`,
			`CLOVA OCR's answer has more than ${limit} ${what} (the node's limit)`,
		);
	}

	static fromIssue(issue: ZodIssue, pathPrefix: Array<string | number> = []): ResponseShapeError {
		// Only the node's limits (boundedArray) set a maximum; their message says what was counted.
		if (issue.code === 'too_big')
			return ResponseShapeError.overLimit(Number(issue.maximum), issue.message);
		const path = formatPath([...pathPrefix, ...issue.path]);
		const expected =
			issue.code === 'invalid_type'
				? `expected ${issue.expected}, got ${issue.received}`
				: issue.code === 'too_small'
					? 'expected at least one entry'
					: issue.code;
		return new ResponseShapeError(`${path || 'the body'}: ${expected}`);
	}
}

/** A key of the service's answer as a path shows it: a plain name, or scrubbed service text. */
function keyOf(part: string): string {
	return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(part) ? (serviceFreeText(part) ?? '') : '(a key)';
}

/** The path to a place in the answer; keys are service data, so odd ones are not echoed. */
export function formatPath(path: Array<string | number>): string {
	return path
		.map((part, i) =>
			typeof part === 'number' ? `[${part}]` : i === 0 ? keyOf(part) : `.${keyOf(part)}`,
		)
		.join('');
}
