/**
 * A real n8n editor with this package installed, for trying the node by hand:
 *
 *   npx tsx tools/n8n/start-n8n.ts [--line v2|v1] [--port 5678] [--no-build]
 *        [--invoke-url URL --secret-key KEY]   (imports a "CLOVA OCR e2e" credential)
 *
 * Prints the URL and the owner's login, and stops n8n (and everything it started) on Ctrl-C.
 * The user folder is a temp dir, removed on exit unless --keep.
 */
import { parseArgs, stringOption } from './cli-args';
import { log, timingSummary } from './log';
import { startN8n } from './n8n-server';
import { setUpOwner, TEST_OWNER } from './n8n-rest';
import { prepareInstance } from './prepare-instance';
import { runUntilSignal } from './run-until-signal';
import { parseLine } from './versions';

async function main(): Promise<() => Promise<void>> {
	const args = parseArgs(process.argv.slice(2));
	const invokeUrl = stringOption(args, 'invoke-url');
	const secretKey = stringOption(args, 'secret-key');
	const { ctx, pkg } = await prepareInstance({
		line: parseLine(stringOption(args, 'line') ?? process.env.N8N_LINE),
		port: Number(stringOption(args, 'port') ?? 5678),
		build: args.options['no-build'] !== true,
		clova: invokeUrl && secretKey ? { invokeUrl, secretKey } : undefined,
	});
	const server = await startN8n(ctx);
	await setUpOwner(server);
	log(`timings:\n${timingSummary()}`);
	log(`n8n ${ctx.n8n.pin.n8n} with ${pkg.name}@${pkg.version}: ${server.url}`);
	log(
		`login: ${TEST_OWNER.email} / ${TEST_OWNER.password}; user folder ${ctx.folder.root}; log ${server.logFile}`,
	);
	log(`files the Read/Write Files node may read: ${ctx.folder.filesDir}`);
	return async () => {
		await server.stop();
		if (args.options.keep !== true) ctx.folder.remove();
	};
}

runUntilSignal(main);
