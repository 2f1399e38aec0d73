/**
 * The node on n8n's distributed engine: queue mode with Redis, Postgres, a main and 2 workers,
 * binary data in the database (tools/n8n/queue-mode.ts). n8n 2.x only: queue mode is the
 * same mechanism in 1.x, and this suite starts 5 processes; the v1 line is covered in regular
 * mode by the other suites.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import { writeJpegs, jpegBytes } from '../../tools/bench/imageFiles';
import {
	clovaBatchWebhookWorkflow,
	clovaWebhookWorkflow,
	postBurst,
} from '../../tools/bench/webhookBurst';
import { installCommunityPackage } from '../../tools/n8n/install-community-package';
import { clovaCredential, type CredentialInput, type WorkflowInput } from '../../tools/n8n/n8n-cli';
import { createContext, type N8nContext } from '../../tools/n8n/n8n-context';
import { startQueueMode, type QueueMode } from '../../tools/n8n/queue-mode';
import {
	formatStoreCalls,
	STORE_CALL_KINDS,
	storeCallsDuring,
	totalStoreCalls,
	type MeasuredStoreCalls,
	type StoreCalls,
} from '../../tools/n8n/store-calls';
import { e2eState, providedN8n } from './harness';
import {
	headerAuthCredential,
	httpHeaderAuthUploadWorkflow,
	postFile,
	uploadAloneWorkflow,
} from './store-call-workflows';

const { lines, real } = e2eState();
const SECRET = 'queue-mode-secret-2b8e';
const BATCH = 40;
const BURST = 40;
const CAP = 4;
const LATENCY_MS = 100;
const TIMEOUT_MS = 10 * 60_000;

const run = real && lines.includes('v2') ? describe : describe.skip;

/**
 * The batch with settings.binaryMode "combined": after Read/Write Files, n8n moves each file
 * (stored in the database) to json._files.data, and CLOVA OCR is given n8n's path to it,
 * `_files.data`, which resolves only there.
 */
function combinedBatchWorkflow(credential: CredentialInput, files: string): WorkflowInput {
	const workflow = clovaBatchWebhookWorkflow(
		'queueBatchComb01',
		'queue-batch-combined',
		credential,
		files,
		16,
	);
	return {
		...workflow,
		name: `${workflow.name} (combined binary mode)`,
		nodes: (workflow.nodes as Array<Record<string, unknown>>).map((node) =>
			node.type === 'n8n-nodes-clova-ocr.clovaOcr'
				? {
						...node,
						parameters: {
							...(node.parameters as Record<string, unknown>),
							binaryPropertyName: '_files.data',
						},
					}
				: node,
		),
		settings: { ...(workflow.settings as Record<string, unknown>), binaryMode: 'combined' },
	};
}

/** `calls` less `base`, kind by kind: what one workflow's last node added to the upload alone. */
function beyond(calls: StoreCalls, base: StoreCalls): StoreCalls {
	return Object.fromEntries(
		STORE_CALL_KINDS.map((kind) => [kind, calls[kind] - base[kind]]),
	) as unknown as StoreCalls;
}

/** The batch's answer: every card read, in order. */
function expectBatchRead(items: Array<Record<string, unknown>>, emulator: Emulator): void {
	expect(items.map((item) => [item.imageName, item.documentType])).toEqual(
		Array.from({ length: BATCH }, (_, i) => [`card-${String(i).padStart(4, '0')}.jpg`, 'idCard']),
	);
	expect(emulator.stats.byStatus['200']).toBe(BATCH);
	const answered = emulator.requests.filter((request) => request.status === 200);
	expect(answered.every((request) => request.file?.length === 4096)).toBe(true);
}

