/**
 * `n8n execute --id <id> --rawOutput` with the n8n process's peak resident set size
 * (VmHWM in /proc, Linux), sampled until it exits. Its output is captured as `runCommand`
 * captures every command's: through files, so a large run is never cut off.
 */
import { readFileSync } from 'node:fs';
import type { N8nContext } from '../n8n/n8n-context';
import { CommandError, runCommand, type RunResult } from '../n8n/run-command';

export interface MeasuredRun {
	readonly stdout: string;
	readonly stderr: string;
	/** n8n's exit code; -1 when a signal (the timeout) ended it */
	readonly code: number;
	/** Peak RSS of n8n's own process (not the task runner it may start), in bytes. */
	readonly peakRssBytes: number;
}

function highWaterMark(pid: number): number | undefined {
	try {
		const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : undefined;
	} catch {
		return undefined; // exited
	}
}

export async function executeMeasured(
	ctx: N8nContext,
	workflowId: string,
	env: NodeJS.ProcessEnv = {},
	timeoutMs = 600_000,
	/** Called with n8n's pid once it has started (e.g. to watch its memory in a phase of the run). */
	onSpawn?: (pid: number) => void,
): Promise<MeasuredRun> {
	let peak = 0;
	let sample: NodeJS.Timeout | undefined;
	const watch = (pid: number): void => {
		sample = setInterval(() => (peak = Math.max(peak, highWaterMark(pid) ?? 0)), 25);
		onSpawn?.(pid);
	};
	let result: RunResult;
	try {
		result = await runCommand(
			ctx.n8n.node,
			[ctx.n8n.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'],
			{
				cwd: ctx.folder.root,
				env: { ...ctx.env, N8N_LOG_LEVEL: 'info', ...env },
				timeoutMs,
				onSpawn: watch,
			},
		);
	} catch (error) {
		if (!(error instanceof CommandError)) throw error;
		result = error.result;
	} finally {
		clearInterval(sample);
	}
	return { ...result, peakRssBytes: peak };
}
