import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandError, runCommand } from '../run-command';

/** 4 MiB, far more than a pipe holds (64 KiB on Linux), then `process.exit` as n8n does. */
const SIZE = 4 * 1024 * 1024;
const PRINT_AND_EXIT = `
process.stdout.write('o'.repeat(${SIZE}) + '\\nEND\\n');
process.stderr.write('e'.repeat(${SIZE}) + '\\nEND\\n');
process.exit(Number(process.argv[1]));
`;

/** Blocks this thread until the process has exited (a zombie: state Z in /proc), so nothing of its output was read while it ran. */
function waitUntilExited(pid: number): void {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const state = /^\d+ \(.*\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];
		if (state === 'Z') return;
	}
	throw new Error(`process ${pid} did not exit within 60 s`);
}

function runUnread(code: number): Promise<unknown> {
	let pid: number | undefined;
	const running = runCommand(process.execPath, ['-e', PRINT_AND_EXIT, String(code)], {
		onSpawn: (spawned) => (pid = spawned),
	});
	if (pid === undefined) throw new Error('onSpawn was not called');
	waitUntilExited(pid);
	return running;
}

describe('runCommand: all of a command that prints much and exits at once', () => {
	test('exit 0: every byte of stdout and stderr, though the caller read nothing while it ran', async () => {
		const result = await runUnread(0);
		expect(result).toEqual({
			stdout: `${'o'.repeat(SIZE)}\nEND\n`,
			stderr: `${'e'.repeat(SIZE)}\nEND\n`,
			code: 0,
		});
	});

	test('a non-zero exit: a CommandError that holds all of the output', async () => {
		const error = await runUnread(3).catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(CommandError);
		const { result } = error as CommandError;
		expect(result.code).toBe(3);
		expect(result.stdout).toBe(`${'o'.repeat(SIZE)}\nEND\n`);
		expect(result.stderr).toBe(`${'e'.repeat(SIZE)}\nEND\n`);
	});

	test('a command past its time is killed and named so', async () => {
		const error = await runCommand(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
			timeoutMs: 300,
		}).catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(CommandError);
		expect((error as CommandError).message).toContain('timed out after 300 ms');
		expect((error as CommandError).result.code).toBe(-1);
	});

	test('a command that does not exist rejects with the spawn error', async () => {
		await expect(runCommand('/nonexistent/command', [])).rejects.toMatchObject({ code: 'ENOENT' });
	});

	describe('leaves no output files behind', () => {
		const outer = process.env.TMPDIR;
		let scratch: string;
		beforeEach(() => {
			scratch = mkdtempSync(join(tmpdir(), 'run-command-test-'));
			process.env.TMPDIR = scratch;
		});
		afterEach(() => {
			if (outer === undefined) delete process.env.TMPDIR;
			else process.env.TMPDIR = outer;
			rmSync(scratch, { recursive: true, force: true });
		});

		test.each([
			['after a run', () => runCommand(process.execPath, ['-e', 'console.log(1)'])],
			['after a failed run', () => runCommand(process.execPath, ['-e', 'process.exit(2)'])],
			['after a spawn error', () => runCommand('/nonexistent/command', [])],
			// a NUL in an argument: spawn throws before any process starts
			['after spawn threw', () => runCommand(process.execPath, ['a\0b'])],
		])('%s', async (_case, run) => {
			await run().catch(() => undefined);
			expect(readdirSync(scratch)).toEqual([]);
		});
	});
});
