import { log } from './log';

/**
 * Runs a long-lived script: `main` starts things and returns how to stop them; Ctrl-C or
 * SIGTERM runs that once and exits 0. A failure to start is printed and exits 1.
 */
export function runUntilSignal(main: () => Promise<() => Promise<void>>): void {
	main()
		.then((stopAll) => {
			let stopping = false;
			const stop = async () => {
				if (stopping) return;
				stopping = true;
				await stopAll();
				process.exit(0);
			};
			process.on('SIGINT', () => void stop());
			process.on('SIGTERM', () => void stop());
		})
		.catch((error: unknown) => {
			log(error instanceof Error ? (error.stack ?? error.message) : String(error));
			process.exit(1);
		});
}
