/**
 * The CLOVA OCR error table (docs: clova-api.md; 0028 from NAVER's CLOVA OCR overview page) and
 * the error body shape. `templateNotMatched` is the emulator's own choice: Template OCR's
 * "NOT_FOUND: not found matched template" is documented without a code or status (seen in the
 * wild as `inferResult: FAILURE` with that message, scenario `template-not-matched`); the
 * `template-not-matched-error` scenario sends it as an error body, under the OCR service
 * error's status and code (500 / 0501).
 */
import { randomBytes } from 'node:crypto';

export const CLOVA_ERRORS = {
	urlInvalid: { status: 400, code: '0001', message: 'URL is invalid.' },
	secretInvalid: { status: 401, code: '0002', message: 'Secret key validate failed.' },
	bodyInvalid: { status: 400, code: '0011', message: 'Request body invalid.' },
	quotaReached: { status: 400, code: '0023', message: 'API request count reach the upper limit.' },
	rateLimited: {
		status: 400,
		code: '0025',
		message: 'Calls to this api have exceeded the rate limit.',
	},
	tableDetectionDisabled: {
		status: 400,
		code: '0028',
		message: 'Table detection disabled: Please activate the table extractor button.',
	},
	unknownServiceError: { status: 500, code: '0500', message: 'Unknown service error.' },
	ocrServiceError: { status: 500, code: '0501', message: 'OCR service error.' },
	templateNotDeployed: {
		status: 500,
		code: '1021',
		message: 'Not found deploy information. Please confirm the template is released.',
	},
	templateNotMatched: {
		status: 500,
		code: '0501',
		message: 'NOT_FOUND: not found matched template',
	},
} as const;

export type ClovaErrorKind = keyof typeof CLOVA_ERRORS;

export interface ClovaErrorBody {
	code: string;
	message: string;
	path: string;
	traceId: string;
	timestamp: number;
}

export function clovaErrorBody(kind: ClovaErrorKind, path: string, now: number): ClovaErrorBody {
	const { code, message } = CLOVA_ERRORS[kind];
	return { code, message, path, traceId: randomBytes(16).toString('hex'), timestamp: now };
}
