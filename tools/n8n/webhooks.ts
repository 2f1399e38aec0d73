/**
 * When a running n8n serves its published webhooks. n8n registers them a little after it
 * reports ready, and answers 404 until then. The probe is a CORS preflight (OPTIONS with an
 * Origin): n8n lists in Access-Control-Allow-Methods the methods registered for the path,
 * and runs no execution for it (a POST would run the workflow).
 */
import type { WorkflowInput } from './n8n-cli';
import { pollUntil } from './poll';

async function serves(baseUrl: string, path: string, method: string): Promise<boolean> {
	try {
		const response = await fetch(`${baseUrl}/webhook/${path}`, {
			method: 'OPTIONS',
			headers: { Origin: baseUrl },
		});
		await response.arrayBuffer();
		const methods = (response.headers.get('access-control-allow-methods') ?? '').split(/,\s*/);
		return methods.includes(method);
	} catch {
		return false;
	}
}

/** Resolves once n8n at `baseUrl` serves `method` on every path under /webhook/. */
export async function untilWebhooksServed(
	baseUrl: string,
	paths: readonly string[],
	method = 'POST',
	timeoutMs = 60_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (const path of paths) {
		const served = await pollUntil(
			() => serves(baseUrl, path, method),
			Math.max(0, deadline - Date.now()),
		);
		if (!served) throw new Error(`n8n never served the webhook ${path}`);
	}
}

/** The paths of the Webhook nodes in `workflows`. */
export function webhookPathsOf(workflows: readonly WorkflowInput[]): string[] {
	const paths: string[] = [];
	for (const workflow of workflows) {
		for (const node of workflow.nodes as Array<Record<string, unknown>>) {
			const parameters = node.parameters as Record<string, unknown> | undefined;
			if (node.type === 'n8n-nodes-base.webhook' && typeof parameters?.path === 'string')
				paths.push(parameters.path);
		}
	}
	return paths;
}
