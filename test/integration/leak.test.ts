/**
 * The secret key and the recognized values must appear nowhere but in the requests to the
 * service and in the output fields meant to carry them (`text`, `value`): not in other
 * output fields, error messages and descriptions, n8n's log, or the process's output.
 * Registration numbers are not exempt even there: in default output their `text` and
 * `value` (and document columns) show at most the first 7 digits, and the full number is nowhere.
 * Checked over the fault-injection batch and error paths in n8n's engine; the same in a
 * real n8n is test/e2e/leak.test.ts.
 */
import { LoggerProxy } from 'n8n-workflow';

import {
	carriedValues,
	findLeaks,
	overlongRegistrationNumbers,
	recognizedValuesOf,
	withoutValueFields,
	type Text,
} from '../../tools/bench/leakCheck';
import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import { batchItems, configureFaults, runFaultBatch } from './batchScenarios';
import { NOISE_CASES, SPECIMEN_NUMBER } from './maskingCases';
import { binaryItem, runClovaNode, sampleFile, useBinaryMode, type RunResult } from './harness';

const SECRET = 'leak-secret-4e9a1c';
const WRONG_SECRET = 'leak-wrong-secret-77d2';
const SECRETS = [SECRET, WRONG_SECRET];
const VALUES = recognizedValuesOf(['ic-success', 'dl-success', 'infer-failure']);

/** Everything the process writes or logs while `run` goes: n8n's logger, console, stdout, stderr. */
async function capturing<T>(run: () => Promise<T>): Promise<{ result: T; texts: Text[] }> {
	const texts: Text[] = [];
	const record =
		(where: string) =>
		(...args: unknown[]) => {
			texts.push({
				where,
				text: args
					.map((arg) => (typeof arg === 'string' ? arg : (JSON.stringify(arg) ?? String(arg))))
					.join(' '),
			});
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
		jest
			.spyOn(process.stdout, 'write')
			.mockImplementation((chunk: unknown) => (record('stdout')(String(chunk)), true)),
		jest
			.spyOn(process.stderr, 'write')
			.mockImplementation((chunk: unknown) => (record('stderr')(String(chunk)), true)),
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

test('the check finds what it looks for, escaped in JSON too, and names only where', () => {
	const [value] = VALUES.filter((v) => /[^\x00-\x7f]/.test(v));
	const texts: Text[] = [
		{ where: 'a log line', text: `header X-OCR-SECRET: ${SECRET}` },
		{
			where: 'a JSON log line',
			text: JSON.stringify({ note: value }).replace(
				/[^\x00-\x7f]/g,
				(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
			),
		},
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

test('the registration-number check counts digits in text, value and document columns', () => {
	const items = [
		{
			json: { field: 'personalNum', text: '800101-1******', value: '８００１０１－１２３４５６７' },
		},
		{ json: { field: 'name', text: '800101-1234567', value: '800101-1234567' } },
		{ json: { documentType: 'idCard', personalNum: '800101-1******\n900202-2******' } },
		{ json: { documentType: 'idCard', alienRegNumEtc: '800101-12', name: '800101-1234567' } },
	];
	expect(overlongRegistrationNumbers(items)).toEqual([
		'item 0 personalNum.value',
		'item 3 alienRegNumEtc.alienRegNumEtc',
	]);
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
			const names = [
				'[scenario=dl-success] a.jpg',
				'[scenario=infer-failure] b.jpg',
				'[scenario=quota] c.jpg',
				'd.jpg',
			];
			return await runClovaNode({
				parameters: { operation: 'recognizeAnyId', options: { concurrency: 4 } },
				items: await Promise.all(
					names.map(async (name) => await binaryItem(sampleFile('jpg'), name)),
				),
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

	test('registration numbers, noisy ones included: at most 7 digits in text and value, the full number nowhere', async () => {
		const texts: Text[] = [];
		const cells: string[] = [];
		const numbers = [SPECIMEN_NUMBER, ...NOISE_CASES.map(([, text]) => text)];
		for (const scenario of ['ic-specimen', 'dl-specimen'] as const) {
			for (const [name, text] of NOISE_CASES) {
				for (const output of ['fields', 'document'] as const) {
					const label = `${scenario} ${name} ${output}`;
					const run = await capturing(async () => {
						emulator.reset();
						emulator.setScenario(scenario);
						emulator.configure({
							documentEdits: [[JSON.stringify(SPECIMEN_NUMBER), JSON.stringify(text)]],
						});
						return await runClovaNode({
							parameters: { operation: 'recognizeAnyId', output },
							items: await batchItems(2),
							credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
						});
					});
					expect(run.result.error).toBeUndefined();
					expect(run.result.items).toHaveLength(
						output === 'document' ? 2 : 2 * (scenario === 'ic-specimen' ? 5 : 12),
					);
					cells.push(
						...overlongRegistrationNumbers(run.result.items).map((where) => `${label}: ${where}`),
					);
					texts.push(...run.texts, {
						where: `${label}: run data, text and value included`,
						text: JSON.stringify(run.result.run),
					});
				}
			}
		}
		emulator.configure({ documentEdits: [] });
		expect(cells).toEqual([]);
		expect(findLeaks(texts, [], numbers)).toEqual([]);
		// not vacuous: the check finds a full number where it is
		expect(
			findLeaks([{ where: 'x', text: JSON.stringify({ text: numbers[3] }) }], [], numbers),
		).toHaveLength(1);
	}, 180_000);
});
