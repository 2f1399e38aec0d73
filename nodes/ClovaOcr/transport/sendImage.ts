import type {
	ICredentialsDecrypted,
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { markAttemptFailure } from '../pacing/attemptFailure';
import type { RequestScheduler } from '../pacing/requestScheduler';
import type { StoreLane } from '../pacing/storeLane';
import { classifyNetworkFailure } from './networkFailure';
import { parseRetryAfterMs } from './retryAfter';
import { parseIdCardResponse, type ParsedIdCardResponse } from '../response/parseResponse';
import { ResponseShapeError } from '../response/responseShapeError';
import { isBodyStream, readBoundedBody } from '../input/boundedBody';
import type { InputImage } from '../input/readInputImage';
import { productEndpoint } from './invokeUrl';
import type { ProductId } from '../model/products';
import { CREDENTIAL_TYPE, loadItemCredential } from './itemCredential';
import { buildRequestBody, type MessageOptions, type UploadMode } from './requestBody';
import { serviceAnswerError } from './serviceAnswerError';

/** The most of CLOVA's answer the node reads: a result is a few kilobytes, an error body smaller. */
export const MAX_ANSWER_BYTES = 10 * 1024 * 1024;

function bodyText(body: unknown): string {
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return typeof body === 'string' ? body : JSON.stringify(body ?? '');
}

/**
 * The answer's body, read up to MAX_ANSWER_BYTES before `deadline` (the
 * request's timeout, which axios applies only until the headers); null when it is larger.
 */
async function answerText(body: unknown, deadline: AbortSignal): Promise<string | null> {
	if (!isBodyStream(body)) return bodyText(body);
	try {
		const read = await readBoundedBody(body, MAX_ANSWER_BYTES, deadline);
		return read.ok ? read.bytes.toString('utf8') : null;
	} catch (error) {
		// Coded as axios codes a cut-off buffered body; a passed deadline is axios's timeout code on
		// the cause, where the retry policy reads it (on the error itself n8n would reword the message).
		const cause = deadline.aborted
			? Object.assign(new Error('timeout'), { code: 'ECONNABORTED' })
			: error;
		throw Object.assign(new Error('the answer was cut off', { cause }), {
			code: 'ERR_BAD_RESPONSE',
		});
	}
}

/** Only the error's message and code travel on: request options (with the secret header) must not. */
function errorSummary(error: unknown): JsonObject {
	const { message, code } = error as { message?: unknown; code?: unknown };
	return {
		message: typeof message === 'string' ? message : 'request failed',
		...(typeof code === 'string' ? { code } : {}),
	};
}

/** What every request of one item shares, prepared (the credential loaded) before the first. */
interface Attempt {
	ctx: IExecuteFunctions;
	itemIndex: number;
	product: ProductId;
	image: InputImage;
	uploadMode: UploadMode;
	/** The product's options in the request message (languages, tables, templates). */
	message: MessageOptions;
	timeoutMs: number;
	/** The request options but the body and its headers. */
	request: IHttpRequestOptions;
	/** The item's credential, handed to n8n's helper so that no request loads it again. */
	credential: ICredentialsDecrypted;
}

/** The options every request of an item shares: all but the body and its headers. */
function requestOptions(ctx: IExecuteFunctions, url: string, timeoutMs: number) {
	const options: IHttpRequestOptions = {
		method: 'POST',
		url,
		encoding: 'stream',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// The secret key goes to the Invoke URL's origin only: a 3xx is an error, never followed.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
		timeout: timeoutMs,
	};
	const cancelSignal = ctx.getExecutionCancelSignal?.();
	if (cancelSignal) options.abortSignal = cancelSignal;
	return options;
}

/**
 * One request: a fresh body (requestId, timestamp) each time, released when it ends. Once a
 * successful answer is read, `answered` frees the request's CLOVA slot before the answer is parsed.
 */
async function sendOnce(
	{ ctx, itemIndex, product, image, uploadMode, message, timeoutMs, request, credential }: Attempt,
	answered: () => void,
): Promise<ParsedIdCardResponse> {
	const node = ctx.getNode();
	const body = await buildRequestBody(image, uploadMode, message);
	const options: IHttpRequestOptions = {
		...request,
		headers: {
			'Content-Type': body.contentType,
			...(body.contentLength === undefined ? {} : { 'Content-Length': body.contentLength }),
		},
		body: body.body,
	};

	const deadline = AbortSignal.timeout(timeoutMs);
	let answer: IN8nHttpFullResponse;
	let text: string | null;
	try {
		// The credential's `authenticate` sets the secret header, from the credential given here.
		answer = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options, {
			credentialsDecrypted: credential,
		})) as IN8nHttpFullResponse;
		text = await answerText(answer.body, deadline);
	} catch (error) {
		const failure = errorSummary(error);
		const { kind, timedOut } = classifyNetworkFailure(error);
		const reason = timedOut ? `no answer within ${timeoutMs} ms` : String(failure.message);
		throw markAttemptFailure(
			new NodeApiError(node, failure, {
				message: `The request to CLOVA OCR failed: ${reason}`,
				description: timedOut
					? 'CLOVA OCR took longer than Options > Timeout allows. Raise the timeout for large files, or try again later.'
					: 'Check that n8n can reach the Invoke URL, then try again.',
				itemIndex,
			}),
			{ kind },
		);
	}

	const status = answer.statusCode;
	if (status >= 300 && status < 400) {
		throw markAttemptFailure(
			new NodeApiError(
				node,
				{ httpCode: status },
				{
					message: `The Invoke URL answered with a redirect (HTTP ${status}), which the node does not follow`,
					description:
						'Check the Invoke URL in the CLOVA OCR API credential: copy it again from the NAVER Cloud console (API Gateway integration). Redirects are not followed, so the Secret Key and the image never go to another address.',
					httpCode: String(status),
					itemIndex,
				},
			),
			{ kind: 'permanent' },
		);
	}
	if (text === null) {
		throw markAttemptFailure(
			new NodeApiError(
				node,
				{ httpCode: status },
				{
					message: `CLOVA OCR's answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB`,
					description:
						'The node stopped reading it. Check that the Invoke URL points at CLOVA OCR.',
					httpCode: String(status),
					itemIndex,
				},
			),
			{ kind: 'permanent' },
		);
	}
	if (status < 200 || status >= 300) {
		const { error, kind } = serviceAnswerError(node, status, text, itemIndex, product);
		throw markAttemptFailure(error, {
			kind,
			retryAfterMs: parseRetryAfterMs(answer.headers?.['retry-after'], Date.now()),
		});
	}

	answered();
	try {
		return parseIdCardResponse(text);
	} catch (error) {
		if (!(error instanceof ResponseShapeError))
			throw new NodeApiError(node, errorSummary(error), { itemIndex });
		throw new NodeApiError(node, { reason: error.reason }, { message: error.message, itemIndex });
	}
}

