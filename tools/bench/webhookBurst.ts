/**
 * The webhook shape: a sign-up form posts one card per applicant, so N uploads arrive at
 * once and n8n runs N executions of one item each. N uploads are posted at the same time
 * to a Webhook → (this node | the HTTP Request node) workflow on a running n8n, which
 * answers each when its workflow ends (Respond: When Last Node Finishes).
 */
import type { Emulator } from '../clova-emulator';
import type { CredentialInput, WorkflowInput } from '../n8n/n8n-cli';
import { clovaHttpRequestNode, CLOVA_NODE_NAME } from './workflows';

const WEBHOOK_NAME = 'Upload';

function webhookChain(id: string, path: string, last: Record<string, unknown>): WorkflowInput {
	const webhookId = `c0000000-0000-4000-8000-${Buffer.from(path).toString('hex').slice(-12).padStart(12, '0')}`;
	return {
		id,
		name: `bench: webhook ${id}`,
		nodes: [
			{
				id: 'c0000000-0000-4000-8000-000000000001',
				name: WEBHOOK_NAME,
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId,
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
			},
			{ id: 'c0000000-0000-4000-8000-000000000002', position: [220, 0], ...last },
		],
		connections: {
			[WEBHOOK_NAME]: { main: [[{ node: last.name as string, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Webhook → Read/Write Files (`fileSelector`) → this node: a batch started by one call, answered with every item. */
export function clovaBatchWebhookWorkflow(
	id: string,
	path: string,
	credential: CredentialInput,
	fileSelector: string,
	concurrency: number,
): WorkflowInput {
	const workflow = webhookChain(id, path, {
		name: 'Read files',
		type: 'n8n-nodes-base.readWriteFile',
		typeVersion: 1,
		parameters: { fileSelector, options: {} },
	});
	const nodes = [...(workflow.nodes as Array<Record<string, unknown>>)];
	(nodes[0].parameters as Record<string, unknown>).responseData = 'allEntries';
	nodes.push({
		id: 'c0000000-0000-4000-8000-000000000003',
		position: [440, 0],
		name: CLOVA_NODE_NAME,
		type: 'n8n-nodes-clova-ocr.clovaOcr',
		typeVersion: 1,
		parameters: { operation: 'recognizeIdCard', output: 'document', options: { concurrency } },
		credentials: { clovaOcrApi: { id: credential.id, name: credential.name } },
	});
	return {
		...workflow,
		nodes,
		connections: {
			...workflow.connections,
			'Read files': { main: [[{ node: CLOVA_NODE_NAME, type: 'main', index: 0 }]] },
		},
	};
}

/** Webhook → this node, one document item per upload. */
export function clovaWebhookWorkflow(
	id: string,
	path: string,
	credential: CredentialInput,
): WorkflowInput {
	return webhookChain(id, path, {
		name: CLOVA_NODE_NAME,
		type: 'n8n-nodes-clova-ocr.clovaOcr',
		typeVersion: 1,
		parameters: { operation: 'recognizeIdCard', output: 'document', options: {} },
		credentials: { clovaOcrApi: { id: credential.id, name: credential.name } },
	});
}

/**
 * Webhook → the HTTP Request node with the CLOVA OCR credential and a multipart body, and
 * n8n's Retry On Fail (5 tries, 1 s apart): a refusal (HTTP 400, 0025) fails the node,
 * which n8n then runs again.
 */
export function httpWebhookWorkflow(
	id: string,
	path: string,
	credential: CredentialInput,
	endpoint: string,
): WorkflowInput {
	const message =
		"={{ JSON.stringify({ version: 'V2', requestId: 'burst-' + $execution.id, timestamp: Date.now(), images: [{ format: 'jpg', name: $binary.data.fileName }] }) }}";
	return webhookChain(id, path, {
		// CLOVA's documented answers are not strict JSON (trailing commas): the node's JSON
		// format fails on every one ("Invalid JSON in response body"), so the body is taken as text.
		...clovaHttpRequestNode(endpoint, message, credential, {
			response: { response: { responseFormat: 'text' } },
		}),
		retryOnFail: true,
		maxTries: 5,
		waitBetweenTries: 1000,
	});
}

export interface BurstFigures {
	readonly uploads: number;
	readonly wallMs: number;
	readonly failed: number;
	/** 0025 answers the emulator gave during the burst, absorbed or not. */
	readonly refusals: number;
	readonly p50Ms: number;
	readonly p95Ms: number;
	/** The failed uploads' answers (status and the body's start, or why there was none), most frequent first. */
	readonly failures?: ReadonlyArray<{ readonly answer: string; readonly count: number }>;
}

export function percentile(sorted: number[], fraction: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** An upload succeeded when n8n answered 200 with the recognized document (this node) or CLOVA's SUCCESS as text (HTTP node). */
function succeeded(status: number, body: string): boolean {
	if (status !== 200) return false;
	try {
		const json = JSON.parse(body) as Record<string, unknown>;
		if (typeof json.error !== 'undefined') return false;
		if (json.documentType !== undefined) return true;
		if (typeof json.data === 'string') return /"inferResult"\s*:\s*"SUCCESS"/.test(json.data);
		const images = json.images as Array<{ inferResult?: string }> | undefined;
		return images?.[0]?.inferResult === 'SUCCESS';
	} catch {
		return false;
	}
}

/** A failed upload's answer in one short line: `500 {"message":"..."}`, or why there was none. */
function answerLine(status: number | null, bodyOrError: string): string {
	const text = bodyOrError.replace(/\s+/g, ' ').trim();
	const short = text.length > 160 ? `${text.slice(0, 160)}...` : text;
	return status === null ? `no answer: ${short}` : `${status} ${short}`;
}

/**
 * Posts one file to `url` (multipart, field `data`): whether it succeeded, how long it took,
 * and, when it failed, n8n's answer in one line.
 */
export async function postUpload(
	url: string,
	file: Buffer,
	name: string,
): Promise<{ ok: boolean; ms: number; answer?: string }> {
	const form = new FormData();
	form.append('data', new Blob([file], { type: 'image/jpeg' }), name);
	const sent = performance.now();
	try {
		const response = await fetch(url, { method: 'POST', body: form });
		const body = await response.text();
		const ok = succeeded(response.status, body);
		const ms = performance.now() - sent;
		return ok ? { ok, ms } : { ok, ms, answer: answerLine(response.status, body) };
	} catch (error) {
		const ms = performance.now() - sent;
		const cause =
			error instanceof Error
				? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}`
				: String(error);
		return { ok: false, ms, answer: answerLine(null, cause) };
	}
}

/** Posts `uploads` files at once to `url` (multipart, field `data`) and measures each answer. */
export async function postBurst(
	url: string,
	file: Buffer,
	uploads: number,
	emulator: Emulator,
): Promise<BurstFigures> {
	emulator.reset();
	const started = performance.now();
	const results = await Promise.all(
		Array.from({ length: uploads }, (_, i) => postUpload(url, file, `applicant-${i}.jpg`)),
	);
	const wallMs = performance.now() - started;
	const times = results.map((r) => r.ms).sort((a, b) => a - b);
	const answers = new Map<string, number>();
	for (const { answer } of results)
		if (answer !== undefined) answers.set(answer, (answers.get(answer) ?? 0) + 1);
	return {
		uploads,
		wallMs,
		failed: results.filter((r) => !r.ok).length,
		refusals: emulator.stats.byErrorCode['0025'] ?? 0,
		p50Ms: percentile(times, 0.5),
		p95Ms: percentile(times, 0.95),
		failures: [...answers]
			.map(([answer, count]) => ({ answer, count }))
			.sort((a, b) => b.count - a.count),
	};
}
