/**
 * The node's own work per document, without the network: the router over many items,
 * each read from its input, sent to a stand-in that answers at once with the documented
 * example, then parsed, checked, reviewed and flattened into field items.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { performance } from 'node:perf_hooks';

import { route } from '../../nodes/ClovaOcr/execute';
import { renderDocument } from '../clova-emulator/fixture-documents';
import { jpegBytes } from './imageFiles';

const PARAMETERS: Record<string, unknown> = {
	operation: 'recognizeIdCard',
	imageSource: 'binary',
	binaryPropertyName: 'data',
	output: 'fields',
	options: {},
};

function standInContext(items: INodeExecutionData[], answer: Buffer): IExecuteFunctions {
	const node = { id: 'bench', name: 'CLOVA OCR', type: 'n8n-nodes-clova-ocr.clovaOcr', typeVersion: 1, position: [0, 0], parameters: {} };
	return {
		getInputData: () => items,
		getNode: () => node,
		getNodeParameter: (name: string, _index: number, fallback?: unknown) => PARAMETERS[name] ?? fallback,
		getTimezone: () => 'Asia/Seoul',
		continueOnFail: () => false,
		getExecutionCancelSignal: () => undefined,
		getCredentials: async () => ({ invokeUrl: 'https://bench.apigw.ntruss.com/custom/v1/1/key', secretKey: 'bench' }),
		helpers: {
			getBinaryDataBuffer: async (index: number) => Buffer.from(items[index].binary!.data.data, 'base64'),
			getBinaryMetadata: async () => ({ fileSize: 0 }),
			httpRequestWithAuthentication: async () => ({ statusCode: 200, headers: {}, body: answer }),
			returnJsonArray: (rows: unknown[]) => rows.map((json) => ({ json })),
			constructExecutionMetaData: (rows: INodeExecutionData[], { itemData }: { itemData: { item: number } }) =>
				rows.map((row) => ({ ...row, pairedItem: itemData })),
		},
	} as unknown as IExecuteFunctions;
}

export interface NodeOverhead {
	readonly documents: number;
	readonly msPerDocument: number;
}

export async function measureNodeOverhead(documents: number): Promise<NodeOverhead> {
	const answer = Buffer.from(
		renderDocument('ic-success', { requestId: 'bench', timestamp: Date.now(), imageName: 'card.jpg', uid: 'b'.repeat(32) }),
	);
	const data = jpegBytes(4096).toString('base64');
	const items: INodeExecutionData[] = Array.from({ length: documents }, (_, i) => ({
		json: {},
		binary: { data: { data, mimeType: 'image/jpeg', fileName: `card-${i}.jpg` } },
	}));
	await route(standInContext(items.slice(0, 200), answer)); // warm-up
	const start = performance.now();
	const [output] = await route(standInContext(items, answer));
	const elapsed = performance.now() - start;
	if (output.length === 0) throw new Error('the stand-in run produced no items');
	return { documents, msPerDocument: elapsed / documents };
}
