import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { untilWebhooksServed, webhookPathsOf } from '../webhooks';

/** Answers preflights like n8n: the path's registered methods once `registeredAfter` probes came. */
function fakeN8n(registeredAfter: number, methods: string) {
	const seen: Array<{ method?: string; url?: string; origin?: string }> = [];
	const server: Server = createServer((req: IncomingMessage, res) => {
		seen.push({ method: req.method, url: req.url, origin: req.headers.origin });
		const registered = seen.length > registeredAfter;
		res.setHeader('Access-Control-Allow-Methods', registered ? `OPTIONS, ${methods}` : 'OPTIONS');
		res.statusCode = 204;
		res.end();
	});
	return { server, seen };
}

async function listening(server: Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('untilWebhooksServed: a preflight probe, never a POST that would run the workflow', () => {
	test('waits until the path lists POST, probing with OPTIONS and an Origin', async () => {
		const { server, seen } = fakeN8n(2, 'POST');
		const url = await listening(server);
		try {
			await untilWebhooksServed(url, ['intake']);
			expect(seen).toEqual(
				Array.from({ length: 3 }, () => ({
					method: 'OPTIONS',
					url: '/webhook/intake',
					origin: url,
				})),
			);
		} finally {
			server.close();
		}
	});

	test('a path registered for another method only is not served: it times out', async () => {
		const { server } = fakeN8n(0, 'GET');
		const url = await listening(server);
		try {
			await expect(untilWebhooksServed(url, ['intake'], 'POST', 300)).rejects.toThrow(
				'n8n never served the webhook intake',
			);
		} finally {
			server.close();
		}
	});
});

test('webhookPathsOf: the paths of the Webhook nodes, nothing else', () => {
	const workflow = (id: string, nodes: unknown[]) => ({ id, name: id, nodes, connections: {} });
	expect(
		webhookPathsOf([
			workflow('a', [
				{ type: 'n8n-nodes-base.webhook', parameters: { path: 'batch' } },
				{ type: 'n8n-nodes-clova-ocr.clovaOcr', parameters: { path: 'not-a-webhook' } },
			]),
			workflow('b', [{ type: 'n8n-nodes-base.manualTrigger', parameters: {} }]),
			workflow('c', [{ type: 'n8n-nodes-base.webhook', parameters: { path: 'upload' } }]),
		]),
	).toEqual(['batch', 'upload']);
});
