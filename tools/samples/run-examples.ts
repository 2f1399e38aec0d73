/**
 * Imports every example workflow (examples/*.json) into a real n8n with this package
 * installed, as shipped and then with its placeholders filled in, and executes the ones that
 * need no outside service against the local CLOVA emulator with the sample cards:
 *
 *   npx tsx tools/samples/run-examples.ts [--line v2|v1] [--no-build] [--keep]
 *
 * Each example's CLOVA OCR node refers to the credential of its product's domain (one CLOVA
 * domain serves one product): ID cards, business registration, receipt, General OCR and
 * Template OCR each have one, pointing at the emulator's domain for that product.
 *
 * read-id-card, driver-license-renewal-check and batch-from-folder run headlessly
 * (`n8n execute`); id-card-to-google-sheets is only imported (no Google account here);
 * store-redacted-copy runs with its Google Sheets node disabled, and its written copy is
 * opened with sharp (same size, masked boxes black, no EXIF). business-registration-to-google-
 * sheets, receipt-to-expense-row and form-template-to-google-sheets run with their Google
 * Sheets node disabled, contract-pdf-to-summary with its LLM chain and OpenAI model disabled
 * (a disabled node passes its input on), each checked on the sample's key facts. In every
 * run, each `$json.<key>` an expression uses must be a key of the items that reach its node.
 * Prints what each run produced and exits 1 when something is not as expected.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { RESIDENT_CARD_GEOMETRY } from '../clova-emulator/specimen-geometry';
import { parseArgs, stringOption } from '../n8n/cli-args';
import { log, timingSummary } from '../n8n/log';
import { executeWorkflow, importWorkflow, nodeItems, type RawRun, type WorkflowInput } from '../n8n/n8n-cli';
import { parseLine } from '../n8n/versions';
import {
	EXAMPLE_PRODUCT,
	EXAMPLES,
	exampleCredentialReferences,
	localizeExample,
	PLACEHOLDERS,
	prepareExamplesInstance,
	runnableExample,
	type ExampleName,
	type ExampleNode,
} from './examples';

const failures: string[] = [];

function expect(what: string, ok: boolean, detail: unknown): void {
	log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
	if (!ok) failures.push(what);
}

function items(run: RawRun, node: string, output = 0): Array<Record<string, unknown>> {
	return nodeItems(run, node, output).map((item) => item.json);
}

/** Runs one example's checks; an error (a failed run, a node that did not run) is a FAIL. */
async function section(name: ExampleName, body: () => Promise<void>): Promise<void> {
	try {
		await body();
	} catch (error) {
		expect(`${name}: runs`, false, error instanceof Error ? error.message.split('\n').slice(0, 8).join(' | ') : String(error));
	}
}

