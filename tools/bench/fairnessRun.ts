/**
 * Fairness: single cards posted to a webhook while one large batch runs in the same n8n
 * process (regular mode), both sending to the same domain and so sharing its limiter. Each
 * single card's time is compared with the same upload on an idle service: taking turns
 * with the batch, it waits a slot or two; queued behind the batch, it would wait for all of it.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import type { Emulator } from '../clova-emulator';
import { importWorkflow, runN8n, type CredentialInput } from '../n8n/n8n-cli';
import type { N8nContext } from '../n8n/n8n-context';
import { startN8n } from '../n8n/n8n-server';
import { untilWebhooksServed } from '../n8n/webhooks';
import {
	clovaBatchWebhookWorkflow,
	clovaWebhookWorkflow,
	percentile,
	postUpload,
} from './webhookBurst';

export interface FairnessFigures {
	readonly batchItems: number;
	readonly batchMs: number;
	readonly batchFailed: number;
	readonly singles: number;
	readonly singlesFailed: number;
	/** A single card's time on an idle service: n8n's own cost plus one call. */
	readonly idleP50Ms: number;
	readonly duringP50Ms: number;
	readonly duringP95Ms: number;
	readonly duringMaxMs: number;
}

export async function runFairness(
	ctx: N8nContext,
	emulator: Emulator,
	credential: CredentialInput,
	fileSelector: string,
	batchItems: number,
	concurrency: number,
	file: Buffer,
	singles: number,
	progress: (line: string) => void,
): Promise<FairnessFigures> {
	const workflows = [
		clovaBatchWebhookWorkflow(
			'benchFairBatch01',
			'fair-batch',
			credential,
			fileSelector,
			concurrency,
		),
		clovaWebhookWorkflow('benchFairSingle1', 'fair-single', credential),
	];
	for (const workflow of workflows) {
		await importWorkflow(ctx, workflow);
		await runN8n(ctx, ['publish:workflow', `--id=${workflow.id}`]);
	}
	const server = await startN8n(ctx);
	try {
		const url = (path: string) => `${server.url}/webhook/${path}`;
		await untilWebhooksServed(server.url, ['fair-batch', 'fair-single']);
		progress(`fairness: ${singles} single cards on an idle service...`);
		emulator.reset();
		const idle: number[] = [];
		for (let i = 0; i < singles; i++)
			idle.push((await postUpload(url('fair-single'), file, `idle-${i}.jpg`)).ms);
		progress(`fairness: ${singles} single cards during a batch of ${batchItems}...`);
		emulator.reset();
		const batchStarted = performance.now();
		const batch = fetch(url('fair-batch'), { method: 'POST' }).then(async (response) => {
			const items = (await response.json()) as Array<Record<string, unknown>>;
			return {
				ms: performance.now() - batchStarted,
				failed: Array.isArray(items)
					? batchItems - items.filter((item) => item.documentType !== undefined).length
					: batchItems,
			};
		});
		// The batch has learned the cap and fills its queue; then a card arrives every 500 ms.
		await sleep(2000);
		const during: Array<Promise<{ ok: boolean; ms: number }>> = [];
		for (let i = 0; i < singles; i++) {
			during.push(postUpload(url('fair-single'), file, `during-${i}.jpg`));
			await sleep(500);
		}
		const results = await Promise.all(during);
		const batchResult = await batch;
		const times = results.map((r) => r.ms).sort((a, b) => a - b);
		idle.sort((a, b) => a - b);
		return {
			batchItems,
			batchMs: batchResult.ms,
			batchFailed: batchResult.failed,
			singles,
			singlesFailed: results.filter((r) => !r.ok).length,
			idleP50Ms: percentile(idle, 0.5),
			duringP50Ms: percentile(times, 0.5),
			duringP95Ms: percentile(times, 0.95),
			duringMaxMs: times[times.length - 1],
		};
	} finally {
		await server.stop();
	}
}
