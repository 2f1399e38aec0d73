export interface BackoffSettings {
	/** The wait before the first retry, at most. */
	readonly baseMs: number;
	/** No wait grows past this. */
	readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 250, maxMs: 30_000 };

/**
 * Exponential backoff with "equal jitter": the step doubles with every retry,
 * half of it is always waited and the other half scaled by `random` (0 to 1),
 * so requests that failed together do not come back together.
 */
export function backoffDelayMs(
	retryNumber: number,
	settings: BackoffSettings,
	random: number,
): number {
	const step = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.max(0, retryNumber - 1));
	return Math.round(step / 2 + (step / 2) * Math.min(1, Math.max(0, random)));
}
