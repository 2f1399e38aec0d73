import type { ZodIssue } from 'zod';

/**
 * A response that does not fit the documented shape. Its message names the
 * offending path and the expected type, never the content found there.
 */
export class ResponseShapeError extends Error {
	constructor(readonly reason: string) {
		super(`CLOVA OCR sent a response that does not fit the documented shape: ${reason}`);
		this.name = 'ResponseShapeError';
	}

	static fromIssue(issue: ZodIssue, pathPrefix: Array<string | number> = []): ResponseShapeError {
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

export function formatPath(path: Array<string | number>): string {
	return path
		.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
		.join('');
}
