/**
 * Processes started detached lead their own process group: stopping the group stops every
 * process they started too. Used for `n8n start`, queue-mode workers, Redis and Postgres.
 */
import { log } from './log';
import { pollUntil } from './poll';

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
	const gone = () => !groupAlive(pgid);
	killGroup(pgid, 'SIGTERM');
	if (await pollUntil(gone, 30_000)) return;
	log(`${name} (group ${pgid}) still running 30 s after SIGTERM: SIGKILL`);
	killGroup(pgid, 'SIGKILL');
	await pollUntil(gone, Number.POSITIVE_INFINITY, 100);
}
