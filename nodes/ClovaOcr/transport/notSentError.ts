import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestNotSentError } from '../pacing/requestScheduler';

/** The item's error for a request the scheduler never sent (so nothing was billed for it). */
export function notSentError(
	node: INode,
	error: RequestNotSentError,
	itemIndex: number,
): NodeOperationError {
	if (error.reason === 'queueTimeout') {
		return new NodeOperationError(node, `The image was not sent: ${error.message}`, {
			itemIndex,
			description:
				"Other executions in this n8n process were using the CLOVA OCR domain's concurrency for longer than Options > Timeout. Raise the timeout, or spread the work out.",
		});
	}
	return new NodeOperationError(node, `The image was not sent: ${error.message}`, { itemIndex });
}