const JSON_KEY = /\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"])(.*?)\2\s*\])/g;
const BINARY_KEY = /\$binary(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"])(.*?)\2\s*\])/g;

/** The `$json.<key>` / `$json['<key>']` (or `$binary`) keys the expressions in `value` read. */
function keysRead(value: unknown, pattern: RegExp): string[] {
	if (typeof value === 'string') {
		if (!value.startsWith('=')) return [];
		return [...value.matchAll(pattern)].map((m) => m[1] ?? m[3]);
	}
	if (Array.isArray(value)) return value.flatMap((inner) => keysRead(inner, pattern));
	if (value && typeof value === 'object') return Object.values(value).flatMap((inner) => keysRead(inner, pattern));
	return [];
}

/** The (node, output) pairs whose items reach `target`'s main input. */
function feeders(workflow: WorkflowInput, target: string): Array<[string, number]> {
	const found: Array<[string, number]> = [];
	for (const [source, kinds] of Object.entries(workflow.connections)) {
		const outputs = (kinds as { main?: Array<Array<{ node: string }> | null> }).main ?? [];
		outputs.forEach((connections, output) => {
			if (connections?.some((c) => c.node === target)) found.push([source, output]);
		});
	}
	return found;
}

/**
 * Each key an expression reads from `$json` (or `$binary`) is on every item that reaches its
 * node in this run: a misspelled key would otherwise only show as an empty cell in Sheets.
 */
function checkExpressionKeys(name: ExampleName, workflow: WorkflowInput, result: RawRun): void {
	const notes: string[] = [];
	let ok = true;
	for (const node of workflow.nodes as ExampleNode[]) {
		if (node.type === 'n8n-nodes-base.stickyNote') continue;
		const jsonKeys = [...new Set(keysRead(node.parameters, JSON_KEY))];
		const binaryKeys = [...new Set(keysRead(node.parameters, BINARY_KEY))];
		if (jsonKeys.length + binaryKeys.length === 0) continue;
		for (const [source, output] of feeders(workflow, node.name)) {
			const input = nodeItems(result, source, output);
			const missing = [
				...jsonKeys.filter((key) => input.some((item) => !(key in item.json))),
				...binaryKeys.filter((key) => input.some((item) => !(key in (item.binary ?? {})))).map((key) => `$binary.${key}`),
			];
			if (input.length === 0 || missing.length > 0) ok = false;
			notes.push(
				`${node.name} ← ${source}[${output}]: ${input.length} item(s), ${jsonKeys.length + binaryKeys.length} key(s)` +
					(missing.length > 0 ? `, missing ${missing.join(', ')}` : ' found'),
			);
		}
	}
	if (notes.length > 0) expect(`${name}: expression keys exist`, ok, notes.join('; '));
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const instance = await prepareExamplesInstance({
		line: parseLine(stringOption(args, 'line') ?? process.env.N8N_LINE),
		build: args.options['no-build'] !== true,
	});
	const { ctx, emulator, filesDir, samples: copied, cardsDir, cards } = instance;
	try {
		log(`samples in ${filesDir}: ${copied.join(', ')}`);
		log(`cards in ${cardsDir}: ${cards.join(', ')}`);
		for (const name of EXAMPLES) expect(`${name}: imports as shipped and localized`, true, 'import:workflow exit 0');
		for (const name of EXAMPLES) {
			const expected = PLACEHOLDERS.credentials[EXAMPLE_PRODUCT[name]];
			const references = exampleCredentialReferences(name);
			expect(
				`${name}: refers to its ${EXAMPLE_PRODUCT[name]} credential`,
				references.length > 0 && references.every((r) => JSON.stringify(r) === JSON.stringify(expected)),
				references,
			);
		}

		/** The localized example (as users run it), executed. */
		const run = async (name: ExampleName): Promise<RawRun> => {
			const workflow = localizeExample(name, { filesDir, cardsDir });
			const result = await executeWorkflow(ctx, workflow.id);
			log(`${name}: ran ${Object.keys(result.data.resultData.runData).join(' → ')}`);
			checkExpressionKeys(name, workflow, result);
			return result;
		};
		/** The example with the nodes that need an outside service disabled, imported and executed. */
		const runDisabled = async (name: ExampleName): Promise<RawRun> => {
			const workflow = runnableExample(name, filesDir);
			await importWorkflow(ctx, workflow);
			const result = await executeWorkflow(ctx, workflow.id);
			const disabled = (workflow.nodes as ExampleNode[]).filter((n) => n.disabled).map((n) => n.name);
			log(`${name}: ran ${Object.keys(result.data.resultData.runData).join(' → ')} (disabled: ${disabled.join(', ')})`);
			checkExpressionKeys(name, workflow, result);
			return result;
		};

		// read-id-card: one item per field, the registration number masked
		await section('read-id-card', async () => {
			const fields = items(await run('read-id-card'), 'CLOVA OCR');
			const byField = Object.fromEntries(fields.map((f) => [f.field, f.value]));
			expect('read-id-card: field items', fields.length >= 5, fields.map((f) => `${f.field}=${f.value}`).join(' | '));
			expect('read-id-card: name', byField.name === '홍길동', byField.name);
			expect('read-id-card: RRN masked', byField.personalNum === '800101-1******', byField.personalNum);
		});

		// driver-license-renewal-check: one document, routed by renewalOverdue / needsReview
		await section('driver-license-renewal-check', async () => {
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
		});

		// batch-from-folder: every card in the folder of cards, the unreadable one on the error
		// output, a CSV on disk
		await section('batch-from-folder', async () => {
			const result = await run('batch-from-folder');
			const docs = items(result, 'CLOVA OCR', 0);
			const errors = items(result, 'CLOVA OCR', 1);
			expect(
				'batch-from-folder: success output',
				docs.length === cards.length - 1,
				docs.map((d) => `${String(d.imageName)}:${String(d.documentType)}`).join(' '),
			);
			expect('batch-from-folder: error output', errors.length === 1 && typeof errors[0]?.error === 'string', errors);
			const csvPath = join(cardsDir, 'id-cards.csv');
			const csv = existsSync(csvPath) ? readFileSync(csvPath, 'utf8') : '';
			const lines = csv.trim().split('\n');
			expect('batch-from-folder: CSV written', lines.length === docs.length + 1, `${lines.length} lines; header ${lines[0]}`);
			expect('batch-from-folder: needs attention', items(result, 'Needs attention').length === 1, 'one item');
		});

		// store-redacted-copy: the copy on disk, the back digits black; Sheets disabled (no account)
		await section('store-redacted-copy', async () => {
			const result = await runDisabled('store-redacted-copy');
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
		});

		// business-registration-to-google-sheets: the sample certificate, on the business
		// registration domain; Sheets disabled (no account)
		await section('business-registration-to-google-sheets', async () => {
			const name = 'business-registration-to-google-sheets';
			const docs = items(await runDisabled(name), 'CLOVA OCR');
			const [doc] = docs;
			expect(`${name}: one document`, docs.length === 1 && doc?.documentType === 'businessRegistration', docs.map((d) => d.documentType));
			expect(`${name}: registration number`, doc?.registerNumber === '201-86-12345', doc?.registerNumber);
			expect(`${name}: representative's number masked`, doc?.socialNumber === '800101-1******', doc?.socialNumber);
			expect(`${name}: valid, no warnings or notes`, doc?.valid === true && doc?.warnings === '' && doc?.notes === '', {
				valid: doc?.valid,
				warnings: doc?.warnings,
				notes: doc?.notes,
				needsReview: doc?.needsReview,
			});
		});

		// receipt-to-expense-row: the sample receipt, on the receipt domain, to the Expense row
		// fields; Sheets disabled (no account)
		await section('receipt-to-expense-row', async () => {
			const name = 'receipt-to-expense-row';
			const result = await runDisabled(name);
			const docs = items(result, 'CLOVA OCR');
			const [doc] = docs;
			const facts = {
				store: doc?.['storeInfo.name'],
				date: doc?.['paymentInfo.date'],
				total: doc?.total,
				itemsTotal: doc?.itemsTotal,
			};
			expect(
				`${name}: document`,
				docs.length === 1 &&
					facts.store === '견본마트' &&
					facts.date === '2020-04-16' &&
					facts.total === 19350 &&
					facts.itemsTotal === 19350,
				facts,
			);
			const rows = items(result, 'Expense row');
			const [row] = rows;
			expect(
				`${name}: Expense row`,
				rows.length === 1 &&
					row?.Store === '견본마트' &&
					row?.Date === '2020-04-16' &&
					row?.Total === 19350 &&
					row?.['Items Total'] === 19350 &&
					row?.Receipt === doc?.imageName,
				row,
			);
		});

		// contract-pdf-to-summary: one item per page of the sample PDF on the General OCR domain,
		// joined into one; the LLM chain and its OpenAI model disabled (no key)
		await section('contract-pdf-to-summary', async () => {
			const name = 'contract-pdf-to-summary';
			const result = await runDisabled(name);
			const pages = items(result, 'CLOVA OCR');
			expect(
				`${name}: one item per page`,
				pages.length === 3 && pages.every((p, i) => p.pageIndex === i && typeof p.text === 'string'),
				pages.map((p) => `page ${String(p.pageIndex)}: ${String(p.lineCount)} lines, ${String(p.wordCount)} words`).join(' | '),
			);
			const page3 = String(pages.find((p) => p.pageIndex === 2)?.text ?? '');
			const number = /900101\S*(?:\s\S+)?/.exec(page3)?.[0];
			expect(`${name}: page 3's registration number masked`, page3 !== '' && !page3.includes('1234567'), number ?? '(no 900101 on page 3)');
			const joined = items(result, 'Join pages');
			const joinedPages = joined[0]?.pages;
			expect(
				`${name}: Join pages`,
				joined.length === 1 &&
					Array.isArray(joinedPages) &&
					joinedPages.length === 3 &&
					joinedPages.every((text, i) => text === pages[i]?.text),
				`${joined.length} item(s), pages: ${Array.isArray(joinedPages) ? joinedPages.length : typeof joinedPages}`,
			);
		});

		// form-template-to-google-sheets: the sample form on the Template OCR domain, template
		// 390, one item per document; Sheets disabled (no account)
		await section('form-template-to-google-sheets', async () => {
			const name = 'form-template-to-google-sheets';
			const docs = items(await runDisabled(name), 'CLOVA OCR');
			const [doc] = docs;
			expect(`${name}: one document, template 390`, docs.length === 1 && doc?.templateId === 390, {
				items: docs.length,
				templateId: doc?.templateId,
				templateName: doc?.templateName,
			});
			expect(`${name}: checkboxes as booleans`, doc?.['숙박 필요'] === true && doc?.['법인카드 사용'] === false, {
				'숙박 필요': doc?.['숙박 필요'],
				'법인카드 사용': doc?.['법인카드 사용'],
			});
			const front = doc?.['주민등록번호 앞자리'];
			const back = doc?.['주민등록번호 뒷자리'];
			expect(
				`${name}: split registration number masked`,
				front === '900101' && back === '1******' && !JSON.stringify(doc).includes('1234567'),
				{ '주민등록번호 앞자리': front, '주민등록번호 뒷자리': back },
			);
		});

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
	log(
		`all ${EXAMPLES.length} examples imported; read-id-card, driver-license-renewal-check, batch-from-folder, store-redacted-copy, ` +
			'business-registration-to-google-sheets, receipt-to-expense-row, contract-pdf-to-summary and form-template-to-google-sheets ran as expected',
	);
}

main().catch((error: unknown) => {
	log(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exit(1);
});
