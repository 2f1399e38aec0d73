/**
 * Where a queue-mode webhook burst's time goes: `npx tsx tools/bench/queueTimeline.ts` (after
 * `npm run build`). Starts queue mode (tools/n8n/queue-mode.ts: Redis, Postgres, a main and
 * QUEUE_WORKERS workers, binary data in the database), posts BURST uploads at once, with no
 * cap and under the cap, RUNS times each, and prints per second of the burst: the calls that
 * reached the service, how many it refused, and how full the cap was (accepted request-seconds
 * in that second). Knobs: BURST=200 CAP=8 LATENCY_MS=300 QUEUE_WORKERS=2 RUNS=2.
 */
import { join } from 'node:path';

import { startEmulator, type Emulator } from '../clova-emulator';
import { installCommunityPackage } from '../n8n/install-community-package';
import { clovaCredential } from '../n8n/n8n-cli';
import { createContext } from '../n8n/n8n-context';
import { packRepo } from '../n8n/pack-package';
import { provideN8n } from '../n8n/provide-n8n';
import { startQueueMode } from '../n8n/queue-mode';
import { jpegBytes } from './imageFiles';
import { clovaWebhookWorkflow, postBurst, type BurstFigures } from './webhookBurst';

const knob = (name: string, fallback: number) => {
	const value = Number(process.env[name]);
	return Number.isInteger(value) && value > 0 ? value : fallback;
};
const BURST = knob('BURST', 200);
const CAP = knob('CAP', 8);
const LATENCY_MS = knob('LATENCY_MS', 300);
const WORKERS = knob('QUEUE_WORKERS', 2);
const RUNS = knob('RUNS', 2);
const SECRET = 'timeline-secret-7d1e';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** One line per second since the burst began: calls / refused / cap occupancy. */
function timeline(emulator: Emulator, burstStartedAt: number, figures: BurstFigures): string {
	const calls = emulator.requests.filter((r) => r.path.endsWith('/document/id-card'));
	const seconds: string[] = [];
	for (let from = 0; from < figures.wallMs; from += 1000) {
		const to = from + 1000;
		const arrived = calls.filter((r) => {
			const at = r.receivedAt - burstStartedAt;
			return at >= from && at < to;
		});
		let busyMs = 0;
		for (const call of calls) {
			if (call.errorCode !== null) continue;
			const start = call.receivedAt - burstStartedAt;
			const end = start + (call.durationMs ?? 0);
			busyMs += Math.max(0, Math.min(end, to) - Math.max(start, from));
		}
		const refused = arrived.filter((r) => r.errorCode === '0025').length;
		seconds.push(`${from / 1000}s ${arrived.length}/${refused}/${(busyMs / 1000).toFixed(1)}`);
	}
	return seconds.join('  ');
}

async function main(): Promise<void> {
	const emulator = await startEmulator({
		secretKey: SECRET,
		latencyMs: LATENCY_MS,
		concurrencyCap: CAP,
	});
	const n8n = await provideN8n('v2');
	const ctx = await createContext(n8n);
	try {
		const pkg = await packRepo(join(ctx.folder.root, 'pack'), { build: false });
		await installCommunityPackage(ctx, pkg);
		const credential = clovaCredential(emulator.invokeUrl, SECRET, 'timelineCred0001');
		const queue = await startQueueMode(ctx, {
			workers: WORKERS,
			credentials: [credential],
			workflows: [clovaWebhookWorkflow('timelineBurst001', 'timeline-burst', credential)],
		});
		try {
			const url = `${queue.main.url}/webhook/timeline-burst`;
			const bytes = jpegBytes(4096);
			await postBurst(url, bytes, 4, emulator); // warm-up on both workers
			process.stdout.write(
				`queue mode, ${WORKERS} workers, ${BURST} uploads at once, latency ${LATENCY_MS} ms; per second of the burst: calls that reached the service / refused (0025) / cap occupancy\n`,
			);
			for (let run = 1; run <= RUNS; run++) {
				for (const cap of [null, CAP]) {
					emulator.configure({ concurrencyCap: cap });
					const startedAt = Date.now();
					const figures = await postBurst(url, bytes, BURST, emulator);
					process.stdout.write(
						`run ${run}, ${cap === null ? 'no cap' : `cap ${cap}`}: ${seconds(figures.wallMs)}, failed ${figures.failed}, refused ${figures.refusals}, p50 ${seconds(figures.p50Ms)}, p95 ${seconds(figures.p95Ms)}\n  ${timeline(emulator, startedAt, figures)}\n`,
					);
				}
			}
		} finally {
			await queue.stop();
		}
	} finally {
		ctx.folder.remove();
		await emulator.close();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