/** How an execution sends its images: shared by all its items. */
export interface Sending {
	readonly scheduler: RequestScheduler;
	/** Options > Timeout, per request. */
	readonly timeoutMs: number;
	/** Where the items read their file and credential from n8n's store. */
	readonly storeLane: StoreLane;
}

/**
 * Sends one image to the endpoint of `product` and returns the checked response.
 * The credential is loaded once (in the store lane), before the request waits its turn in the execution's
 * scheduler; passing faults are sent again (only the request: the image is already read,
 * the credential already loaded).
 */
export async function sendImage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	image: InputImage,
	uploadMode: UploadMode,
	product: ProductId,
	sending: Sending,
	message: MessageOptions = {},
): Promise<ParsedIdCardResponse> {
	const credential = await sending.storeLane.run(
		itemIndex,
		async () => await loadItemCredential(ctx, itemIndex),
	);
	const url = productEndpoint(credential.invokeUrl, product, ctx.getNode());
	const attempt: Attempt = {
		ctx,
		itemIndex,
		product,
		image,
		uploadMode,
		message,
		timeoutMs: sending.timeoutMs,
		request: requestOptions(ctx, url, sending.timeoutMs),
		credential: credential.decrypted,
	};
	const domain = { url, secretKey: credential.secretKey };
	return await sending.scheduler.send(
		itemIndex,
		domain,
		async (answered) => await sendOnce(attempt, answered),
	);
}
