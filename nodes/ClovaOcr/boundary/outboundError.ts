import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { outboundText } from './outboundText';
import { serviceCode } from './serviceText';

export type ItemError = NodeApiError | NodeOperationError;

function textOf(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? outboundText(value) : undefined;
}

/** An HTTP status as n8n shows it: three digits, nothing else. */
function httpStatus(value: unknown): string | undefined {
	const text = typeof value === 'number' ? String(value) : value;
	return typeof text === 'string' && /^\d{3}$/.test(text) ? text : undefined;
}

function itemIndexOf(error: unknown, fallback: number | undefined): number | undefined {
	const index = (error as { context?: { itemIndex?: unknown } })?.context?.itemIndex;
	return typeof index === 'number' ? index : fallback;
}

/** The message and what to do in one text, for readers shown the message only. */
function selfContained(message: string, description: string | undefined): string {
	if (description === undefined || message.includes(description)) return message;
	return `${/[!.?]$/.test(message) ? message : `${message}.`} ${description}`;
}

/**
 * The error as it leaves the node: a new n8n error made only of the original's message and
 * description through outboundText, its HTTP status and the service's code when documented
 * (four digits). Nothing else of the original travels on: not the service's own answer (n8n
 * stores `errorResponse`, `messages`, `cause` and the stack with the execution), not the
 * request options. With `forModel` (the node runs as an AI Agent's tool, whose model n8n shows
 * the message only) the message carries the description too.
 */
export function outboundError(
	node: INode,
	error: unknown,
	itemIndex?: number,
	forModel = false,
): ItemError {
	const { message, description, httpCode, errorResponse } = (error ?? {}) as {
		message?: unknown;
		description?: unknown;
		httpCode?: unknown;
		errorResponse?: { code?: unknown };
	};
	const said = textOf(message) ?? 'The item failed';
	const advice = textOf(description);
	const options = {
		message: forModel ? selfContained(said, advice) : said,
		description: advice,
		itemIndex: itemIndexOf(error, itemIndex),
	};
	if (error instanceof NodeApiError) {
		const status = httpStatus(httpCode);
		const code = serviceCode(errorResponse?.code);
		const response: JsonObject = {
			...(status === undefined ? {} : { httpCode: status }),
			...(code === null ? {} : { code }),
		};
		return new NodeApiError(node, response, { ...options, httpCode: status });
	}
	return new NodeOperationError(node, options.message, options);
}
