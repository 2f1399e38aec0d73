import { serviceCode } from '../boundary/serviceText';
import type { ProductId } from '../model/products';
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

const CHECK_TEMPLATE_IDS =
	'Check Template IDs: the template must be deployed in the domain of the Invoke URL (NAVER Cloud console > CLOVA OCR > Domain > your domain > Template Builder), and each ID listed must be one of its deployed templates. Leave Template IDs empty to match the image against every deployed template.';

/** A product's own meaning of a code, where it differs from the table above. */
const ADVICE_BY_PRODUCT_CODE: Partial<Record<ProductId, Record<string, ServiceErrorAdvice>>> = {
	general: {
		'0028': {
			title: "Table detection is off for this domain: turn on the domain's table extraction",
			action:
				"Turn on table extraction in the domain's settings (NAVER Cloud console > CLOVA OCR > General OCR > your domain), or turn off Options > Detect Tables.",
			retryable: false,
		},
	},
	template: {
		'1021': {
			title: 'CLOVA OCR found no deployed template: check Template IDs',
			action: CHECK_TEMPLATE_IDS,
			retryable: false,
		},
	},
};

/** Template OCR's answer when no deployed template fits the image (an error body's or an image's message). */
export const NO_MATCHED_TEMPLATE_MESSAGE = 'NOT_FOUND: not found matched template';

export const NO_MATCHED_TEMPLATE: ServiceErrorAdvice = {
	title: 'No deployed template matched the image: check Template IDs or deploy the template',
	action:
		'CLOVA OCR compared the image with the templates deployed in the domain (or those in Template IDs) and none fits. Check that the right file reached this node, that Template IDs lists the template made for this form (or is empty), and that the template is deployed (NAVER Cloud console > CLOVA OCR > Domain > your domain > Template Builder).',
	retryable: false,
};

/**
 * Whether the service said no deployed template matched: as one message, or split into an
 * error body's `code` and `message`. Compared, never echoed.
 */
export function isNoMatchedTemplate(message: unknown, code?: unknown): boolean {
	if (typeof message !== 'string') return false;
	const said = typeof code === 'string' ? [message, `${code}: ${message}`] : [message];
	return said.some((text) => text.trim() === NO_MATCHED_TEMPLATE_MESSAGE);
}

/** What the answer was to: the product called, and the message of its error body. */
export interface ServiceAnswerContext {
	product?: ProductId;
	message?: unknown;
}

/** Own keys only: a code such as `constructor` or `toString` is no documented code. */
function ownAdvice(
	table: Record<string, ServiceErrorAdvice> | undefined,
	code: string,
): ServiceErrorAdvice | undefined {
	return table !== undefined && Object.prototype.hasOwnProperty.call(table, code)
		? table[code]
		: undefined;
}

function adviceOfCode(
	code: string,
	product: ProductId | undefined,
): ServiceErrorAdvice | undefined {
	const ofProduct = product === undefined ? undefined : ADVICE_BY_PRODUCT_CODE[product];
	return ownAdvice(ofProduct, code) ?? ownAdvice(ADVICE_BY_CODE, code);
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

export function serviceErrorAdvice(
	code: string | undefined,
	status: number,
	{ product, message }: ServiceAnswerContext = {},
): ServiceErrorAdvice {
	if (product === 'template' && isNoMatchedTemplate(message, code)) return NO_MATCHED_TEMPLATE;
	if (code !== undefined) {
		const known = adviceOfCode(code, product);
		if (known) return known;
		if (code.startsWith('05')) return SERVICE_FAULT;
	}
	return adviceByStatus(status);
}

/**
 * The message a user reads: what happened, with the code to quote to NAVER support. Only a
 * documented-looking code (four digits) is echoed: the body is service data.
 */
export function serviceErrorMessage(
	code: string | undefined,
	status: number,
	context: ServiceAnswerContext = {},
): string {
	const { title } = serviceErrorAdvice(code, status, context);
	const shown = serviceCode(code);
	if (shown !== null) return `${title} (CLOVA OCR error ${shown}, HTTP ${status})`;
	return code !== undefined
		? `${title} (an undocumented CLOVA OCR error code, HTTP ${status})`
		: `${title} (HTTP ${status})`;
}

/** For retries: the concurrency cap (0025, 429) asks for fewer requests at once; other retryable codes are passing faults. */
export function serviceErrorKind(
	code: string | undefined,
	status: number,
	context: ServiceAnswerContext = {},
): FailureKind {
	if (code === '0025' || status === 429) return 'congestion';
	return serviceErrorAdvice(code, status, context).retryable ? 'transient' : 'permanent';
}
