/**
 * `n8n start` in the background on 127.0.0.1, in its own process group, with its output in
 * a log file; stopped with SIGTERM to the whole group (then SIGKILL), leaving no strays.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timed } from './log';
import { pollUntil } from './poll';
import { stopGroup } from './process-group';
import { choosePortsAgain, lostPortRace, PORT_RACE_ATTEMPTS, type N8nContext } from './n8n-context';

export interface RunningN8n {
	/** http://127.0.0.1:<port> */
	readonly url: string;
	/** pid of n8n, also its process group id */
	readonly pid: number;
	readonly logFile: string;
	/** stops n8n and every process it started; resolves once they are all gone */
	stop(): Promise<void>;
}

function logTail(file: string, lines = 40): string {
	try {
		return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

export interface StartOptions {
	readonly timeoutMs?: number;
	readonly env?: NodeJS.ProcessEnv;
}

/** `n8n start`; a start that lost its ports to another process starts again on new ports. */
export async function startN8n(ctx: N8nContext, options: StartOptions = {}): Promise<RunningN8n> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await startN8nOnce(ctx, options);
		} catch (error) {
			const message = error instanceof Error ? error.message : '';
			if (attempt >= PORT_RACE_ATTEMPTS || !lostPortRace(message)) throw error;
			await choosePortsAgain(ctx, 'n8n start lost a port to another process');
		}
	}
}

async function startN8nOnce(ctx: N8nContext, options: StartOptions): Promise<RunningN8n> {
	const url = `http://127.0.0.1:${ctx.port}`;
	const logFile = join(ctx.folder.root, `n8n-start-${Date.now()}.log`);
	const out = openSync(logFile, 'a');
	const child = spawn(ctx.n8n.node, [ctx.n8n.n8nBin, 'start'], {
		cwd: ctx.folder.root,
		env: { ...ctx.env, N8N_LOG_LEVEL: 'info', ...options.env },
		stdio: ['ignore', out, out],
		detached: true,
	});
	closeSync(out);
	const pid = child.pid;
	if (pid === undefined) throw new Error('n8n start did not start');
	let exited: string | null = null;
	const exitPromise = new Promise<void>((resolve) => {
		child.on('exit', (code, signal) => {
			exited = `exited with ${code ?? signal}`;
			resolve();
		});
	});

	const stop = async (): Promise<void> => {
		await timed('stop n8n', async () => {
			await stopGroup(pid, 'n8n');
			// the group is gone; let node see n8n's exit (bounded, and no timer left behind)
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([
				exitPromise,
				new Promise<void>((resolve) => (timer = setTimeout(resolve, 5_000))),
			]);
			clearTimeout(timer);
		});
	};

	try {
		await timed(`start n8n on ${url}`, async () => {
			const ready = async () => {
				if (exited) throw new Error(`n8n start ${exited}:\n${logTail(logFile)}`);
				try {
					// readiness turns true before the REST controllers are mounted (1.x): wait for both
					const readiness = await fetch(`${url}/healthz/readiness`, {
						signal: AbortSignal.timeout(2_000),
					});
					const settings = readiness.ok
						? await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(2_000) })
						: undefined;
					return settings?.ok === true;
				} catch {
					return false; // not listening yet
				}
			};
			if (!(await pollUntil(ready, options.timeoutMs ?? 180_000, 500)))
				throw new Error(`n8n did not get ready in time:\n${logTail(logFile)}`);
		});
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, pid, logFile, stop };
}
