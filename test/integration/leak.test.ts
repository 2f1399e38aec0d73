/**
 * The secret key and the recognized values must appear nowhere but in the requests to the
 * service and in the output fields meant to carry them (`text`, `value`): not in other
 * output fields, error messages and descriptions, n8n's log, or the process's output.
 * Checked over the fault-injection batch and error paths in n8n's engine, and over the
 * same in a real n8n (when one is provided in the cache: tools/n8n/provide-n8n.ts).
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LoggerProxy, type INodeExecutionData } from 'n8n-workflow';

import { clovaWorkflow, CLOVA_NODE_NAME } from '../../tools/bench/workflows';
import { findLeaks, recognizedValuesOf, withoutValueFields, type Text } from '../../tools/bench/leakCheck';
import { installDir, readMarker } from '../../tools/n8n/cache';
import { installCommunityPackage } from '../../tools/n8n/install-community-package';
import { clovaCredential, importCredentials, importWorkflow, runN8n, type RawRun } from '../../tools/n8n/n8n-cli';
import { createContext, type N8nContext } from '../../tools/n8n/n8n-context';
import { packRepo, realPackageBuilt } from '../../tools/n8n/pack-package';
import { provideN8n } from '../../tools/n8n/provide-n8n';
import { CommandError } from '../../tools/n8n/run-command';
import { N8N_PINS } from '../../tools/n8n/versions';
import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import { batchImageName, batchItems, configureFaults, runFaultBatch } from './batchScenarios';
import { binaryItem, runClovaNode, sampleFile, useBinaryMode, type RunResult } from './harness';

const SECRET = 'leak-secret-4e9a1c';
const WRONG_SECRET = 'leak-wrong-secret-77d2';
const SECRETS = [SECRET, WRONG_SECRET];
const VALUES = recognizedValuesOf(['ic-success', 'dl-success', 'infer-failure']);

/** Everything the process writes or logs while `run` goes: n8n's logger, console, stdout, stderr. */
async function capturing<T>(run: () => Promise<T>): Promise<{ result: T; texts: Text[] }> {
	const texts: Text[] = [];
	const record = (where: string) => (...args: unknown[]) => {
		texts.push({ where, text: args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg) ?? String(arg))).join(' ') });
	};
	LoggerProxy.init({
		error: record('n8n log (error)'),
		warn: record('n8n log (warn)'),
		info: record('n8n log (info)'),
		debug: record('n8n log (debug)'),
	} as unknown as Parameters<typeof LoggerProxy.init>[0]);
	const spies = [
		...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
			jest.spyOn(console, method).mockImplementation(record(`console.${method}`)),
		),
		jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (record('stdout')(String(chunk)), true)),
		jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (record('stderr')(String(chunk)), true)),
	];
	try {
		return { result: await run(), texts };
	} finally {
		for (const spy of spies) spy.mockRestore();
	}
}

/** What a run leaves: its run data (value fields removed), and the error as a user sees it. */
function runTexts(label: string, result: RunResult): Text[] {
	const error = result.error as (Error & { description?: string }) | undefined;
	return [
		{ where: `${label}: run data`, text: JSON.stringify(withoutValueFields(result.run)) },
		{ where: `${label}: error message`, text: error?.message ?? '' },
		{ where: `${label}: error description`, text: error?.description ?? '' },
		{ where: `${label}: error stack`, text: error?.stack ?? '' },
	];
}

function carriedValues(items: INodeExecutionData[]): string[] {
	return items.flatMap((item) => [item.json.text, item.json.value]).filter((v): v is string => typeof v === 'string');
}

test('the check finds what it looks for, escaped in JSON too, and names only where', () => {
	const [value] = VALUES.filter((v) => /[^\x00-\x7f]/.test(v));
	const texts: Text[] = [
		{ where: 'a log line', text: `header X-OCR-SECRET: ${SECRET}` },
		{ where: 'a JSON log line', text: JSON.stringify({ note: value }).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) },
		{ where: 'an error', text: `Field "name" is not valid: ${value}` },
		{ where: 'clean', text: 'Field "name" is not valid' },
	];
	expect(findLeaks(texts, SECRETS, VALUES).map(({ where, kind }) => [where, kind])).toEqual([
		['a log line', 'secret key'],
		['a JSON log line', 'recognized value'],
		['an error', 'recognized value'],
	]);
	expect(VALUES.length).toBeGreaterThan(10);
});

