/**
 * Runs a command to completion, capturing its output; fails with the output's tail on a non-zero exit.
 *
 * The command's standard output and error go to files, never to pipes. n8n prints a run and then
 * calls `process.exit`: what a full pipe still held back is lost, so a large run came through cut
 * off mid-JSON with exit code 0 whenever the reader fell behind (CI, a busy machine). Node writes
 * to files synchronously, so all of it lands.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunOptions {
	readonly cwd?: string;
	readonly env?: NodeJS.ProcessEnv;
	/** kill the command (its whole process group) after this many ms */
	readonly timeoutMs?: number;
	/** called with the command's pid as soon as it has started (e.g. to watch its memory) */
	readonly onSpawn?: (pid: number) => void;
}

export interface RunResult {
	readonly stdout: string;
	readonly stderr: string;
	/** the exit code; -1 when a signal ended the command */
	readonly code: number;
}

export class CommandError extends Error {
	constructor(
		message: string,
		readonly result: RunResult,
	) {
		super(message);
		this.name = 'CommandError';
	}
}

/**
 * The caller's environment without npm's `npm_*` variables. Under `npm run`/`npx`, they carry
 * the repo's .npmrc (ignore-scripts, legacy-peer-deps) into every child npm: installs outside
 * the repo must not inherit them.
 */
export function envWithoutNpmConfig(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	const clean: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(env)) {
		if (!key.toLowerCase().startsWith('npm_')) clean[key] = value;
	}
	return clean;
}

function tail(text: string, lines = 40): string {
	return text.split('\n').slice(-lines).join('\n');
}

type RunOutput = Pick<RunResult, 'stdout' | 'stderr'>;

/** Two files for a command's output, read (and removed) once it has closed them. */
function outputFiles(): {
	stdoutFd: number;
	stderrFd: number;
	read: () => RunOutput;
	remove: () => void;
} {
	const dir = mkdtempSync(join(tmpdir(), 'run-command-'));
	const stdoutFile = join(dir, 'stdout');
	const stderrFile = join(dir, 'stderr');
	const remove = () => rmSync(dir, { recursive: true, force: true });
	return {
		stdoutFd: openSync(stdoutFile, 'w'),
		stderrFd: openSync(stderrFile, 'w'),
		read: () => {
			try {
				return {
					stdout: readFileSync(stdoutFile, 'utf8'),
					stderr: readFileSync(stderrFile, 'utf8'),
				};
			} finally {
				remove();
			}
		},
		remove,
	};
}

export function runCommand(
	command: string,
	args: readonly string[],
	options: RunOptions = {},
): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const files = outputFiles();
		let child: ReturnType<typeof spawn>;
		try {
			child = spawn(command, args, {
				cwd: options.cwd,
				env: options.env ?? process.env,
				stdio: ['ignore', files.stdoutFd, files.stderrFd],
				detached: true,
			});
		} catch (error) {
			files.remove();
			throw error;
		} finally {
			// the child holds its own copies
			closeSync(files.stdoutFd);
			closeSync(files.stderrFd);
		}
		if (child.pid !== undefined) options.onSpawn?.(child.pid);
		let timedOut = false;
		const timer =
			options.timeoutMs === undefined
				? undefined
				: setTimeout(() => {
						timedOut = true;
						try {
							if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
						} catch {
							// already gone
						}
					}, options.timeoutMs);
		let settled = false;
		child.on('error', (error) => {
			if (timer) clearTimeout(timer);
			if (settled) return;
			settled = true;
			files.remove();
			reject(error);
		});
		child.on('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			if (settled) return;
			settled = true;
			const result: RunResult = { ...files.read(), code: code ?? -1 };
			if (code === 0) {
				resolve(result);
				return;
			}
			const why = timedOut
				? `timed out after ${options.timeoutMs} ms`
				: `exited with ${code ?? signal}`;
			reject(
				new CommandError(
					`${command} ${args.join(' ')} ${why}\n--- stdout (tail)\n${tail(result.stdout)}\n--- stderr (tail)\n${tail(result.stderr)}`,
					result,
				),
			);
		});
	});
}
