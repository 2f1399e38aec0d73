import * as workflow from 'n8n-workflow';

/** Waits `ms`, or less when `signal` aborts first; never rejects. */
export type AbortableSleep = (ms: number, signal: AbortSignal) => Promise<void>;

type SleepWithAbort = (ms: number, signal?: AbortSignal) => Promise<void>;

function aborted(signal: AbortSignal): Promise<void> {
	if (signal.aborted) return Promise.resolve();
	return new Promise((resolve) =>
		signal.addEventListener('abort', () => resolve(), { once: true }),
	);
}

/**
 * An abortable wait from n8n's own helpers: `sleepWithAbort` where the running n8n has it
 * (it clears its timer on abort); otherwise `sleep` raced with the signal, so the wait
 * still ends at once and only the idle timer runs on.
 */
export function abortableSleepFrom(helpers: {
	sleep: (ms: number) => Promise<void>;
	sleepWithAbort?: SleepWithAbort;
}): AbortableSleep {
	const { sleep, sleepWithAbort } = helpers;
	if (typeof sleepWithAbort === 'function') {
		return async (ms, signal) => {
			if (signal.aborted) return;
			await sleepWithAbort(ms, signal).catch(() => undefined);
		};
	}
	return async (ms, signal) => {
		if (signal.aborted) return;
		await Promise.race([sleep(ms), aborted(signal)]);
	};
}

/** The running n8n's helpers, feature-detected: n8n-workflow before 1.1xx has no sleepWithAbort. */
export const abortableSleep: AbortableSleep = abortableSleepFrom({
	sleep: workflow.sleep,
	sleepWithAbort: (workflow as { sleepWithAbort?: SleepWithAbort }).sleepWithAbort,
});
