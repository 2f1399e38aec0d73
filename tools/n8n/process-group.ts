/**
 * Processes started detached lead their own process group: stopping the group stops every
 * process they started too. Used for `n8n start`, queue-mode workers, Redis and Postgres.
 */
import { log } from './log';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function groupAlive(pgid: number): boolean {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pgid, signal);
	} catch {
		// the group is gone
	}
}

/** SIGTERM to the group, then SIGKILL if it still runs 30 s later; resolves once it is gone. */
export async function stopGroup(pgid: number, name: string): Promise<void> {
	killGroup(pgid, 'SIGTERM');
	const deadline = Date.now() + 30_000;
	while (groupAlive(pgid) && Date.now() < deadline) await sleep(200);
	if (groupAlive(pgid)) {
		log(`${name} (group ${pgid}) still running 30 s after SIGTERM: SIGKILL`);
		killGroup(pgid, 'SIGKILL');
		while (groupAlive(pgid)) await sleep(100);
	}
}
