import { ANSWER_LIMITS } from './answerLimits';
import { parseLenientJson } from './lenientJson';
import { nestsDeeperThan } from './nestingDepth';
import { ResponseShapeError } from './responseShapeError';
import {
	idCardResponseSchema,
	serviceErrorSchema,
	type IdCardResponse,
	type ServiceError,
} from './schema';

/** Bodies longer than this (in UTF-16 units) are not parsed; real ones are tens of KB. */
export const MAX_RESPONSE_BODY_LENGTH = 10 * 1024 * 1024;

const NOT_JSON = Symbol('not JSON');
const TOO_LONG = Symbol('too long');

function parseJsonBody(body: string): unknown {
	if (body.length > MAX_RESPONSE_BODY_LENGTH) return TOO_LONG;
	try {
		return parseLenientJson(body);
	} catch {
		return NOT_JSON;
	}
}

export interface ParsedIdCardResponse {
	/** Checked and typed; what the node reads. */
	response: IdCardResponse;
	/** The body as the service sent it (key order and all), for the raw output. */
	json: { images: unknown[] };
}

/** The one place a success body is read; everything downstream works on the typed result. */
export function parseIdCardResponse(body: string): ParsedIdCardResponse {
	const json = parseJsonBody(body);
	if (json === TOO_LONG) throw new ResponseShapeError('the body is longer than 10 MiB');
	if (json === NOT_JSON) throw new ResponseShapeError('the body is not JSON');
	if (nestsDeeperThan(json, ANSWER_LIMITS.nestingDepth))
		throw ResponseShapeError.overLimit(ANSWER_LIMITS.nestingDepth, 'levels of nesting');
	const parsed = idCardResponseSchema.safeParse(json);
	if (!parsed.success) throw ResponseShapeError.fromIssue(parsed.error.issues[0]);
	return { response: parsed.data, json: json as ParsedIdCardResponse['json'] };
}

/** The service's error body (`{"code":"0002","message":...}`), or null when the body is not one. */
export function parseServiceError(body: string): ServiceError | null {
	const parsed = serviceErrorSchema.safeParse(parseJsonBody(body));
	return parsed.success ? parsed.data : null;
}
