/** The one wait-until loop of the harness: n8n, its queue-mode processes and their webhooks. */
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Checks `condition` every `intervalMs` until it holds (true) or `timeoutMs` have passed
 * (false). A check that throws ends the wait with its error.
 */
export async function pollUntil(
	condition: () => boolean | Promise<boolean>,
	timeoutMs: number,
	intervalMs = 200,
): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await condition()) return true;
		if (Date.now() > deadline) return false;
		await sleep(intervalMs);
	}
}
