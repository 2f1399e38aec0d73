/**
 * The secret key and the recognized values must appear nowhere but in the requests to the
 * service and in the output fields meant to carry them (`text`, `value`): not in other
 * output fields, n8n's output, its debug log and log files, or the process's output.
 * Registration numbers are not exempt even in `text` and `value`: in default output they show
 * at most their first 7 digits, and the full number (noisy OCR text included) is nowhere.
 * Checked over the fault-injection batch and error paths in a real n8n, the package
 * installed as a community package (in n8n's engine: test/integration/leak.test.ts).
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeExecutionData } from 'n8n-workflow';

import {
	carriedValues,
	findLeaks,
	overlongRegistrationNumbers,
	recognizedValuesOf,
	withoutValueFields,
	type Text,
} from '../../tools/bench/leakCheck';
import { clovaWorkflow, CLOVA_NODE_NAME } from '../../tools/bench/workflows';
import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import { installCommunityPackage } from '../../tools/n8n/install-community-package';
import {
	clovaCredential,
	importCredentials,
	importWorkflow,
	runN8n,
	type RawRun,
} from '../../tools/n8n/n8n-cli';
import { createContext, type N8nContext } from '../../tools/n8n/n8n-context';
import { packRepo } from '../../tools/n8n/pack-package';
import { provideN8n } from '../../tools/n8n/provide-n8n';
import { CommandError } from '../../tools/n8n/run-command';
import { N8N_PINS } from '../../tools/n8n/versions';
import { batchImageName, clearFaults, configureFaults } from '../integration/batchScenarios';
import { noisyRegistrationNumberEdits, SERVED_NUMBERS } from '../integration/maskingEdits';
import { sampleFile } from '../integration/harness';

const SECRET = 'leak-secret-4e9a1c';
const WRONG_SECRET = 'leak-wrong-secret-77d2';
const SECRETS = [SECRET, WRONG_SECRET];
const VALUES = recognizedValuesOf(['ic-success', 'dl-success', 'infer-failure']);

/** Text files n8n wrote into its user folder (event logs and the like), not its database. */
function n8nLogFiles(dir: string): Text[] {
	const texts: Text[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) {
			if (name !== 'node_modules' && name !== 'nodes') texts.push(...n8nLogFiles(path));
		} else if (/\.log$/.test(name)) {
			texts.push({ where: `n8n log file ${name}`, text: readFileSync(path, 'utf8') });
		}
	}
	return texts;
}

/**
 * Splits the stdout of `n8n execute --rawOutput` at debug level into log lines and the
 * run: n8n prints the run through its logger, one colored line per line of JSON.
 */
function splitRun(stdout: string): { log: string; run: RawRun | null } {
	const lines = stdout.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
	const start = lines.findIndex((line) => line === '{' || /^[\d:.]+\s+info\s+\{$/.test(line));
	const end = lines.findIndex((line, i) => i > start && /^\}(\s+\{.*\})?$/.test(line));
	if (start < 0 || end < 0) return { log: lines.join('\n'), run: null };
	return {
		log: [...lines.slice(0, start), ...lines.slice(end + 1)].join('\n'),
		run: JSON.parse(`{\n${lines.slice(start + 1, end).join('\n')}\n}`) as RawRun,
	};
}

/** What `n8n execute` printed: the log lines as they are, the run with its value fields removed. */
function executeTexts(label: string, stdout: string, stderr: string): Text[] {
	const { log, run } = splitRun(stdout);
	return [
		{ where: `${label}: n8n stdout (log lines)`, text: log },
		{ where: `${label}: n8n stdout (run)`, text: JSON.stringify(withoutValueFields(run)) },
		{ where: `${label}: n8n stderr`, text: stderr },
	];
}

