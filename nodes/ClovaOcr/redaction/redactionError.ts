/**
 * The one error class of the redaction library. `unsupported` marks a format or variant the
 * library does not handle, `damaged` a file it cannot read, `tooLarge` a file over a limit of
 * limits.ts (pixels, memory, JPEG scans or decode work).
 * `redactImage` turns those three into `{ status: 'unsupported', reason }`; it throws only
 * `invalidArgument` (bad regions) and `internal` (a bug: any other error is wrapped as that).
 */
export type RedactionErrorKind =
	| 'unsupported'
	| 'damaged'
	| 'tooLarge'
	| 'invalidArgument'
	| 'internal';

export class RedactionError extends Error {
	readonly kind: RedactionErrorKind;

	constructor(kind: RedactionErrorKind, message: string) {
		super(message);
		this.name = 'RedactionError';
		this.kind = kind;
	}
}

export function damaged(format: string, what: string): RedactionError {
	return new RedactionError('damaged', `damaged ${format}: ${what}`);
}

export function unsupported(message: string): RedactionError {
	return new RedactionError('unsupported', message);
}
