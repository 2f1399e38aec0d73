import { parseLenientJson } from './lenientJson';
import { ResponseShapeError } from './responseShapeError';
import {
	idCardResponseSchema,
	serviceErrorSchema,
	type IdCardResponse,
	type ServiceError,
} from './schema';

const NOT_JSON = Symbol('not JSON');

/** The parsed body, or NOT_JSON; a body too long to parse throws ResponseShapeError. */
function parseJsonBody(body: string): unknown {
	try {
		return parseLenientJson(body);
	} catch (error) {
		if (error instanceof ResponseShapeError) throw error;
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
	if (json === NOT_JSON) throw new ResponseShapeError('the body is not JSON');
	const parsed = idCardResponseSchema.safeParse(json);
	if (!parsed.success) throw ResponseShapeError.fromIssue(parsed.error.issues[0]);
	return { response: parsed.data, json: json as ParsedIdCardResponse['json'] };
}

/** The service's error body (`{"code":"0002","message":...}`), or null when the body is not one. */
export function parseServiceError(body: string): ServiceError | null {
	let json: unknown;
	try {
		json = parseJsonBody(body);
	} catch {
		return null;
	}
	const parsed = serviceErrorSchema.safeParse(json);
	return parsed.success ? parsed.data : null;
}
