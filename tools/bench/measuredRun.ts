/**
 * `n8n execute --id <id> --rawOutput` with the n8n process's peak resident set size
 * (VmHWM in /proc, Linux), sampled until it exits.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { N8nContext } from '../n8n/n8n-context';

export interface MeasuredRun {
	readonly stdout: string;
	readonly stderr: string;
	readonly code: number | null;
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

export function executeMeasured(
	ctx: N8nContext,
	workflowId: string,
	env: NodeJS.ProcessEnv = {},
	timeoutMs = 600_000,
	/** Called with n8n's pid once it has started (e.g. to watch its memory in a phase of the run). */
	onSpawn?: (pid: number) => void,
): Promise<MeasuredRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			ctx.n8n.node,
			[ctx.n8n.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'],
			{
				cwd: ctx.folder.root,
				env: { ...ctx.env, N8N_LOG_LEVEL: 'info', ...env },
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			},
		);
		const pid = child.pid;
		if (pid === undefined) return reject(new Error('n8n execute did not start'));
		onSpawn?.(pid);
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
		let peak = 0;
		const sample = setInterval(() => (peak = Math.max(peak, highWaterMark(pid) ?? 0)), 25);
		const killer = setTimeout(() => {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// gone
			}
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearInterval(sample);
			clearTimeout(killer);
			resolve({
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				code,
				peakRssBytes: peak,
			});
		});
	});
}
