/** Progress lines and step timings, printed to stderr so stdout stays for results. */

export function log(message: string): void {
	process.stderr.write(`[n8n-e2e] ${message}\n`);
}

export interface StepTiming {
	readonly step: string;
	readonly ms: number;
}

const timings: StepTiming[] = [];

/** Runs `fn`, prints how long it took, and records it for `timingSummary()`. */
export async function timed<T>(step: string, fn: () => Promise<T>): Promise<T> {
	const start = Date.now();
	try {
		return await fn();
	} finally {
		const ms = Date.now() - start;
		timings.push({ step, ms });
		log(`${step}: ${formatMs(ms)}`);
	}
}

export function formatMs(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function recordedTimings(): readonly StepTiming[] {
	return timings;
}

export function timingSummary(): string {
	return timings.map((t) => `  ${t.step.padEnd(48)} ${formatMs(t.ms)}`).join('\n');
}
