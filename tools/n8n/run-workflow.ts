/**
 * Runs a workflow file headlessly in a fresh n8n with this package installed, and prints
 * the run (`n8n execute --rawOutput`) as JSON on stdout:
 *
 *   npx tsx tools/n8n/run-workflow.ts workflow.json [--line v2|v1] [--no-build]
 *        [--invoke-url URL --secret-key KEY] [--files DIR] [--node NAME]
 *
 * The workflow needs an `id`; its clovaOcrApi credential reference should name
 * id "clovaE2eCred0001". --files lets the Read/Write Files node read DIR. --node prints only
 * that node's output items.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, stringOption } from './cli-args';
import { log, timingSummary } from './log';
import { executeWorkflow, importWorkflow, nodeOutput, type WorkflowInput } from './n8n-cli';
import { prepareInstance } from './prepare-instance';
import { parseLine } from './versions';

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const file = args.positional[0];
	if (!file)
		throw new Error(
			'usage: run-workflow.ts workflow.json [--line v2|v1] [--invoke-url URL --secret-key KEY]',
		);
	const workflow = JSON.parse(readFileSync(file, 'utf8')) as WorkflowInput;
	const invokeUrl = stringOption(args, 'invoke-url');
	const secretKey = stringOption(args, 'secret-key');
	const files = stringOption(args, 'files');
	const { ctx } = await prepareInstance({
		line: parseLine(stringOption(args, 'line') ?? process.env.N8N_LINE),
		build: args.options['no-build'] !== true,
		clova: invokeUrl && secretKey ? { invokeUrl, secretKey } : undefined,
		allowFileAccessTo: files ? [resolve(files)] : [],
	});
	try {
		await importWorkflow(ctx, workflow);
		const run = await executeWorkflow(ctx, workflow.id);
		const node = stringOption(args, 'node');
		process.stdout.write(`${JSON.stringify(node ? nodeOutput(run, node) : run, null, 2)}\n`);
	} finally {
		log(`timings:\n${timingSummary()}`);
		if (args.options.keep !== true) ctx.folder.remove();
	}
}

main().catch((error: unknown) => {
	log(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exit(1);
});
