import type { FailureKind } from '../pacing/attemptFailure';

/** Timeouts and connections cut mid-request: the same request may well go through next time. */
const TRANSIENT_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'ERR_BAD_RESPONSE',
]);

/** The same faults by message, for wrappings that kept no code (n8n's own wording included). */
const TRANSIENT_MESSAGE =
	/timeout of \d+ms exceeded|timed out|socket hang up|stream has been aborted|connection was aborted|closed unexpectedly/i;

interface ErrorLink {
	code?: unknown;
	/** n8n's NodeApiError keeps the network error's code here. */
	httpCode?: unknown;
	message?: unknown;
	cause?: unknown;
}

/** The error and its causes, outermost first. */
function chain(error: unknown): ErrorLink[] {
	const links: ErrorLink[] = [];
	let current: unknown = error;
	while (typeof current === 'object' && current !== null && links.length < 5) {
		links.push(current as ErrorLink);
		current = (current as ErrorLink).cause;
	}
	return links;
}

function codesOf(link: ErrorLink): string[] {
	return [link.code, link.httpCode].filter((code): code is string => typeof code === 'string');
}

/** The codes of a request's own timeout (axios reports ECONNABORTED unless told otherwise). */
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

export interface NetworkFailure {
	kind: FailureKind;
	timedOut: boolean;
}

/** Whether a request that got no answer is worth sending again; a cancelled execution never is. */
export function classifyNetworkFailure(error: unknown): NetworkFailure {
	const links = chain(error);
	const codes = links.flatMap(codesOf);
	if (codes.includes('ERR_CANCELED')) return { kind: 'permanent', timedOut: false };
	const timedOut = codes.some((code) => TIMEOUT_CODES.has(code));
	const transient =
		codes.some((code) => TRANSIENT_CODES.has(code)) ||
		links.some(({ message }) => typeof message === 'string' && TRANSIENT_MESSAGE.test(message));
	return { kind: transient ? 'transient' : 'permanent', timedOut };
}
