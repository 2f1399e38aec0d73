/**
 * Runs the CLOVA OCR emulator until SIGINT/SIGTERM:
 *   npx tsx tools/clova-emulator/cli.ts --port 8080 --secret s3cret --latency 300 --cap 8 --fault-rate 0.2
 * Prints one line, `CLOVA emulator listening on <invokeUrl>`, and nothing else unless --verbose.
 */
import { CLI_USAGE, parseCliArgs } from './cli-args';
import { startEmulator, type Emulator } from './emulator';
import { EmulatorOptionsError } from './emulator-options';

async function main(): Promise<void> {
	let emulator: Emulator;
	try {
		const settings = parseCliArgs(process.argv.slice(2), process.env);
		if (settings.help) {
			process.stdout.write(`${CLI_USAGE}\n`);
			return;
		}
		const logger = settings.verbose
			? (line: string): void => void process.stderr.write(`${line}\n`)
			: null;
		emulator = await startEmulator({ ...settings.options, logger });
	} catch (error: unknown) {
		if (!(error instanceof EmulatorOptionsError)) throw error;
		process.stderr.write(`${error.message}\n${CLI_USAGE}\n`);
		process.exitCode = 2;
		return;
	}
	const running = emulator;
	process.stdout.write(`CLOVA emulator listening on ${running.invokeUrl}\n`);

	let stopping = false;
	const stop = (): void => {
		if (stopping) return;
		stopping = true;
		running.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`CLOVA emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
	);
	process.exit(1);
});
