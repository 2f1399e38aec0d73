/**
 * Imports every example workflow (examples/*.json) into a real n8n with this package
 * installed, as shipped and then with its placeholders filled in, and executes the ones that
 * need no outside service against the local CLOVA emulator with the sample cards:
 *
 *   npx tsx tools/samples/run-examples.ts [--line v2|v1] [--no-build] [--keep]
 *
 * read-id-card, driver-license-renewal-check and batch-from-folder run headlessly
 * (`n8n execute`); id-card-to-google-sheets is only imported (no Google account here);
 * store-redacted-copy runs with its Google Sheets node disabled, and its written copy is
 * opened with sharp (same size, masked boxes black, no EXIF).
 * Prints what each run produced and exits 1 when something is not as expected.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { RESIDENT_CARD_GEOMETRY } from '../clova-emulator/specimen-geometry';
import { parseArgs, stringOption } from '../n8n/cli-args';
import { log, timingSummary } from '../n8n/log';
import { executeWorkflow, importWorkflow, nodeItems, type RawRun } from '../n8n/n8n-cli';
import { parseLine } from '../n8n/versions';
import { EXAMPLES, localizeExample, prepareExamplesInstance, runnableStoreRedactedCopy, type ExampleName } from './examples';

const failures: string[] = [];

function expect(what: string, ok: boolean, detail: unknown): void {
	log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
	if (!ok) failures.push(what);
}

function items(run: RawRun, node: string, output = 0): Array<Record<string, unknown>> {
	return nodeItems(run, node, output).map((item) => item.json);
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const instance = await prepareExamplesInstance({
		line: parseLine(stringOption(args, 'line') ?? process.env.N8N_LINE),
		build: args.options['no-build'] !== true,
	});
	const { ctx, emulator, filesDir, samples: copied } = instance;
	try {
		log(`samples in ${filesDir}: ${copied.join(', ')}`);
		for (const name of EXAMPLES) expect(`${name}: imports as shipped and localized`, true, 'import:workflow exit 0');

		const run = async (name: ExampleName): Promise<RawRun> => {
			const result = await executeWorkflow(ctx, localizeExample(name, { filesDir }).id);
			log(`${name}: ran ${Object.keys(result.data.resultData.runData).join(' → ')}`);
			return result;
		};

		// read-id-card: one item per field, the registration number masked
		{
			const fields = items(await run('read-id-card'), 'CLOVA OCR');
			const byField = Object.fromEntries(fields.map((f) => [f.field, f.value]));
			expect('read-id-card: field items', fields.length >= 5, fields.map((f) => `${f.field}=${f.value}`).join(' | '));
			expect('read-id-card: name', byField.name === '홍길동', byField.name);
			expect('read-id-card: RRN masked', byField.personalNum === '800101-1******', byField.personalNum);
		}

		// driver-license-renewal-check: one document, routed by renewalOverdue / needsReview
		{
			const result = await run('driver-license-renewal-check');
			const [doc] = items(result, 'CLOVA OCR');
			expect('driver-license-renewal-check: document', doc?.documentType === 'driverLicense', doc);
			const overdue = items(result, 'Overdue or needs review?', 0).length;
			const valid = items(result, 'Overdue or needs review?', 1).length;
			const expectedBranch = doc?.renewalOverdue === true || doc?.needsReview === true ? 'overdue' : 'valid';
			expect(
				'driver-license-renewal-check: IF branch',
				expectedBranch === 'overdue' ? overdue === 1 && valid === 0 : overdue === 0 && valid === 1,
				{ renewalOverdue: doc?.renewalOverdue, needsReview: doc?.needsReview, true: overdue, false: valid },
			);
			const reached = Object.keys(result.data.resultData.runData);
			expect('driver-license-renewal-check: NoOp reached', reached.includes(expectedBranch === 'overdue' ? 'Renew or review' : 'Valid'), reached);
		}

		// batch-from-folder: every sample, the unreadable one on the error output, a CSV on disk
		{
			const result = await run('batch-from-folder');
			const docs = items(result, 'CLOVA OCR', 0);
			const errors = items(result, 'CLOVA OCR', 1);
			expect(
				'batch-from-folder: success output',
				docs.length === copied.length - 1,
				docs.map((d) => `${String(d.imageName)}:${String(d.documentType)}`).join(' '),
			);
			expect('batch-from-folder: error output', errors.length === 1 && typeof errors[0]?.error === 'string', errors);
			const csvPath = join(filesDir, 'id-cards.csv');
			const csv = existsSync(csvPath) ? readFileSync(csvPath, 'utf8') : '';
			const lines = csv.trim().split('\n');
			expect('batch-from-folder: CSV written', lines.length === docs.length + 1, `${lines.length} lines; header ${lines[0]}`);
			expect('batch-from-folder: needs attention', items(result, 'Needs attention').length === 1, 'one item');
		}

		// store-redacted-copy: the copy on disk, the back digits black; Sheets disabled (no account)
		{
			const runnable = runnableStoreRedactedCopy(filesDir);
			await importWorkflow(ctx, runnable);
			const result = await executeWorkflow(ctx, runnable.id);
			const [doc] = items(result, 'CLOVA OCR');
			expect('store-redacted-copy: redaction', doc?.redaction === 'applied', doc?.redaction);
			const copy = join(filesDir, 'resident-card-redacted.jpg');
			const written = existsSync(copy) ? readFileSync(copy) : undefined;
			expect('store-redacted-copy: copy written', written !== undefined, copy);
			if (written) {
				const meta = await sharp(written).metadata();
				expect('store-redacted-copy: same size, no EXIF', meta.width === 856 && meta.height === 540 && !meta.exif, [meta.width, meta.height, !!meta.exif]);
				const [x0, y0, x1, y1] = RESIDENT_CARD_GEOMETRY.personalNum.masked!;
				const { data } = await sharp(written).extract({ left: x0, top: y0, width: x1 - x0, height: y1 - y0 }).raw().toBuffer({ resolveWithObject: true });
				expect('store-redacted-copy: back digits black', Math.max(...data) <= 8, `max channel ${Math.max(...data)}`);
			}
		}

		const summary = emulator.requests.map((r) => `${r.imageName ?? '?'}→${r.scenario ?? '?'}(${r.scenarioSource ?? '?'})`);
		log(`emulator answered ${summary.length} requests: ${summary.join(', ')}`);
	} finally {
		log(`timings:\n${timingSummary()}`);
		if (args.options.keep === true) log(`kept ${ctx.folder.root}`);
		await instance.dispose(args.options.keep === true);
	}
	if (failures.length > 0) {
		log(`${failures.length} check(s) failed: ${failures.join('; ')}`);
		process.exit(1);
	}
	log('all examples imported; read-id-card, driver-license-renewal-check, batch-from-folder and store-redacted-copy ran as expected');
}

main().catch((error: unknown) => {
	log(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exit(1);
});
