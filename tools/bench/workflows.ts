/**
 * The workflows the benchmark (and the end-to-end leak check) import into a real n8n:
 * files read from disk by n8n's Read/Write Files node, then either this package's node
 * or n8n's HTTP Request node set up as well as a user could for CLOVA OCR.
 */
import type { CredentialInput, WorkflowInput } from '../n8n/n8n-cli';

export const CLOVA_NODE_NAME = 'CLOVA OCR';
export const HTTP_NODE_NAME = 'HTTP Request';

const TRIGGER = {
	id: 'b0000000-0000-4000-8000-000000000001',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** n8n's Read/Write Files node reading `fileSelector`; `once`: it runs once, whatever its input. */
export function readFilesNode(
	id: string,
	name: string,
	fileSelector: string,
	x: number,
	once = false,
) {
	return {
		id,
		name,
		type: 'n8n-nodes-base.readWriteFile',
		typeVersion: 1,
		position: [x, 0],
		...(once ? { executeOnce: true } : {}),
		parameters: { fileSelector, options: {} },
	};
}

function readFiles(fileSelector: string) {
	return readFilesNode('b0000000-0000-4000-8000-000000000002', 'Read files', fileSelector, 220);
}

function chain(
	id: string,
	name: string,
	fileSelector: string,
	last: Record<string, unknown>,
): WorkflowInput {
	return {
		id,
		name,
		nodes: [
			TRIGGER,
			readFiles(fileSelector),
			{ id: 'b0000000-0000-4000-8000-000000000003', position: [440, 0], ...last },
		],
		connections: {
			Start: { main: [[{ node: 'Read files', type: 'main', index: 0 }]] },
			'Read files': { main: [[{ node: last.name as string, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Only the Read/Write Files node: what n8n itself needs to read the files, for comparison. */
export function readOnlyWorkflow(id: string, fileSelector: string): WorkflowInput {
	return {
		id,
		name: `bench: read files only ${id}`,
		nodes: [TRIGGER, readFiles(fileSelector)],
		connections: { Start: { main: [[{ node: 'Read files', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

export interface ClovaWorkflowOptions {
	readonly id: string;
	readonly fileSelector: string;
	readonly credential: CredentialInput;
	readonly concurrency: number;
	readonly maxRetries?: number;
	readonly output?: 'fields' | 'document' | 'raw';
	readonly onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
}

export function clovaWorkflow(options: ClovaWorkflowOptions): WorkflowInput {
	return chain(options.id, `bench: CLOVA OCR node ${options.id}`, options.fileSelector, {
		name: CLOVA_NODE_NAME,
		type: 'n8n-nodes-clova-ocr.clovaOcr',
		typeVersion: 1,
		onError: options.onError ?? 'continueRegularOutput',
		parameters: {
			operation: 'recognizeIdCard',
			output: options.output ?? 'fields',
			options: { concurrency: options.concurrency, maxRetries: options.maxRetries ?? 3 },
		},
		credentials: { clovaOcrApi: { id: options.credential.id, name: options.credential.name } },
	});
}

export interface HttpWorkflowOptions {
	readonly id: string;
	readonly fileSelector: string;
	readonly credential: CredentialInput;
	/** `{invokeUrl}/document/id-card` */
	readonly endpoint: string;
	readonly batchSize: number;
	readonly batchIntervalMs: number;
}

/**
 * The HTTP Request node set up for CLOVA OCR: a POST to `endpoint` with the CLOVA OCR
 * credential (predefined type) and a multipart body of `message` and the binary `data`.
 * `options` are the node's own (batching, response handling).
 */
export function clovaHttpRequestNode(
	endpoint: string,
	message: string,
	credential: CredentialInput,
	options: Record<string, unknown>,
): Record<string, unknown> {
	return {
		name: HTTP_NODE_NAME,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: endpoint,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'clovaOcrApi',
			sendBody: true,
			contentType: 'multipart-form-data',
			bodyParameters: {
				parameters: [
					{ name: 'message', value: message },
					{ parameterType: 'formBinaryData', name: 'file', inputDataFieldName: 'data' },
				],
			},
			options,
		},
		credentials: { clovaOcrApi: { id: credential.id, name: credential.name } },
	};
}

/**
 * The HTTP Request node as a user who knows the cap and the latency would set it: the
 * CLOVA OCR credential (predefined type), a multipart body (message + file), batching of
 * `batchSize` requests every `batchIntervalMs`, and "Never Error" so every answer,
 * including 0025, reaches the output to be counted. (Retry On Fail would run the whole
 * node again, every request included, so it is left off.)
 */
export function httpRequestWorkflow(options: HttpWorkflowOptions): WorkflowInput {
	const message =
		"={{ JSON.stringify({ version: 'V2', requestId: 'bench-' + $itemIndex, timestamp: Date.now(), images: [{ format: 'jpg', name: $binary.data.fileName }] }) }}";
	return chain(options.id, `bench: HTTP Request node ${options.id}`, options.fileSelector, {
		...clovaHttpRequestNode(options.endpoint, message, options.credential, {
			batching: {
				batch: { batchSize: options.batchSize, batchInterval: options.batchIntervalMs },
			},
			response: { response: { neverError: true } },
		}),
		// a request the service cuts off while refusing it (EPIPE) fails the item, not the run
		onError: 'continueRegularOutput',
	});
}
