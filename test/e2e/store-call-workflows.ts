/**
 * The uploads whose n8n store calls queue-mode.test.ts counts, beside the node's own
 * (Webhook → CLOVA OCR, `clovaWebhookWorkflow`): the same upload sent on by n8n's HTTP Request
 * node with a Header Auth credential, and the upload alone (Webhook → No Operation), which
 * shows what n8n itself does around every upload.
 */
import type { CredentialInput, WorkflowInput } from '../../tools/n8n/n8n-cli';

export const HTTP_NODE_NAME = 'HTTP Request';

/** The CLOVA secret as n8n's generic Header Auth credential: `X-OCR-SECRET: <secret>`. */
export function headerAuthCredential(secretKey: string, id = 'queueHeaderAuth1'): CredentialInput {
	return {
		id,
		name: 'CLOVA secret header',
		type: 'httpHeaderAuth',
		data: { name: 'X-OCR-SECRET', value: secretKey },
	};
}

/** Webhook (answers with the last node's first item) → `last`. */
function uploadChain(id: string, path: string, last: Record<string, unknown>): WorkflowInput {
	const suffix = Buffer.from(path).toString('hex').slice(-12).padStart(12, '0');
	return {
		id,
		name: `e2e: store calls, ${path}`,
		nodes: [
			{
				id: 'd0000000-0000-4000-8000-000000000001',
				name: 'Upload',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `d0000000-0000-4000-8000-${suffix}`,
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
			},
			{ id: 'd0000000-0000-4000-8000-000000000002', position: [220, 0], ...last },
		],
		connections: { Upload: { main: [[{ node: last.name as string, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/**
 * Webhook → HTTP Request: the uploaded file (`data`, stored in the database) posted to
 * `endpoint` as CLOVA's multipart body (message + file), the secret from a Header Auth
 * credential; CLOVA's answer taken as text (its documented answers are not strict JSON).
 */
export function httpHeaderAuthUploadWorkflow(
	id: string,
	path: string,
	credential: CredentialInput,
	endpoint: string,
): WorkflowInput {
	const message =
		"={{ JSON.stringify({ version: 'V2', requestId: 'store-calls-' + $execution.id, timestamp: Date.now(), images: [{ format: 'jpg', name: $binary.data.fileName }] }) }}";
	return uploadChain(id, path, {
		name: HTTP_NODE_NAME,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: endpoint,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendBody: true,
			contentType: 'multipart-form-data',
			bodyParameters: {
				parameters: [
					{ name: 'message', value: message },
					{ parameterType: 'formBinaryData', name: 'file', inputDataFieldName: 'data' },
				],
			},
			options: { response: { response: { responseFormat: 'text' } } },
		},
		credentials: { httpHeaderAuth: { id: credential.id, name: credential.name } },
	});
}

/** Webhook → No Operation: the upload stored and the execution run, nothing read. */
export function uploadAloneWorkflow(id: string, path: string): WorkflowInput {
	return uploadChain(id, path, {
		name: 'Nothing',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		parameters: {},
	});
}

/** Posts one file as a browser form would (multipart, field `data`); n8n's answer. */
export async function postFile(
	url: string,
	file: Buffer,
	name: string,
): Promise<{ status: number; body: string }> {
	const form = new FormData();
	form.append('data', new Blob([file], { type: 'image/jpeg' }), name);
	const response = await fetch(url, { method: 'POST', body: form });
	return { status: response.status, body: await response.text() };
}