describe(`in a real n8n ${N8N_PINS.v2.n8n} (the package installed as a community package)`, () => {
	let emulator: Emulator;
	let ctx: N8nContext;

	beforeAll(async () => {
		emulator = await startEmulator({ secretKey: SECRET });
		ctx = await createContext(await provideN8n('v2'));
		const pkg = await packRepo(join(ctx.folder.root, 'pack'), { build: false });
		await installCommunityPackage(ctx, pkg);
		await importCredentials(ctx, [
			clovaCredential(emulator.invokeUrl, SECRET, 'leakCredGood0001'),
			clovaCredential(emulator.invokeUrl, WRONG_SECRET, 'leakCredWrong001'),
		]);
	}, 300_000);

	afterAll(async () => {
		ctx?.folder.remove();
		await emulator?.close();
	});

	async function execute(id: string): Promise<{ stdout: string; stderr: string }> {
		try {
			return await runN8n(ctx, ['execute', `--id=${id}`, '--rawOutput'], 300_000, {
				N8N_LOG_LEVEL: 'debug',
			});
		} catch (error) {
			if (error instanceof CommandError) return error.result;
			throw error;
		}
	}

	test('batch with faults, error output, wrong secret, 0500 every time: n8n output, log and run data are clean', async () => {
		const dir = join(ctx.folder.filesDir, 'leak');
		mkdirSync(dir, { recursive: true });
		for (let i = 0; i < 120; i++) writeFileSync(join(dir, batchImageName(i)), sampleFile('jpg'));
		const good = clovaCredential(emulator.invokeUrl, SECRET, 'leakCredGood0001');
		const wrong = clovaCredential(emulator.invokeUrl, WRONG_SECRET, 'leakCredWrong001');
		const fileSelector = `${dir}/*.jpg`;
		const runs = [
			{
				label: 'fault batch',
				workflow: clovaWorkflow({
					id: 'leakFaultBatch01',
					fileSelector,
					credential: good,
					concurrency: 8,
				}),
				scenario: null,
			},
			{
				label: 'error output',
				workflow: clovaWorkflow({
					id: 'leakErrorOutput1',
					fileSelector,
					credential: good,
					concurrency: 4,
					onError: 'continueErrorOutput',
				}),
				scenario: null,
			},
			{
				label: 'wrong secret',
				workflow: clovaWorkflow({
					id: 'leakWrongSecret1',
					fileSelector,
					credential: wrong,
					concurrency: 4,
					onError: 'stopWorkflow',
				}),
				scenario: null,
			},
			{
				label: '0500 every time',
				workflow: clovaWorkflow({
					id: 'leakServerError1',
					fileSelector,
					credential: good,
					concurrency: 4,
					maxRetries: 1,
					onError: 'stopWorkflow',
				}),
				scenario: 'server-error' as const,
			},
		];
		const texts: Text[] = [];
		let carried: string[] = [];
		for (const { label, workflow, scenario } of runs) {
			await importWorkflow(ctx, workflow);
			configureFaults(emulator);
			emulator.setScenario(scenario);
			const { stdout, stderr } = await execute(workflow.id);
			texts.push(...executeTexts(label, stdout, stderr));
			if (label === 'fault batch') {
				const run = splitRun(stdout).run;
				expect(run).not.toBeNull();
				const items = run?.data.resultData.runData[CLOVA_NODE_NAME]?.[0]?.data?.main?.[0] ?? [];
				carried = carriedValues(items as INodeExecutionData[]);
			}
		}
		texts.push(...n8nLogFiles(ctx.folder.n8nDir));

		expect(VALUES.filter((value) => carried.includes(value)).length).toBeGreaterThanOrEqual(3);
		expect(findLeaks(texts, SECRETS, VALUES)).toEqual([]);
	}, 600_000);

	test('registration numbers with OCR noise: at most 7 digits in text, value and document columns; the full number nowhere', async () => {
		const dir = join(ctx.folder.filesDir, 'leak-numbers');
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, '[scenario=ic-specimen] a.jpg'), sampleFile('jpg'));
		// The workflow recognizes ID cards: test/e2e/masking.test.ts has the driver's license.
		writeFileSync(join(dir, '[scenario=ic-specimen] b.jpg'), sampleFile('jpg'));
		const good = clovaCredential(emulator.invokeUrl, SECRET, 'leakCredGood0001');
		const texts: Text[] = [];
		const overlong: string[] = [];
		let items = 0;
		for (const [output, id] of [
			['fields', 'leakNumbersField'],
			['document', 'leakNumbersDocum'],
		] as const) {
			const workflow = clovaWorkflow({
				id,
				fileSelector: `${dir}/*.jpg`,
				credential: good,
				concurrency: 2,
				output,
				onError: 'stopWorkflow',
			});
			await importWorkflow(ctx, workflow);
			clearFaults(emulator);
			emulator.configure({ documentEdits: noisyRegistrationNumberEdits() });
			const { stdout, stderr } = await execute(workflow.id);
			const run = splitRun(stdout).run;
			expect(run).not.toBeNull();
			const outputItems = (run?.data.resultData.runData[CLOVA_NODE_NAME]?.[0]?.data?.main?.[0] ??
				[]) as INodeExecutionData[];
			items += outputItems.length;
			overlong.push(
				...overlongRegistrationNumbers(outputItems).map((where) => `${output}: ${where}`),
			);
			texts.push(
				{ where: `${output}: n8n stdout, the run with text and value`, text: stdout },
				{ where: `${output}: n8n stderr`, text: stderr },
			);
		}
		emulator.configure({ documentEdits: [] });
		texts.push(...n8nLogFiles(ctx.folder.n8nDir));

		// not vacuous: both cards read; per card 4 other fields, 13 personalNum values and
		// alienRegNumEtc as field items, and one document item
		expect(items).toBe(2 * (4 + 13 + 1) + 2);
		expect(overlong).toEqual([]);
		expect(findLeaks(texts, SECRETS, SERVED_NUMBERS)).toEqual([]);
	}, 600_000);
});
