import type { IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { parseIdCardResponse, parseServiceError, type ParsedIdCardResponse } from '../response/parseResponse';
import { ResponseShapeError } from '../response/responseShapeError';
import type { InputImage } from './inputImage';
import { idCardEndpoint } from './invokeUrl';
import { buildRequestBody, type UploadMode } from './requestBody';
import { serviceErrorAdvice, serviceErrorMessage } from './serviceErrors';

export const CREDENTIAL_TYPE = 'clovaOcrApi';

function bodyText(body: unknown): string {
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return typeof body === 'string' ? body : JSON.stringify(body ?? '');
}

/** Only the error's kind travels on: request options (with the secret header) must not. */
function networkFailure(error: unknown): JsonObject {
	const { message, code } = error as { message?: unknown; code?: unknown };
	return {
		message: typeof message === 'string' ? message : 'request failed',
		...(typeof code === 'string' ? { code } : {}),
	};
}

/** Sends one image to the ID-card endpoint and returns the checked response. */
export async function sendImage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	image: InputImage,
	uploadMode: UploadMode,
): Promise<ParsedIdCardResponse> {
	const node = ctx.getNode();
	const credentials = await ctx.getCredentials<{ invokeUrl: string }>(CREDENTIAL_TYPE, itemIndex);
	const request = buildRequestBody(image, uploadMode);
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: idCardEndpoint(credentials.invokeUrl, node),
		headers: { 'Content-Type': request.contentType },
		body: request.body,
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};

	let answer: IN8nHttpFullResponse;
	try {
		answer = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_TYPE,
			options,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		const failure = networkFailure(error);
		throw new NodeApiError(node, failure, {
			message: `The request to CLOVA OCR failed: ${String(failure.message)}`,
			description: 'Check that n8n can reach the Invoke URL, then try again.',
			itemIndex,
		});
	}

	const text = bodyText(answer.body);
	const status = answer.statusCode;
	if (status < 200 || status >= 300) {
		const serviceError = parseServiceError(text);
		const code = serviceError?.code;
		throw new NodeApiError(
			node,
			{ code: code ?? null, message: serviceError?.message ?? null, httpCode: status },
			{
				message: serviceErrorMessage(code, status),
				description: serviceErrorAdvice(code, status).action,
				httpCode: String(status),
				itemIndex,
			},
		);
	}

	try {
		return parseIdCardResponse(text);
	} catch (error) {
		if (!(error instanceof ResponseShapeError)) throw new NodeApiError(node, networkFailure(error), { itemIndex });
		throw new NodeApiError(node, { reason: error.reason }, { message: error.message, itemIndex });
	}
}
