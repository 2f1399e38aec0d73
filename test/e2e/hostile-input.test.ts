/**
 * Hostile inputs in a real n8n, both lines: Image URLs that point inside the network, an
 * endless body, a gzip bomb, a silent host, a redirecting Invoke URL, answers that are not
 * the documented JSON (one built to make a repair backtrack), and the credential test
 * through the editor's REST call. All servers are on 127.0.0.1; the n8n under test gets
 * HTTP_PROXY pointing at the hostile server, so a request that escaped the guard would land
 * there (and fail the test) instead of leaving the machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	clovaCredential,
	importCredentials,
	nodeItems,
	type WorkflowInput,
} from '../../tools/n8n/n8n-cli';
import type { N8nContext } from '../../tools/n8n/n8n-context';
import { startN8n } from '../../tools/n8n/n8n-server';
import { setUpOwner, testCredentialThroughRest } from '../../tools/n8n/n8n-rest';
import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import {
	startAnsweringServer,
	startCountingServer,
	startHostileServer,
	startRedirectingServer,
	type HostileServer,
} from '../fixtures/hostileServer';
import { e2eState, runWorkflow, setUpN8n } from './harness';

const { lines, real } = e2eState();
const SECRET = 'e2e-hostile-secret-7c3e';
const TIMEOUT_MS = 5 * 60_000;
const MiB = 1024 * 1024;
const PNG = readFileSync(join(__dirname, '../../samples/resident-card.png'));
const COPY_INVOKE_URL =
	'Copy the Invoke URL of your domain from the NAVER Cloud console (CLOVA OCR > your domain > API Gateway integration).';

interface UrlCase {
	url: string;
	allowPrivateHosts?: boolean;
}

/** Code node → CLOVA OCR, one item per case, each failure kept as `{ error }` on its item. */
function urlWorkflow(
	id: string,
	cases: UrlCase[],
	timeoutMs: number,
	credential: { id: string; name: string },
): WorkflowInput {
	const items = cases.map(({ url, allowPrivateHosts }) => ({
		json: { url, allowPrivateHosts: allowPrivateHosts === true },
	}));
	return {
		id,
		name: `e2e: hostile Image URLs (${id})`,
		nodes: [
			{
				id: 'a1000000-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'a1000000-0000-4000-8000-000000000002',
				name: 'Agent arguments',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: `return ${JSON.stringify(items)};` },
			},
			{
				id: 'a1000000-0000-4000-8000-000000000003',
				name: 'CLOVA OCR',
				type: 'n8n-nodes-clova-ocr.clovaOcr',
				typeVersion: 1,
				position: [440, 0],
				onError: 'continueRegularOutput',
				parameters: {
					operation: 'recognizeIdCard',
					imageSource: 'url',
					imageUrl: '={{ $json.url }}',
					output: 'document',
					options: {
						allowPrivateHosts: '={{ $json.allowPrivateHosts }}',
						timeout: timeoutMs,
						concurrency: 1,
					},
				},
				credentials: { clovaOcrApi: credential },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Agent arguments', type: 'main', index: 0 }]] },
			'Agent arguments': { main: [[{ node: 'CLOVA OCR', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

const describeReal = real ? describe.each(lines) : describe.skip.each(lines);

describeReal('hostile inputs on n8n %s', (line) => {
	let emulator: Emulator;
	let host: HostileServer;
	let ctx: N8nContext & { dispose(): void };
	const credential = () => clovaCredential(emulator.invokeUrl, SECRET);

	beforeAll(async () => {
		emulator = await startEmulator({ secretKey: SECRET });
		host = await startHostileServer(PNG);
		ctx = await setUpN8n(line, { packages: [real!], credentials: [credential()] });
		// A request that got past the guard would reach the hostile server, never the network.
		ctx.env.HTTP_PROXY = host.url;
		ctx.env.HTTPS_PROXY = host.url;
		ctx.env.NO_PROXY = '127.0.0.1,localhost';
		// n8n 2.x's egress filter takes the instance's ranges: one range the node's own check allows.
		ctx.env.N8N_SSRF_BLOCKED_IP_RANGES = 'default,203.0.114.0/24';
	}, TIMEOUT_MS);

	beforeEach(() => host.reset());

	afterAll(async () => {
		ctx?.dispose();
		await emulator?.close();
		await host?.close();
	});

	it(
		'refuses metadata, private and loopback URLs before any connection, and stops endless bodies and gzip bombs',
		async () => {
			const at = (path: string) => `${host.url}${path}`;
			const port = host.port;
			const cases: Array<UrlCase & { error?: string }> = [
				{
					url: 'http://169.254.169.254/latest/meta-data/',
					error:
						'The Image URL points at a link-local address (169.254.0.0/16, where cloud metadata services answer)',
				},
				{
					url: 'http://10.0.0.7/id.png',
					error: 'The Image URL points at a private network address (RFC 1918)',
				},
				{
					url: 'http://[fd00::7]/id.png',
					error: 'The Image URL points at a unique-local address (fc00::/7)',
				},
				{
					url: `http://2130706433:${port}/image.png?form=decimal`,
					error: 'The Image URL points at a loopback address (127.0.0.0/8)',
				},
				{
					url: `http://[::ffff:127.0.0.1]:${port}/image.png?form=mapped`,
					error:
						'The Image URL points at a loopback address (127.0.0.0/8), written as an IPv4-mapped IPv6 address',
				},
				{
					url: `http://localhost:${port}/image.png?form=localhost`,
					error: 'The Image URL points at a localhost name',
				},
				{
					url: at('/endless'),
					allowPrivateHosts: true,
					error: "The file at the Image URL is over this node's limit of 52,428,800 bytes (50 MiB)",
				},
				{
					url: at('/gzip-bomb'),
					allowPrivateHosts: true,
					error: "The file at the Image URL is over this node's limit of 52,428,800 bytes (50 MiB)",
				},
				{
					url: at('/hops/5'),
					allowPrivateHosts: true,
					error: 'The Image URL redirected more than 5 times',
				},
				{ url: at('/hops/2'), allowPrivateHosts: true },
				line === 'v2'
					? {
							// Allowed by the node's own ranges, blocked by n8n's egress filter (enforced).
							url: 'http://203.0.114.9/id.png',
							error:
								"The Image URL points at a host that n8n's egress filter blocks (its name resolves to a private, loopback, link-local or reserved address, or it is on the instance's deny-list)",
						}
					: {
							// n8n 1.x resolves nothing itself: a public name (answered by the proxy) that redirects to metadata.
							url: 'http://images.example.test/to-metadata',
							error:
								"The Image URL's redirect (hop 1) points at a link-local address (169.254.0.0/16, where cloud metadata services answer)",
						},
			];
			const run = await runWorkflow(
				ctx,
				urlWorkflow(`e2eHostile${line}01`, cases, 60_000, credential()),
			);
			const items = nodeItems(run, 'CLOVA OCR');
			expect(items.map(({ json }) => json.error ?? json.documentType)).toEqual(
				cases.map(({ error }) => error ?? 'idCard'),
			);
			for (const { error } of cases.slice(0, 6)) expect(error).toBeDefined();
			// No refused URL reached the server, directly or through the proxy.
			expect(host.log.requests.filter((request) => request.includes('form='))).toEqual([]);
			expect(host.log.requests.filter((request) => request.startsWith('http://'))).toEqual(
				line === 'v2' ? [] : ['http://images.example.test/to-metadata'],
			);
			await host.closed('/endless');
			await host.closed('/gzip-bomb');
			expect([...host.log.closedEarly].sort()).toEqual(['/endless', '/gzip-bomb']);
			expect(host.log.bytesWritten.get('/endless')).toBeLessThan(60 * MiB);
			expect(host.log.bytesWritten.get('/gzip-bomb')).toBeLessThan(2 * MiB);
			// Only the one image that was allowed reached CLOVA OCR.
			expect(emulator.requests).toHaveLength(1);
		},
		TIMEOUT_MS,
	);

	it(
		'gives up on a silent host after Options > Timeout',
		async () => {
			const run = await runWorkflow(
				ctx,
				urlWorkflow(
					`e2eHostile${line}02`,
					[{ url: `${host.url}/silent`, allowPrivateHosts: true }],
					1_000,
					credential(),
				),
			);
			expect(nodeItems(run, 'CLOVA OCR').map(({ json }) => json.error)).toEqual([
				'The download from the Image URL took longer than Options > Timeout (1000 ms)',
			]);
			await host.closed('/silent');
			expect(host.log.closedEarly.has('/silent')).toBe(true);
		},
		TIMEOUT_MS,
	);

	it(
		'sends nothing to where a redirecting Invoke URL points',
		async () => {
			const target = await startCountingServer();
			const redirecting = await startRedirectingServer(307, `${target.url}/stolen`);
			const redirected = clovaCredential(
				`${redirecting.url}/custom/v1/1/key`,
				SECRET,
				'clovaE2eRedir001',
				'CLOVA OCR redirecting',
			);
			try {
				await importCredentials(ctx, [redirected]);
				const run = await runWorkflow(
					ctx,
					urlWorkflow(
						`e2eHostile${line}03`,
						[{ url: `${host.url}/image.png`, allowPrivateHosts: true }],
						60_000,
						redirected,
					),
				);
				expect(nodeItems(run, 'CLOVA OCR').map(({ json }) => json.error)).toEqual([
					'The Invoke URL answered with a redirect (HTTP 307), which the node does not follow',
				]);
				expect(redirecting.requests).toBe(1);
				expect(target.requests).toEqual([]);
			} finally {
				await redirecting.close();
				await target.close();
			}
		},
		TIMEOUT_MS,
	);

	it(
		'fails an item closed on answers that are not the documented JSON, naming no content',
		async () => {
			const answers = await startAnsweringServer({
				// An unterminated string of escaped quotes: what made the old repair regex backtrack for seconds.
				escapes: { status: 200, body: '"' + '\\"'.repeat(40 * 1024) },
				cut: { status: 200, body: '{"images": [{"inferResult": "SUCCESS", "name": "x",' },
				page: {
					status: 200,
					body: '<html>secret-looking 800101-1234567</html>',
					contentType: 'text/html',
				},
			});
			try {
				const credentials = ['escapes', 'cut', 'page'].map((key, i) =>
					clovaCredential(
						`${answers.url}/${key}/custom/v1/1/key`,
						SECRET,
						`clovaE2eAnswer0${i}`,
						`CLOVA OCR hostile answer ${key}`,
					),
				);
				await importCredentials(ctx, credentials);
				const errors: unknown[] = [];
				for (const [i, answered] of credentials.entries()) {
					const run = await runWorkflow(
						ctx,
						urlWorkflow(
							`e2eHostile${line}0${5 + i}`,
							[{ url: `${host.url}/image.png`, allowPrivateHosts: true }],
							60_000,
							answered,
						),
					);
					errors.push(...nodeItems(run, 'CLOVA OCR').map(({ json }) => json.error));
				}
				const notJson =
					'CLOVA OCR sent a response that does not fit the documented shape: the body is not JSON';
				expect(errors).toEqual([notJson, notJson, notJson]);
				expect(answers.requests.map((path) => path.split('/')[1])).toEqual([
					'escapes',
					'cut',
					'page',
				]);
			} finally {
				await answers.close();
			}
		},
		TIMEOUT_MS,
	);

	it(
		"tells the truth through the editor's Test button (POST /rest/credentials/test)",
		async () => {
			const clovaError = (code: string, status = 400) => ({
				status,
				body: JSON.stringify({ code, message: 'x', path: '/', timestamp: 1 }),
			});
			const answers = await startAnsweringServer({
				quota: clovaError('0023'),
				domain: clovaError('0022'),
				html404: { status: 404, body: '<html>Not Found</html>', contentType: 'text/html' },
				plain: { status: 200, body: 'hello', contentType: 'text/plain' },
				fault: { status: 503, body: '<html>Service Unavailable</html>', contentType: 'text/html' },
			});
			const target = await startCountingServer();
			const redirecting = await startRedirectingServer(307, `${target.url}/stolen`);
			const server = await startN8n(ctx);
			try {
				const session = await setUpOwner(server);
				const test = async (invokeUrl: string, secretKey = SECRET) =>
					await testCredentialThroughRest(session, {
						...credential(),
						data: { invokeUrl, secretKey },
					});
				const verdicts = [
					await test(emulator.invokeUrl),
					await test(emulator.invokeUrl, 'not-the-secret'),
					await test(`${emulator.url}/custom/v1/99999/nosuchkey`),
					await test(`${answers.url}/domain`),
					await test(`${answers.url}/quota`),
					await test(`${answers.url}/html404`),
					await test(`${answers.url}/plain`),
					await test(`${answers.url}/fault`),
					await test(`${redirecting.url}/custom/v1/1/key`),
					await test('http://clova.example.test/custom/v1/1/key'),
				];
				expect(verdicts).toEqual([
					{
						status: 'OK',
						message: 'Connection successful: CLOVA OCR accepted the Invoke URL and the Secret Key',
					},
					{
						status: 'Error',
						message:
							'CLOVA OCR rejected the Secret Key (error 0002). Copy the Secret Key generated for this domain in the NAVER Cloud console.',
					},
					{
						status: 'Error',
						message: `CLOVA OCR does not know this Invoke URL (error 0001). ${COPY_INVOKE_URL}`,
					},
					{
						status: 'Error',
						message: `CLOVA OCR does not know this Invoke URL (error 0022). ${COPY_INVOKE_URL}`,
					},
					{
						status: 'Error',
						message:
							"The Invoke URL and the Secret Key are right, but the domain's API request quota is used up (error 0023), so every run would fail. Raise the quota in the NAVER Cloud console, or wait until it resets.",
					},
					{
						status: 'Error',
						message: `The Invoke URL was not found (HTTP 404). ${COPY_INVOKE_URL}`,
					},
					{
						status: 'Error',
						message: `The Invoke URL did not answer like CLOVA OCR (HTTP 200, no CLOVA OCR error code in the body). ${COPY_INVOKE_URL}`,
					},
					{
						status: 'Error',
						message:
							'CLOVA OCR answered HTTP 503, a fault on its side, so the credential could not be checked. Try again in a few minutes.',
					},
					{
						status: 'Error',
						message: `The Invoke URL answered with a redirect (HTTP 307). Redirects are not followed, so the Secret Key is not sent on. ${COPY_INVOKE_URL}`,
					},
					{
						status: 'Error',
						message:
							'The Invoke URL must start with https://. Plain http:// is only accepted for local test servers (localhost, 127.0.0.1). Copy the Invoke URL from the NAVER Cloud console (CLOVA OCR > your domain > API Gateway integration) into the CLOVA OCR API credential.',
					},
				]);
				expect(redirecting.requests).toBe(1);
				expect(target.requests).toEqual([]);
				// The plain-http Invoke URL was refused before sending: nothing reached the proxy.
				expect(host.log.requests).toEqual([]);
			} finally {
				await server.stop();
				await answers.close();
				await redirecting.close();
				await target.close();
			}
		},
		TIMEOUT_MS,
	);
});
