/**
 * The matrix's workflow: a warm-up, then the measured batch.
 *
 *   Start -> Read warm-up files -> CLOVA OCR (warm-up) -> Read files (once) -> CLOVA OCR
 *
 * The warm-up node sends a few cards to a second emulator (no cap, no latency, its own
 * domain, so its own limiter in the node's process-wide registry): the code paths, the
 * HTTP client and the credential are warm before the measured node starts, as in an n8n
 * that has been running, and its limiter for the measured domain is still fresh. `Read
 * files` runs once, whatever the warm-up returned.
 */
import type { CredentialInput, WorkflowInput } from '../../n8n/n8n-cli';
import { CLOVA_NODE_NAME, readFilesNode } from '../workflows';

export const WARM_UP_NODE_NAME = 'CLOVA OCR warm-up';

function clovaNode(
	id: string,
	name: string,
	credential: CredentialInput,
	concurrency: number,
	x: number,
) {
	return {
		id,
		name,
		type: 'n8n-nodes-clova-ocr.clovaOcr',
		typeVersion: 1,
		position: [x, 0],
		onError: 'continueRegularOutput',
		parameters: {
			operation: 'recognizeIdCard',
			output: 'fields',
			options: { concurrency, maxRetries: 3 },
		},
		credentials: { clovaOcrApi: { id: credential.id, name: credential.name } },
	};
}

export interface MatrixWorkflowOptions {
	readonly id: string;
	readonly fileSelector: string;
	readonly credential: CredentialInput;
	readonly concurrency: number;
	readonly warmUpFileSelector: string;
	readonly warmUpCredential: CredentialInput;
}

export function matrixWorkflow(options: MatrixWorkflowOptions): WorkflowInput {
	const uuid = (n: number) => `c0000000-0000-4000-8000-00000000000${n}`;
	const names = ['Start', 'Read warm-up files', WARM_UP_NODE_NAME, 'Read files', CLOVA_NODE_NAME];
	const next = (index: number) => ({
		main: [[{ node: names[index + 1] as string, type: 'main', index: 0 }]],
	});
	return {
		id: options.id,
		name: `bench matrix ${options.id}`,
		nodes: [
			{
				id: uuid(1),
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			readFilesNode(uuid(2), 'Read warm-up files', options.warmUpFileSelector, 220, false),
			clovaNode(uuid(3), WARM_UP_NODE_NAME, options.warmUpCredential, 4, 440),
			readFilesNode(uuid(4), 'Read files', options.fileSelector, 660, true),
			clovaNode(uuid(5), CLOVA_NODE_NAME, options.credential, options.concurrency, 880),
		],
		connections: Object.fromEntries(names.slice(0, -1).map((name, index) => [name, next(index)])),
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
