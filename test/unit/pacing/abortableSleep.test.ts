import * as workflow from 'n8n-workflow';

import { abortableSleep, abortableSleepFrom } from '../../../nodes/ClovaOcr/pacing/abortableSleep';

const never = () => new Promise<void>(() => undefined);

describe('abortableSleep', () => {
	test("with n8n's sleepWithAbort: it is used, and an abort ends the wait without an error", async () => {
		const calls: number[] = [];
		const sleep = abortableSleepFrom({
			sleep: never,
			sleepWithAbort: async (ms, signal) => {
				calls.push(ms);
				await new Promise<void>((_resolve, reject) =>
					signal?.addEventListener('abort', () => reject(new Error('cancelled'))),
				);
			},
		});
		const stop = new AbortController();
		const waiting = sleep(120_000, stop.signal);
		stop.abort();
		await expect(waiting).resolves.toBeUndefined();
		expect(calls).toEqual([120_000]);
	});

	test('without it (n8n-workflow 2.41 has none): sleep raced with the signal, so an abort still ends the wait', async () => {
		const sleep = abortableSleepFrom({ sleep: never });
		const stop = new AbortController();
		const waiting = sleep(120_000, stop.signal);
		stop.abort();
		await expect(waiting).resolves.toBeUndefined();
	});

	test('an already aborted signal does not wait at all', async () => {
		let slept = false;
		const sleep = abortableSleepFrom({ sleep: async () => void (slept = true) });
		await sleep(10, AbortSignal.abort());
		expect(slept).toBe(false);
	});

	test('without an abort it waits the time', async () => {
		const started = Date.now();
		await abortableSleep(30, new AbortController().signal);
		expect(Date.now() - started).toBeGreaterThanOrEqual(25);
	});

	test("the node's sleep: this n8n-workflow's sleepWithAbort, cut short by an abort", async () => {
		expect(typeof (workflow as { sleepWithAbort?: unknown }).sleepWithAbort).toBe('function');
		const stop = new AbortController();
		const started = Date.now();
		const waiting = abortableSleep(120_000, stop.signal);
		stop.abort();
		await waiting;
		expect(Date.now() - started).toBeLessThan(1000);
	});
});
