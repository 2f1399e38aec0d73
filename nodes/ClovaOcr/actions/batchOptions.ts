import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Options that shape how a batch of items is sent: filled in by the large-batch work. */
export interface BatchOptions {}

export const batchOptionProperties: INodeProperties[] = [];

export function readBatchOptions(_ctx: IExecuteFunctions): BatchOptions {
	return {};
}
