/**
 * `n8n execute --id <id> --rawOutput` with the n8n process's peak resident set size
 * (VmHWM in /proc, Linux), sampled until it exits.
 *
 * n8n's standard output goes to a file, not a pipe: n8n 2.x prints the run through its logger
 * and then exits, and a run of 20,000 output items (15 MB) came through a pipe cut off
 * mid-JSON now and then (exit code 0). Writes to a file are synchronous in Node, so all of it lands.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
	const outDir = mkdtempSync(join(tmpdir(), 'n8n-execute-'));
	const outFile = join(outDir, 'stdout');
	const outFd = openSync(outFile, 'w');
	const cleanUp = () => rmSync(outDir, { recursive: true, force: true });
	const run = new Promise<MeasuredRun>((resolve, reject) => {
		const child = spawn(
			ctx.n8n.node,
			[ctx.n8n.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'],
			{
				cwd: ctx.folder.root,
				env: { ...ctx.env, N8N_LOG_LEVEL: 'info', ...env },
				stdio: ['ignore', outFd, 'pipe'],
				detached: true,
			},
		);
		closeSync(outFd);
		const pid = child.pid;
		if (pid === undefined) return reject(new Error('n8n execute did not start'));
		onSpawn?.(pid);
		const err: Buffer[] = [];
		child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
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
				stdout: readFileSync(outFile, 'utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				code,
				peakRssBytes: peak,
			});
		});
	});
	return run.finally(cleanUp);
}
