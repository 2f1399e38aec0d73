import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { recognizeItem } from './recognizeItem';

/** Every error leaves the node as an n8n error that names its item. */
function asItemError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

export async function route(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const rows = await recognizeItem(ctx, itemIndex);
			output.push(
				...ctx.helpers.constructExecutionMetaData(ctx.helpers.returnJsonArray(rows), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			const itemError = asItemError(ctx.getNode(), error, itemIndex);
			if (!ctx.continueOnFail()) throw itemError;
			output.push({ json: { error: itemError.message }, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
