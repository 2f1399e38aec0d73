/**
 * Boolean options read strictly inside n8n's engine: true/false, or from an expression exactly
 * the text "true" or "false". Anything else fails the item, naming the option, not the value;
 * an expression's "false" never reveals a registration number.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import type { Emulator } from '../../tools/clova-emulator';
import { binaryItem, emulatorPerSuite, runClovaNode, sampleFile, type RunOptions } from './harness';

const SECRET = 'boolean-options-secret-5e21';
const FULL_RRN = '800101-1234560';
const MASKED_RRN = '800101-1******';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));
beforeEach(() => emulator.setScenario('ic-specimen'));

async function cardItem(json: INodeExecutionData['json'] = {}): Promise<INodeExecutionData> {
	return { ...(await binaryItem(sampleFile('jpg'), 'specimen.jpg')), json };
}

async function run(
	parameters: RunOptions['parameters'],
	items?: INodeExecutionData[],
	onError?: RunOptions['onError'],
) {
	return await runClovaNode({
		parameters: { operation: 'recognizeIdCard', ...parameters },
		items: items ?? [await cardItem()],
		credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
		onError,
	});
}

describe('Reveal Sensitive Values from an expression', () => {
	test.each([
		['"false"', '={{ "false" }}'],
		['false', '={{ false }}'],
	])('%s keeps the number masked (fields and document)', async (_case, expression) => {
		for (const output of ['fields', 'document']) {
			const result = await run({ output, options: { revealSensitiveValues: expression } });
			expect(result.error).toBeUndefined();
			const personalNums = result.items.map(({ json }) =>
				output === 'fields'
					? json.field === 'personalNum'
						? json.value
						: undefined
					: json.personalNum,
			);
			expect(personalNums.filter((value) => value !== undefined)).toEqual([MASKED_RRN]);
			expect(JSON.stringify(result.items)).not.toContain(FULL_RRN);
		}
	});

	test('"true" reveals it', async () => {
		const result = await run({
			output: 'document',
			options: { revealSensitiveValues: '={{ "true" }}' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map(({ json }) => json.personalNum)).toEqual([FULL_RRN]);
	});

	test.each([
		['"no"', '={{ "no" }}'],
		['"0"', '={{ "0" }}'],
		['"False " (case and a space)', '={{ "False " }}'],
		['"TRUE"', '={{ "TRUE" }}'],
		['1', '={{ 1 }}'],
		['null', '={{ null }}'],
		['an object', '={{ { reveal: true } }}'],
	])('%s fails the item, naming the option, before anything is sent', async (_case, expression) => {
		const result = await run({ options: { revealSensitiveValues: expression } });
		const error = result.error as
			| (Error & { description?: string; context?: { itemIndex?: number } })
			| undefined;
		expect([error?.name, error?.message, error?.description, error?.context?.itemIndex]).toEqual([
			'NodeOperationError',
			'Reveal Sensitive Values must be true or false',
			'Turn the option on or off, or make its expression give a boolean or the text "true" or "false".',
			0,
		]);
		expect(result.items).toEqual([]);
		expect(emulator.requests).toHaveLength(0);
	});

	test('per item: "false" masks, "no" fails only its own item (On Error: Continue)', async () => {
		const result = await run(
			{ output: 'document', options: { revealSensitiveValues: '={{ $json.reveal }}' } },
			[await cardItem({ reveal: 'false' }), await cardItem({ reveal: 'no' })],
			'continueRegularOutput',
		);
		expect(result.error).toBeUndefined();
		expect(
			result.items.map(({ json, pairedItem }) => [json.personalNum, json.error, pairedItem]),
		).toEqual([
			[MASKED_RRN, undefined, { item: 0 }],
			[undefined, 'Reveal Sensitive Values must be true or false', { item: 1 }],
		]);
		expect(JSON.stringify(result.items)).not.toContain(FULL_RRN);
		expect(emulator.requests).toHaveLength(1);
	});
});

describe('every boolean option is read the same way', () => {
	test.each([
		['Include Polygons', { includePolygons: '={{ "no" }}' }, {}],
		['Add Redacted Image', { redactedImage: '={{ "no" }}' }, {}],
		[
			'Allow Private Network URLs',
			{ allowPrivateHosts: '={{ "no" }}' },
			{ imageSource: 'url', imageUrl: 'https://example.com/card.jpg' },
		],
	])('%s: "no" fails the item, naming the option', async (displayName, options, source) => {
		const result = await run({ ...source, options });
		expect(result.error?.message).toBe(`${displayName} must be true or false`);
		expect(emulator.requests).toHaveLength(0);
	});

	test('Include Polygons "true" from an expression adds the polygons', async () => {
		const result = await run({ options: { includePolygons: '={{ "true" }}' } });
		expect(result.error).toBeUndefined();
		expect(result.items.every(({ json }) => Array.isArray(json.boundingPolys))).toBe(true);
	});
});
