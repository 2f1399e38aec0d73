/**
 * Runs the webhook bursts on one `n8n start` (regular mode): this node and the HTTP Request
 * node with Retry On Fail, at each burst size, and this node once more with no cap at all
 * (n8n's own floor: what the burst costs with an instant-enough service).
 */
import type { Emulator } from '../clova-emulator';
import { importWorkflow, runN8n, type CredentialInput } from '../n8n/n8n-cli';
import type { N8nContext } from '../n8n/n8n-context';
import { startN8n } from '../n8n/n8n-server';
import { untilWebhooksServed } from '../n8n/webhooks';
import { startQueueMode } from '../n8n/queue-mode';
import { countPoolWaits, logsSince, markLogs, type PoolWaitCount } from './queue/poolWaits';
import {
	clovaBatchWebhookWorkflow,
	clovaWebhookWorkflow,
	httpWebhookWorkflow,
	postBurst,
	type BurstFigures,
} from './webhookBurst';

export interface BurstRow {
	readonly label: string;
	readonly figures: BurstFigures;
}

export interface BurstResults {
	readonly rows: BurstRow[];
	/** Per burst size: this node with no cap. */
	readonly floors: Map<number, BurstFigures>;
}

export async function runWebhookBursts(
	ctx: N8nContext,
	emulator: Emulator,
	credential: CredentialInput,
	endpoint: string,
	bytes: Buffer,
	sizes: readonly number[],
	cap: number,
	progress: (line: string) => void,
): Promise<BurstResults> {
	const clova = clovaWebhookWorkflow('benchBurstClova1', 'burst-clova', credential);
	const http = httpWebhookWorkflow('benchBurstHttp01', 'burst-http', credential, endpoint);
	for (const workflow of [clova, http]) {
		await importWorkflow(ctx, workflow);
		await runN8n(ctx, ['publish:workflow', `--id=${workflow.id}`]);
	}
	const server = await startN8n(ctx);
	const rows: BurstRow[] = [];
	const floors = new Map<number, BurstFigures>();
	try {
		const burst = async (path: string, uploads: number) => {
			progress(`webhook burst: ${uploads} uploads to ${path}...`);
			return await postBurst(`${server.url}/webhook/${path}`, bytes, uploads, emulator);
		};
		await untilWebhooksServed(server.url, ['burst-clova', 'burst-http']);
		await burst('burst-clova', 4); // warm-up: the node loaded, the first executions done
		for (const uploads of sizes) {
			emulator.configure({ concurrencyCap: null });
			floors.set(uploads, await burst('burst-clova', uploads));
			emulator.configure({ concurrencyCap: cap });
			rows.push({
				label: `this node, ${uploads} uploads`,
				figures: await burst('burst-clova', uploads),
			});
			rows.push({
				label: `HTTP Request node (Retry On Fail 5 x 1 s), ${uploads} uploads`,
				figures: await burst('burst-http', uploads),
			});
		}
	} finally {
		await server.stop();
	}
	return { rows, floors };
}

export interface QueueModeFigures {
	readonly batchItems: number;
	readonly batchMs: number;
	readonly batchFailed: number;
	readonly batchRefusals: number;
	readonly burst: BurstFigures;
	/** The same burst with no cap: n8n's own floor in queue mode. */
	readonly burstFloor: BurstFigures;
	/** Postgres pool waits the main and the workers logged during the burst under the cap (queue/poolWaits.ts). */
	readonly burstPoolWaits: PoolWaitCount;
	readonly workers: number;
}

/**
 * The same shapes in queue mode: a main and `workers` workers (Redis, Postgres, binary data in
 * the database), a batch of `batchItems` files from the Read/Write Files node started by one
 * webhook call, then a burst of `uploads` uploads: first with no cap (queue mode's own
 * floor), then under the cap.
 */
export async function runQueueMode(
	ctx: N8nContext,
	emulator: Emulator,
	credential: CredentialInput,
	fileSelector: string,
	batchItems: number,
	concurrency: number,
	bytes: Buffer,
	uploads: number,
	workers: number,
	progress: (line: string) => void,
): Promise<QueueModeFigures> {
	const queue = await startQueueMode(ctx, {
		workers,
		credentials: [credential],
		workflows: [
			clovaBatchWebhookWorkflow(
				'benchQueueBatch1',
				'queue-batch',
				credential,
				fileSelector,
				concurrency,
			),
			clovaWebhookWorkflow('benchQueueBurst1', 'queue-burst', credential),
		],
	});
	try {
		const url = (path: string) => `${queue.main.url}/webhook/${path}`;
		await postBurst(url('queue-burst'), bytes, 4, emulator); // warm-up on both workers
		progress(`queue mode: batch of ${batchItems}...`);
		emulator.reset();
		const started = performance.now();
		const response = await fetch(url('queue-batch'), { method: 'POST' });
		const items = (await response.json()) as Array<Record<string, unknown>>;
		const batchMs = performance.now() - started;
		const batchFailed = Array.isArray(items)
			? batchItems - items.filter((item) => item.documentType !== undefined).length
			: batchItems;
		const batchRefusals = emulator.stats.byErrorCode['0025'] ?? 0;
		progress(`queue mode: burst of ${uploads}, no cap (the floor)...`);
		const cap = emulator.options.concurrencyCap;
		emulator.configure({ concurrencyCap: null });
		const burstFloor = await postBurst(url('queue-burst'), bytes, uploads, emulator);
		emulator.configure({ concurrencyCap: cap });
		progress(`queue mode: burst of ${uploads}...`);
		const logs = markLogs([
			{ where: 'main', file: queue.logFiles.main },
			...queue.logFiles.workers.map((file, i) => ({ where: `worker ${i + 1}`, file })),
		]);
		const burst = await postBurst(url('queue-burst'), bytes, uploads, emulator);
		const burstPoolWaits = countPoolWaits(logsSince(logs));
		return {
			batchItems,
			batchMs,
			batchFailed,
			batchRefusals,
			burst,
			burstFloor,
			burstPoolWaits,
			workers,
		};
	} finally {
		await queue.stop();
	}
}
