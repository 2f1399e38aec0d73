/**
 * The node's own work per document, without the network: the built node (dist/) over many items,
 * each read from its input, sent to a stand-in that answers at once with the documented
 * example, then parsed, checked, reviewed and flattened into field items.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

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
	const node = {
		id: 'bench',
		name: 'CLOVA OCR',
		type: 'n8n-nodes-clova-ocr.clovaOcr',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return {
		getInputData: () => items,
		getNode: () => node,
		getNodeParameter: (name: string, _index: number, fallback?: unknown) =>
			PARAMETERS[name] ?? fallback,
		getTimezone: () => 'Asia/Seoul',
		continueOnFail: () => false,
		getExecutionCancelSignal: () => undefined,
		getCredentials: async () => ({
			invokeUrl: 'https://bench.apigw.ntruss.com/custom/v1/1/key',
			secretKey: 'bench',
		}),
		helpers: {
			getBinaryDataBuffer: async (index: number) =>
				Buffer.from(items[index].binary!.data.data, 'base64'),
			getBinaryMetadata: async () => ({ fileSize: 0 }),
			httpRequestWithAuthentication: async () => ({ statusCode: 200, headers: {}, body: answer }),
			returnJsonArray: (rows: unknown[]) => rows.map((json) => ({ json })),
			constructExecutionMetaData: (
				rows: INodeExecutionData[],
				{ itemData }: { itemData: { item: number } },
			) => rows.map((row) => ({ ...row, pairedItem: itemData })),
		},
	} as unknown as IExecuteFunctions;
}

export interface NodeOverhead {
	readonly documents: number;
	readonly msPerDocument: number;
}

type Execute = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** This checkout's built package. */
export const OWN_PACKAGE_DIR = join(__dirname, '..', '..');

/** The node class as n8n loads it: from a built package (`dist/`), never from its sources. */
function builtNodeExecute(packageDir: string): Execute {
	const modulePath = join(packageDir, 'dist', 'nodes', 'ClovaOcr', 'ClovaOcr.node.js');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { ClovaOcr } = require(modulePath) as { ClovaOcr: new () => { execute: Execute } };
	const node = new ClovaOcr();
	return node.execute;
}

export async function measureNodeOverhead(
	documents: number,
	packageDir = OWN_PACKAGE_DIR,
): Promise<NodeOverhead> {
	const execute = builtNodeExecute(packageDir);
	const runItems = (ctx: IExecuteFunctions) => execute.call(ctx);
	const answer = Buffer.from(
		renderDocument('ic-success', {
			requestId: 'bench',
			timestamp: Date.now(),
			imageName: 'card.jpg',
			uid: 'b'.repeat(32),
		}),
	);
	const data = jpegBytes(4096).toString('base64');
	const items: INodeExecutionData[] = Array.from({ length: documents }, (_, i) => ({
		json: {},
		binary: { data: { data, mimeType: 'image/jpeg', fileName: `card-${i}.jpg` } },
	}));
	await runItems(standInContext(items.slice(0, 200), answer)); // warm-up
	const start = performance.now();
	const [output] = await runItems(standInContext(items, answer));
	const elapsed = performance.now() - start;
	if (output.length === 0) throw new Error('the stand-in run produced no items');
	return { documents, msPerDocument: elapsed / documents };
}
