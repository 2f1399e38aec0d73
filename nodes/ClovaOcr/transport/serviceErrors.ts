import { serviceCode } from '../boundary/serviceText';
import type { FailureKind } from '../pacing/attemptFailure';

export interface ServiceErrorAdvice {
	title: string;
	action: string;
	/** Whether sending the same request again later may succeed. */
	retryable: boolean;
	/** Whether the Invoke URL may belong to another domain: the message then names the product. */
	aboutInvokeUrl?: boolean;
}

const CHECK_INVOKE_URL =
	'Check the Invoke URL in the CLOVA OCR API credential: copy it from the NAVER Cloud console (CLOVA OCR > your domain > API Gateway integration).';
const CHECK_SECRET_KEY =
	'Check the Secret Key in the CLOVA OCR API credential: it must be the Secret Key generated for the same domain as the Invoke URL (NAVER Cloud console > CLOVA OCR > Document OCR > your domain > Secret Key).';
const TRY_LATER = 'This is a fault on the CLOVA OCR side. Try again in a few minutes.';

/** What each documented error code means for the user, by code. Read it with adviceOfCode: codes are service data. */
const ADVICE_BY_CODE: Record<string, ServiceErrorAdvice> = {
	'0001': {
		title: 'The Invoke URL is invalid',
		action: CHECK_INVOKE_URL,
		retryable: false,
		aboutInvokeUrl: true,
	},
	'0002': { title: 'The Secret Key was rejected', action: CHECK_SECRET_KEY, retryable: false },
	'0011': {
		title: 'CLOVA OCR refused the request as invalid',
		action:
			'The file may be damaged, have more than one page, or be larger than the service accepts. Check the input file.',
		retryable: false,
	},
	'0021': {
		title: 'CLOVA OCR does not support this protocol version',
		action: 'Update the n8n-nodes-clova-ocr package.',
		retryable: false,
	},
	'0022': {
		title: "The Invoke URL's domain is invalid",
		action: CHECK_INVOKE_URL,
		retryable: false,
		aboutInvokeUrl: true,
	},
	'0023': {
		title: "The domain's API request quota is used up",
		action: "Raise the domain's quota in the NAVER Cloud console, or wait until it resets.",
		retryable: false,
	},
	'0025': {
		title: 'CLOVA OCR rate limit reached',
		action:
			'Too many calls reached this domain at the same time. Lower the number of parallel calls, or try again shortly.',
		retryable: true,
	},
	'1021': {
		title: 'CLOVA OCR found no deployed model for this Invoke URL',
		action: 'The Invoke URL may belong to a Template OCR domain.',
		retryable: false,
		aboutInvokeUrl: true,
	},
	'1022': {
		title: 'The CLOVA OCR service is blocked for this domain',
		action: "Check the domain's status in the NAVER Cloud console.",
		retryable: false,
	},
};

/** Own keys only: a code such as `constructor` or `toString` is no documented code. */
function adviceOfCode(code: string): ServiceErrorAdvice | undefined {
	return Object.prototype.hasOwnProperty.call(ADVICE_BY_CODE, code)
		? ADVICE_BY_CODE[code]
		: undefined;
}

const SERVICE_FAULT: ServiceErrorAdvice = {
	title: 'CLOVA OCR service error',
	action: TRY_LATER,
	retryable: true,
};

/** For answers without a documented code: the HTTP status is all there is. */
function adviceByStatus(status: number): ServiceErrorAdvice {
	if (status === 401 || status === 403) {
		return {
			title: 'CLOVA OCR refused the credentials',
			action: CHECK_SECRET_KEY,
			retryable: false,
		};
	}
	if (status === 404) {
		return {
			title: 'The Invoke URL was not found',
			action: CHECK_INVOKE_URL,
			retryable: false,
			aboutInvokeUrl: true,
		};
	}
	if (status === 429) return ADVICE_BY_CODE['0025'];
	if (status >= 500) return SERVICE_FAULT;
	return {
		title: 'CLOVA OCR refused the request',
		action: 'Check the credential and the input file.',
		retryable: false,
	};
}

export function serviceErrorAdvice(code: string | undefined, status: number): ServiceErrorAdvice {
	if (code !== undefined) {
		const known = adviceOfCode(code);
		if (known) return known;
		if (code.startsWith('05')) return SERVICE_FAULT;
	}
	return adviceByStatus(status);
}

/**
 * The message a user reads: what happened, with the code to quote to NAVER support. Only a
 * documented-looking code (four digits) is echoed: the body is service data.
 */
export function serviceErrorMessage(code: string | undefined, status: number): string {
	const { title } = serviceErrorAdvice(code, status);
	const shown = serviceCode(code);
	if (shown !== null) return `${title} (CLOVA OCR error ${shown}, HTTP ${status})`;
	return code !== undefined
		? `${title} (an undocumented CLOVA OCR error code, HTTP ${status})`
		: `${title} (HTTP ${status})`;
}

/** For retries: the concurrency cap (0025, 429) asks for fewer requests at once; other retryable codes are passing faults. */
export function serviceErrorKind(code: string | undefined, status: number): FailureKind {
	if (code === '0025' || status === 429) return 'congestion';
	return serviceErrorAdvice(code, status).retryable ? 'transient' : 'permanent';
}
