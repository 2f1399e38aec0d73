/**
 * Runs the CLOVA OCR emulator until SIGINT/SIGTERM:
 *   npx tsx tools/clova-emulator/cli.ts --port 8080 --secret s3cret --latency 300 --cap 8 --fault-rate 0.2
 * Prints `CLOVA emulator listening on <invokeUrl>` (the ID-card domain), then one line per
 * product's domain, `  <product> <path> <invokeUrl>`, and nothing else unless --verbose.
 */
import { CLI_USAGE, parseCliArgs } from './cli-args';
import { startEmulator, type Emulator } from './emulator';
import { EmulatorOptionsError } from './emulator-options';
import { PRODUCT_INFO, PRODUCTS } from './products';

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
	const width = Math.max(...PRODUCTS.map((product) => product.length));
	const pathWidth = Math.max(...PRODUCTS.map((product) => PRODUCT_INFO[product].path.length));
	process.stdout.write(
		[
			`CLOVA emulator listening on ${running.invokeUrl}`,
			...PRODUCTS.map(
				(product) =>
					`  ${product.padEnd(width)}  ${PRODUCT_INFO[product].path.padEnd(pathWidth)}  ${running.invokeUrls[product]}`,
			),
		].join('\n') + '\n',
	);

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
