/**
 * CPU-bound processes beside n8n (`node -e 'for(;;){}'`), each leading its own process group,
 * so a burst runs on a loaded machine. `stop()` kills every group (SIGKILL); so does this
 * process's exit, whatever ends it (the caller handles SIGINT/SIGTERM and exits).
 */
import { spawn } from 'node:child_process';

export interface BusyProcesses {
	readonly pids: readonly number[];
	stop(): void;
}

export const BUSY_SCRIPT = 'for(;;){}';

export function startBusyProcesses(count: number): BusyProcesses {
	const pids: number[] = [];
	const stop = () => {
		for (const pid of pids.splice(0)) {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
		process.removeListener('exit', stop);
	};
	process.on('exit', stop);
	try {
		for (let i = 0; i < count; i++) {
			const child = spawn(process.execPath, ['-e', BUSY_SCRIPT], {
				detached: true,
				stdio: 'ignore',
			});
			if (child.pid === undefined) throw new Error('a busy process did not start');
			child.unref();
			pids.push(child.pid);
		}
	} catch (error) {
		stop();
		throw error;
	}
	return {
		get pids() {
			return [...pids];
		},
		stop,
	};
}