describe("in n8n's engine", () => {
	let emulator: Emulator;
	beforeAll(async () => {
		await useBinaryMode('default');
		emulator = await startEmulator({ secretKey: SECRET });
	});
	afterAll(async () => await emulator.close());

	test('fault-injection batch, error output, stopped runs: no secret, no recognized value outside the value fields', async () => {
		const texts: Text[] = [];
		const carried: string[] = [];
		const credentials = { invokeUrl: emulator.invokeUrl, secretKey: SECRET };

		const faults = await capturing(async () => {
			configureFaults(emulator);
			return await runFaultBatch(emulator, SECRET, await batchItems(1000));
		});
		texts.push(...faults.texts, ...runTexts('fault batch', faults.result));
		carried.push(...carriedValues(faults.result.items));

		const errorOutput = await capturing(async () => {
			emulator.configure({ faultRate: 0, concurrencyCap: null });
			emulator.reset();
			const names = ['[scenario=dl-success] a.jpg', '[scenario=infer-failure] b.jpg', '[scenario=quota] c.jpg', 'd.jpg'];
			return await runClovaNode({
				parameters: { operation: 'recognizeAnyId', options: { concurrency: 4 } },
				items: await Promise.all(names.map(async (name) => await binaryItem(sampleFile('jpg'), name))),
				credentials,
				onError: 'continueErrorOutput',
			});
		});
		texts.push(...errorOutput.texts, ...runTexts('error output', errorOutput.result));
		carried.push(...carriedValues(errorOutput.result.items));

		for (const [label, scenario, secretKey, options] of [
			['wrong secret', null, WRONG_SECRET, {}],
			['0500 every time', 'server-error', SECRET, { maxRetries: 1 }],
			['timeout', 'slow', SECRET, { maxRetries: 1, timeout: 50 }],
			['recognition failure', 'infer-failure', SECRET, {}],
		] as const) {
			const stopped = await capturing(async () => {
				emulator.reset();
				emulator.configure({ slowMs: 2000 });
				emulator.setScenario(scenario);
				return await runClovaNode({
					parameters: { operation: 'recognizeIdCard', options },
					items: await batchItems(3),
					credentials: { invokeUrl: emulator.invokeUrl, secretKey },
				});
			});
			expect(stopped.result.error).toBeDefined();
			texts.push(...stopped.texts, ...runTexts(label, stopped.result));
		}

		// not vacuous: the values were read and carried where they belong
		expect(VALUES.filter((value) => carried.includes(value)).length).toBeGreaterThanOrEqual(3);
		expect(findLeaks(texts, SECRETS, VALUES)).toEqual([]);
	}, 180_000);
});

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

const n8nProvided = readMarker(installDir(N8N_PINS.v2)) !== null && realPackageBuilt() && process.env.CLOVA_OCR_LEAK_E2E !== '0';
const describeReal = n8nProvided ? describe : describe.skip;

describeReal(`in a real n8n ${N8N_PINS.v2.n8n} (the package installed as a community package)`, () => {
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
			return await runN8n(ctx, ['execute', `--id=${id}`, '--rawOutput'], 300_000, { N8N_LOG_LEVEL: 'debug' });
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
			{ label: 'fault batch', workflow: clovaWorkflow({ id: 'leakFaultBatch01', fileSelector, credential: good, concurrency: 8 }), scenario: null },
			{ label: 'error output', workflow: clovaWorkflow({ id: 'leakErrorOutput1', fileSelector, credential: good, concurrency: 4, onError: 'continueErrorOutput' }), scenario: null },
			{ label: 'wrong secret', workflow: clovaWorkflow({ id: 'leakWrongSecret1', fileSelector, credential: wrong, concurrency: 4, onError: 'stopWorkflow' }), scenario: null },
			{ label: '0500 every time', workflow: clovaWorkflow({ id: 'leakServerError1', fileSelector, credential: good, concurrency: 4, maxRetries: 1, onError: 'stopWorkflow' }), scenario: 'server-error' as const },
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
});
