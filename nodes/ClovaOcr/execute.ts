import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ItemOutcome } from './boundary/exit';
import type { ItemError } from './boundary/outboundError';

import { abortableSleep } from './pacing/abortableSleep';
import { createExecutionScheduler } from './pacing/executionScheduler';
import { runOrdered } from './pacing/orderedPool';
import { executionStoreLane } from './pacing/storeLane';
import { readRequestOptions } from './actions/requestOptions';
import { recognizeItem } from './actions/recognize';
import { notSentError } from './transport/notSentError';

/** Every error leaves the node as an n8n error that names its item. */
function asItemError(node: INode, error: unknown, itemIndex: number): ItemError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * V8 keeps an error's stack frames, and the closures they reach (the item's file
 * among them), until `stack` is first read. Errors kept until the run ends are
 * read at once, so a failed item holds no more memory than its message.
 */
function detachStackFrames(error: Error): void {
	for (let link: unknown = error; link instanceof Error; link = link.cause) void link.stack;
}

/** The error of the lowest item that failed: the one a one-by-one run would have stopped at. */
function firstError(outcomes: Array<ItemOutcome | undefined>): ItemError | undefined {
	for (const outcome of outcomes) if (outcome && 'error' in outcome) return outcome.error;
	return undefined;
}

/**
 * Recognizes the items in parallel (Options > Concurrency) and returns their outcomes in input
 * order, for the boundary's exit to emit; without On Error: Continue, throws the first error.
 */
export async function runItems(ctx: IExecuteFunctions): Promise<Array<ItemOutcome | undefined>> {
	const items = ctx.getInputData();
	if (items.length === 0) return [];
	const node = ctx.getNode();
	const continueOnFail = ctx.continueOnFail();
	const options = readRequestOptions(ctx);
	const cancelSignal = ctx.getExecutionCancelSignal?.();
	const scheduler = createExecutionScheduler(options, {
		sleep: abortableSleep,
		random: Math.random,
		cancelSignal,
		stopAtFailure: !continueOnFail,
		notSentError: (error, itemIndex) => notSentError(node, error, itemIndex),
	});

	const sending = {
		scheduler,
		timeoutMs: options.timeoutMs,
		storeLane: executionStoreLane(cancelSignal),
	};

	let stopped = false;
	const recognize = async (itemIndex: number): Promise<ItemOutcome> => {
		try {
			return await recognizeItem(ctx, itemIndex, sending);
		} catch (error) {
			if (!continueOnFail) {
				stopped = true;
				scheduler.abandonAfter(itemIndex);
			}
			const itemError = asItemError(node, error, itemIndex);
			detachStackFrames(itemError);
			return { error: itemError };
		}
	};

	// A cancelled execution starts no more items, On Error: Continue or not.
	const keepStarting = () => !stopped && cancelSignal?.aborted !== true;
	const outcomes = await runOrdered(items.length, options.concurrency, recognize, keepStarting);

	const stoppedBy = continueOnFail ? undefined : firstError(outcomes);
	if (stoppedBy) throw stoppedBy;
	return outcomes;
}
