/** Runs a command to completion, capturing its output; fails with the output's tail on a non-zero exit. */
import { spawn } from 'node:child_process';

export interface RunOptions {
	readonly cwd?: string;
	readonly env?: NodeJS.ProcessEnv;
	/** kill the command (its whole process group) after this many ms */
	readonly timeoutMs?: number;
	/** write the command's output to this stream as it comes, besides capturing it */
	readonly echo?: NodeJS.WritableStream;
}

export interface RunResult {
	readonly stdout: string;
	readonly stderr: string;
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

export function runCommand(
	command: string,
	args: readonly string[],
	options: RunOptions = {},
): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => {
			out.push(chunk);
			options.echo?.write(chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			err.push(chunk);
			options.echo?.write(chunk);
		});
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
		child.on('error', (error) => {
			if (timer) clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			const result: RunResult = {
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				code: code ?? -1,
			};
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
