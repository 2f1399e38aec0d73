import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { markAttemptFailure } from '../pacing/attemptFailure';
import type { RequestScheduler } from '../pacing/requestScheduler';
import { classifyNetworkFailure } from './networkFailure';
import { parseRetryAfterMs } from './retryAfter';
import {
	parseIdCardResponse,
	parseServiceError,
	type ParsedIdCardResponse,
} from '../response/parseResponse';
import { ResponseShapeError } from '../response/responseShapeError';
import type { InputImage } from '../input/readInputImage';
import { idCardEndpoint } from './invokeUrl';
import { buildRequestBody, type UploadMode } from './requestBody';
import { serviceErrorAdvice, serviceErrorKind, serviceErrorMessage } from './serviceErrors';

export const CREDENTIAL_TYPE = 'clovaOcrApi';

function bodyText(body: unknown): string {
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return typeof body === 'string' ? body : JSON.stringify(body ?? '');
}

/** Only the error's message and code travel on: request options (with the secret header) must not. */
function errorSummary(error: unknown): JsonObject {
	const { message, code } = error as { message?: unknown; code?: unknown };
	return {
		message: typeof message === 'string' ? message : 'request failed',
		...(typeof code === 'string' ? { code } : {}),
	};
}

interface Attempt {
	ctx: IExecuteFunctions;
	itemIndex: number;
	url: string;
	image: InputImage;
	uploadMode: UploadMode;
	timeoutMs: number;
}

/** One request: a fresh body (requestId, timestamp) each time, released when it ends. */
async function sendOnce({
	ctx,
	itemIndex,
	url,
	image,
	uploadMode,
	timeoutMs,
}: Attempt): Promise<ParsedIdCardResponse> {
	const node = ctx.getNode();
	const request = await buildRequestBody(image, uploadMode);
	const options: IHttpRequestOptions = {
		method: 'POST',
		url,
		headers: {
			'Content-Type': request.contentType,
			...(request.contentLength === undefined ? {} : { 'Content-Length': request.contentLength }),
		},
		body: request.body,
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
	};
	const cancelSignal = ctx.getExecutionCancelSignal?.();
	if (cancelSignal) options.abortSignal = cancelSignal;

	let answer: IN8nHttpFullResponse;
	try {
		answer = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_TYPE,
			options,
		)) as IN8nHttpFullResponse;
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

	const text = bodyText(answer.body);
	const status = answer.statusCode;
	if (status < 200 || status >= 300) {
		const serviceError = parseServiceError(text);
		const code = serviceError?.code;
		const error = new NodeApiError(
			node,
			{ code: code ?? null, message: serviceError?.message ?? null, httpCode: status },
			{
				message: serviceErrorMessage(code, status),
				description: serviceErrorAdvice(code, status).action,
				httpCode: String(status),
				itemIndex,
			},
		);
		throw markAttemptFailure(error, {
			kind: serviceErrorKind(code, status),
			retryAfterMs: parseRetryAfterMs(answer.headers?.['retry-after'], Date.now()),
		});
	}

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
}

/**
 * Sends one image to the ID-card endpoint and returns the checked response.
 * Waits its turn in the execution's scheduler; passing faults are sent again
 * (only the request: the image is already read).
 */
export async function sendImage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	image: InputImage,
	uploadMode: UploadMode,
	sending: Sending,
): Promise<ParsedIdCardResponse> {
	const credentials = await ctx.getCredentials<{ invokeUrl: string; secretKey: string }>(
		CREDENTIAL_TYPE,
		itemIndex,
	);
	const url = idCardEndpoint(credentials.invokeUrl, ctx.getNode());
	const attempt: Attempt = { ctx, itemIndex, url, image, uploadMode, timeoutMs: sending.timeoutMs };
	const domain = { url, secretKey: String(credentials.secretKey ?? '') };
	return await sending.scheduler.send(itemIndex, domain, async () => await sendOnce(attempt));
}
