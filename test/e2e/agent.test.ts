/**
 * What an AI Agent gives a tool is text: an image URL or base64. This runs the node with
 * exactly those inputs, from expressions, in a real n8n, and checks that n8n offers the
 * node as a tool (usableAsTool).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { clovaCredential, nodeItems } from '../../tools/n8n/n8n-cli';
import type { N8nContext } from '../../tools/n8n/n8n-context';
import { startN8n } from '../../tools/n8n/n8n-server';
import { listNodeTypes, setUpOwner } from '../../tools/n8n/n8n-rest';
import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import { e2eState, loadWorkflow, runWorkflow, setUpN8n } from './harness';

const { lines, real } = e2eState();
const SECRET = 'e2e-agent-secret-41a9';
const TIMEOUT_MS = 5 * 60_000;
const SAMPLES = join(__dirname, '../../samples');

const describeReal = real ? describe.each(lines) : describe.skip.each(lines);

describeReal('agent-style calls on n8n %s', (line) => {
	let emulator: Emulator;
	let ctx: N8nContext & { dispose(): void };
	let files: Server;
	let filesUrl: string;

	beforeAll(async () => {
		emulator = await startEmulator({ secretKey: SECRET });
		files = createServer((request, response) => {
			if (request.url === '/cards/driver-license.png') {
				response
					.writeHead(200, { 'Content-Type': 'image/png' })
					.end(readFileSync(join(SAMPLES, 'driver-license.png')));
			} else response.writeHead(404).end();
		});
		await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
		filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
		ctx = await setUpN8n(line, {
			packages: [real!],
			credentials: [clovaCredential(emulator.invokeUrl, SECRET)],
		});
	}, TIMEOUT_MS);

	afterAll(async () => {
		ctx?.dispose();
		await emulator?.close();
		await new Promise((resolve) => files?.close(resolve));
	});

	it(
		'reads a card by URL and one given as base64, each paired with its call',
		async () => {
			const credential = clovaCredential(emulator.invokeUrl, SECRET);
			const run = await runWorkflow(
				ctx,
				loadWorkflow('clova-agent-style', {
					WORKFLOW_ID: `e2eAgent${line}0001`,
					IMAGE_URL: `${filesUrl}/cards/driver-license.png`,
					IMAGE_BASE64: readFileSync(join(SAMPLES, 'resident-card.png')).toString('base64'),
					CREDENTIAL_ID: credential.id,
					CREDENTIAL_NAME: credential.name,
				}),
			);
			const items = nodeItems(run, 'CLOVA OCR');
			expect(
				items.map(({ json, pairedItem }) => [
					JSON.stringify(pairedItem),
					json.imageName,
					json.documentType,
					json.personalNum,
					json.valid,
				]),
			).toEqual([
				['{"item":0}', 'driver-license.png', 'driverLicense', '800101-1******', true],
				['{"item":1}', 'from-agent.png', 'idCard', '800101-1******', true],
			]);
			expect(
				emulator.requests.map((request) =>
					request.file?.equals(
						readFileSync(
							join(
								SAMPLES,
								request.imageName === 'from-agent.png' ? 'resident-card.png' : 'driver-license.png',
							),
						),
					),
				),
			).toEqual([true, true]);
		},
		TIMEOUT_MS,
	);

	if (line === 'v2') {
		it(
			'n8n offers the node as an AI tool',
			async () => {
				const server = await startN8n(ctx);
				try {
					const types = await listNodeTypes(await setUpOwner(server));
					expect(types.map((type) => type.name)).toContain('n8n-nodes-clova-ocr.clovaOcrTool');
				} finally {
					await server.stop();
				}
			},
			TIMEOUT_MS,
		);
	}
});
