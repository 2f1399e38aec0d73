/**
 * The workflow of `npm run bench -- pdf`: a warm-up, then the measured Read Text.
 *
 *   Start -> Read warm-up files -> CLOVA OCR warm-up -> Wait 1 s -> Read files (once) -> CLOVA OCR
 *
 * The warm-up node reads a 1-page PDF and a PNG (Read Text, the same Output) from a second
 * emulator (no latency, its own domain): the node's code paths for both inputs, its HTTP client
 * and the credential are warm before the measured node starts, as in an n8n that has been
 * running, so neither input pays the cold start in its overhead. During the Wait (in memory:
 * under 65 s n8n keeps the execution running) the bench resets the process's high-water mark
 * (phaseMemory.ts). `Read files` runs once, whatever the warm-up returned. The baseline is the
 * same workflow without the measured node: what n8n, the warm-up and reading the files take of
 * the process's memory.
 */
import type { CredentialInput, WorkflowInput } from '../../n8n/n8n-cli';
import { CLOVA_NODE_NAME, readFilesNode } from '../workflows';
import type { PdfOutput } from './args';

export const WARM_UP_NODE_NAME = 'CLOVA OCR warm-up';
/** The Wait between the warm-up and the measured part, in which the memory watch is reset. */
export const WAIT_MS = 1000;

function readTextNode(
	id: string,
	name: string,
	credential: CredentialInput,
	output: PdfOutput,
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
			resource: 'text',
			operation: 'readText',
			output,
			options: { concurrency, maxRetries: 3 },
		},
		credentials: { clovaOcrApi: { id: credential.id, name: credential.name } },
	};
}

export interface PdfWorkflowOptions {
	readonly id: string;
	readonly fileSelector: string;
	/** The General OCR domain of the measured emulator. */
	readonly credential: CredentialInput;
	readonly output: PdfOutput;
	readonly concurrency: number;
	readonly warmUpFileSelector: string;
	/** The General OCR domain of the warm-up emulator. */
	readonly warmUpCredential: CredentialInput;
	/** false: the baseline, without the measured node. */
	readonly measured: boolean;
}

export function pdfWorkflow(options: PdfWorkflowOptions): WorkflowInput {
	const uuid = (n: number) => `d0000000-0000-4000-8000-00000000000${n}`;
	const nodes = [
		{
			id: uuid(1),
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		readFilesNode(uuid(2), 'Read warm-up files', options.warmUpFileSelector, 220, false),
		readTextNode(uuid(3), WARM_UP_NODE_NAME, options.warmUpCredential, options.output, 4, 440),
		{
			id: uuid(4),
			name: 'Wait',
			type: 'n8n-nodes-base.wait',
			typeVersion: 1.1,
			position: [660, 0],
			webhookId: uuid(7),
			parameters: { resume: 'timeInterval', amount: WAIT_MS / 1000, unit: 'seconds' },
		},
		readFilesNode(uuid(5), 'Read files', options.fileSelector, 880, true),
		...(options.measured
			? [
					readTextNode(
						uuid(6),
						CLOVA_NODE_NAME,
						options.credential,
						options.output,
						options.concurrency,
						1100,
					),
				]
			: []),
	];
	const names = nodes.map((node) => node.name);
	return {
		id: options.id,
		name: `bench pdf ${options.id}`,
		nodes,
		connections: Object.fromEntries(
			names
				.slice(0, -1)
				.map((name, index) => [
					name,
					{ main: [[{ node: names[index + 1] as string, type: 'main', index: 0 }]] },
				]),
		),
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