run('queue mode on n8n v2: a main, 2 workers, Redis, Postgres, binary data in the database', () => {
	let emulator: Emulator;
	let ctx: N8nContext;
	let queue: QueueMode | undefined;

	beforeAll(async () => {
		emulator = await startEmulator({
			secretKey: SECRET,
			latencyMs: LATENCY_MS,
			concurrencyCap: CAP,
		});
		ctx = await createContext(providedN8n('v2'));
		await installCommunityPackage(ctx, real!);
		const credential = clovaCredential(emulator.invokeUrl, SECRET, 'queueClovaCred01');
		const headerAuth = headerAuthCredential(SECRET);
		const files = writeJpegs(join(ctx.folder.filesDir, 'batch'), BATCH, 4096);
		queue = await startQueueMode(ctx, {
			workers: 2,
			credentials: [credential, headerAuth],
			workflows: [
				clovaBatchWebhookWorkflow('queueBatchFlow01', 'queue-batch', credential, files, 16),
				combinedBatchWorkflow(credential, files),
				clovaWebhookWorkflow('queueUploadFlow1', 'queue-upload', credential),
				httpHeaderAuthUploadWorkflow(
					'queueUploadHttp1',
					'queue-upload-http',
					headerAuth,
					`${emulator.invokeUrl}/document/id-card`,
				),
				uploadAloneWorkflow('queueUploadNone1', 'queue-upload-alone'),
			],
			logStatements: true,
		});
	}, TIMEOUT_MS);

	afterAll(async () => {
		await queue?.stop();
		ctx?.folder.remove();
		await emulator?.close();
	}, TIMEOUT_MS);

	beforeEach(() => emulator.reset());

	test(
		'a batch read by the Read/Write Files node: every item read, in order, paired with its file',
		async () => {
			const response = await fetch(`${queue!.main.url}/webhook/queue-batch`, { method: 'POST' });
			expect(response.status).toBe(200);
			expectBatchRead((await response.json()) as Array<Record<string, unknown>>, emulator);
		},
		TIMEOUT_MS,
	);

	test(
		'the batch in combined binary mode: each file at json._files.data (in the database), read through that path',
		async () => {
			const response = await fetch(`${queue!.main.url}/webhook/queue-batch-combined`, {
				method: 'POST',
			});
			expect(response.status).toBe(200);
			const items = (await response.json()) as Array<Record<string, unknown>>;
			expectBatchRead(items, emulator);
			// document output without a redacted copy: no file out, so no _files on the items
			expect(items.filter((item) => '_files' in item)).toEqual([]);
		},
		TIMEOUT_MS,
	);

	test(
		'a webhook burst of uploads (binary data from the upload, in the database): every one read',
		async () => {
			const figures = await postBurst(
				`${queue!.main.url}/webhook/queue-upload`,
				jpegBytes(4096),
				BURST,
				emulator,
			);
			expect(figures.failed).toBe(0);
			expect(emulator.stats.byStatus['200']).toBe(BURST);
			const names = emulator.requests.filter((r) => r.status === 200).map((r) => r.imageName);
			expect(new Set(names)).toEqual(
				new Set(Array.from({ length: BURST }, (_, i) => `applicant-${i}.jpg`)),
			);
			// Two workers, each with its own limiter, meet at the cap: the refusals they absorb, and
			// how the executions split between them (n8n logs each one a worker starts).
			const perWorker = [1, 2].map(
				(i) =>
					(
						readFileSync(join(ctx.folder.root, `worker-${i}.log`), 'utf8').match(
							/started execution/gi,
						) ?? []
					).length,
			);
			process.stdout.write(
				`queue mode burst of ${BURST}, cap ${CAP}: ${(figures.wallMs / 1000).toFixed(2)} s, 0025 answers ${figures.refusals}, peak in flight ${emulator.stats.inFlightPeak}, executions started per worker (batch included) ${perWorker.join(' / ')}, p50 ${(figures.p50Ms / 1000).toFixed(2)} s, p95 ${(figures.p95Ms / 1000).toFixed(2)} s\n`,
			);
			expect(emulator.stats.inFlightPeak).toBeLessThanOrEqual(CAP);
			// Both workers were ready before the burst (startQueueMode waits for them): both took part.
			expect(perWorker.every((executions) => executions > 0)).toBe(true);
		},
		TIMEOUT_MS,
	);

	test(
		"n8n store calls per upload: the node beside n8n's HTTP Request node (Header Auth), one upload at a time",
		async () => {
			const file = jpegBytes(4096);
			// Each upload counted from quiet tables until they are quiet again (store-calls.ts).
			const measure = async (path: string, check: (body: string) => void) =>
				await storeCallsDuring(queue!.postgresLog, async () => {
					const answer = await postFile(`${queue!.main.url}/webhook/${path}`, file, 'card.jpg');
					expect(answer.status).toBe(200);
					check(answer.body);
				});
			const read = (body: string) =>
				expect(JSON.parse(body)).toMatchObject({ imageName: 'card.jpg', documentType: 'idCard' });
			const alone = await measure('queue-upload-alone', () => undefined);
			const node = await measure('queue-upload', read);
			emulator.enqueue('rate-limit');
			const retried = await measure('queue-upload', read);
			const http = await measure('queue-upload-http', (body) =>
				expect((JSON.parse(body) as { data: string }).data).toMatch(/"inferResult":\s*"SUCCESS"/),
			);
			// the node's upload, the refused one and its retry, HTTP Request's upload
			expect(emulator.requests.map((request) => request.status)).toEqual([200, 400, 200, 200]);

			const show = (name: string, measured: MeasuredStoreCalls) =>
				[
					`${name}: ${formatStoreCalls(measured.calls)}`,
					`  beyond the upload alone: ${formatStoreCalls(beyond(measured.calls, alone.calls))}`,
					...measured.statements.map((s) => `    ${s.replace(/\s+/g, ' ').slice(0, 160)}`),
				].join('\n');
			console.log(
				[
					'n8n store calls per upload (queue mode, binary data in Postgres, n8n 2.41.1):',
					show('upload alone (Webhook -> No Operation)', alone),
					show('CLOVA OCR node', node),
					show('CLOVA OCR node, sent again after a 0025 refusal', retried),
					show('HTTP Request node, Header Auth', http),
				].join('\n'),
			);

			// n8n's own around every upload: the file stored (INSERT), and the workflow's credentials
			// checked (2 statements without their data) when an execution starts.
			expect(alone.calls).toEqual({
				credentialLoad: 0,
				credentialOther: 0,
				binaryMetadata: 0,
				binaryRead: 0,
				binaryOther: 1,
			});
			// The node: the credential loaded once, the file's metadata and bytes read once, before
			// the CLOVA slot; a retry reuses all three.
			const once = {
				credentialLoad: 1,
				credentialOther: 2,
				binaryMetadata: 1,
				binaryRead: 1,
				binaryOther: 1,
			};
			expect([node.calls, retried.calls]).toEqual([once, once]);
			for (const measured of [node, retried])
				expect(totalStoreCalls(measured.calls)).toBeLessThanOrEqual(
					totalStoreCalls(http.calls) + 1,
				);
		},
		TIMEOUT_MS,
	);
});
