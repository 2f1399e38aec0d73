import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { INFER_RESULTS, serviceCode, serviceToken } from '../boundary/serviceText';
import { withArticle } from '../model/documentTypes';
import { PRODUCTS, type ProductId } from '../model/products';
import type { FailureKind } from '../pacing/attemptFailure';
import { parseServiceError } from '../response/parseResponse';
import {
	NO_MATCHED_TEMPLATE,
	serviceErrorAdvice,
	serviceErrorKind,
	serviceErrorMessage,
} from './serviceErrors';

/**
 * The item's error for an answer outside 2xx, and whether sending again may help. Only the
 * documented code (four digits) and the HTTP status are taken from the body; the service's
 * message is only compared with the ones the node knows, never echoed.
 */
export function serviceAnswerError(
	node: INode,
	status: number,
	body: string,
	itemIndex: number,
	product: ProductId,
): { error: NodeApiError; kind: FailureKind } {
	const answer = parseServiceError(body);
	const code = answer?.code;
	const context = { product, message: answer?.message };
	const advice = serviceErrorAdvice(code, status, context);
	const { displayName } = PRODUCTS[product];
	// One domain serves one product: a URL of another product's domain is the likely cause.
	const description = advice.aboutInvokeUrl
		? `${advice.action} This operation reads ${withArticle(displayName)}: use the Invoke URL of your ${displayName} domain.`
		: advice.action;
	const error = new NodeApiError(
		node,
		{ code: serviceCode(code), httpCode: status },
		{
			message: serviceErrorMessage(code, status, context),
			description,
			httpCode: String(status),
			itemIndex,
		},
	);
	return { error, kind: serviceErrorKind(code, status, context) };
}

/**
 * The item's error for an image Template OCR answered (2xx) but matched to no deployed template:
 * its `inferResult` FAILURE (or ERROR) with the no-match message.
 */
export function unmatchedImageError(
	node: INode,
	inferResult: string | undefined,
	itemIndex: number,
): NodeApiError {
	return new NodeApiError(
		node,
		{ inferResult: serviceToken(inferResult, INFER_RESULTS) },
		{ message: NO_MATCHED_TEMPLATE.title, description: NO_MATCHED_TEMPLATE.action, itemIndex },
	);
}
