import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { serviceCode } from '../boundary/serviceText';
import { withArticle } from '../model/documentTypes';
import { PRODUCTS, type ProductId } from '../model/products';
import type { FailureKind } from '../pacing/attemptFailure';
import { parseServiceError } from '../response/parseResponse';
import { serviceErrorAdvice, serviceErrorKind, serviceErrorMessage } from './serviceErrors';

/**
 * The item's error for an answer outside 2xx, and whether sending again may help. Only the
 * documented code (four digits) and the HTTP status are taken from the body; the service's
 * message is never echoed.
 */
export function serviceAnswerError(
	node: INode,
	status: number,
	body: string,
	itemIndex: number,
	product: ProductId,
): { error: NodeApiError; kind: FailureKind } {
	const code = parseServiceError(body)?.code;
	const advice = serviceErrorAdvice(code, status);
	const { displayName } = PRODUCTS[product];
	// One domain serves one product: a URL of another product's domain is the likely cause.
	const description = advice.aboutInvokeUrl
		? `${advice.action} This operation reads ${withArticle(displayName)}: use the Invoke URL of your ${displayName} domain.`
		: advice.action;
	const error = new NodeApiError(
		node,
		{ code: serviceCode(code), httpCode: status },
		{
			message: serviceErrorMessage(code, status),
			description,
			httpCode: String(status),
			itemIndex,
		},
	);
	return { error, kind: serviceErrorKind(code, status) };
}
