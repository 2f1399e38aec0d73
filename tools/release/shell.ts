import { spawnSync } from 'node:child_process';

export function commandLine(command: string, args: readonly string[]): string {
	return [command, ...args]
		.map((part) => (/^[\w./:@=+-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`))
		.join(' ');
}

function failure(
	command: string,
	args: readonly string[],
	status: number | null,
	signal: NodeJS.Signals | null,
	stderr = '',
): Error {
	const how = status === null ? `killed by ${signal ?? 'a signal'}` : `exit ${status}`;
	const detail = stderr.trim() ? `\n${stderr.trim()}` : '';
	return new Error(`${commandLine(command, args)} failed (${how})${detail}`);
}

/** Runs a command with its output on the terminal; throws when it fails. */
export function runShown(command: string, args: readonly string[], cwd: string): void {
	console.log(`$ ${commandLine(command, args)}`);
	const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
	if (result.error) throw result.error;
	if (result.status !== 0) throw failure(command, args, result.status, result.signal);
}

export interface CapturedRun {
	readonly status: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Runs a command quietly and returns what it printed, whatever its exit status. */
export function runCaptured(command: string, args: readonly string[], cwd: string): CapturedRun {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (result.error) throw result.error;
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command quietly and returns its stdout; throws (with its stderr) when it fails. */
export function runCapturedOrThrow(command: string, args: readonly string[], cwd: string): string {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (result.error) throw result.error;
	if (result.status !== 0)
		throw failure(command, args, result.status, result.signal, result.stderr);
	return result.stdout;
}
