import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { serviceCode } from '../boundary/serviceText';
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
): { error: NodeApiError; kind: FailureKind } {
	const code = parseServiceError(body)?.code;
	const error = new NodeApiError(
		node,
		{ code: serviceCode(code), httpCode: status },
		{
			message: serviceErrorMessage(code, status),
			description: serviceErrorAdvice(code, status).action,
			httpCode: String(status),
			itemIndex,
		},
	);
	return { error, kind: serviceErrorKind(code, status) };
}
