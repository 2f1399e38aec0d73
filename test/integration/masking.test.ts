/**
 * Masking fails closed in n8n's engine: whatever the OCR text of a registration number looks
 * like, `text` and `value` (fields output) and the column (document output) keep at most its
 * first 7 digit-like characters. The emulator serves each noisy text in place of the specimen
 * number (documentEdits), as `text` and `formatted.value` both.
 */
import type { Emulator } from '../../tools/clova-emulator';
import { overlongRegistrationNumbers } from '../../tools/bench/leakCheck';
import { binaryItem, emulatorPerSuite, runClovaNode, sampleFile } from './harness';
import { NOISE_CASES, SPECIMEN_NUMBER as SPECIMEN } from './maskingCases';
import {
	ALIEN_NUMBER_ETC,
	noisyRegistrationNumberEdits,
	SERVED_NUMBERS,
	SHOWN_PERSONAL_NUMBERS,
} from './maskingEdits';

const SECRET = 'masking-secret-51c0';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));
afterEach(() => emulator.configure({ documentEdits: [] }));

async function recognize(
	scenario: 'ic-specimen' | 'dl-specimen',
	text: string,
	output: 'fields' | 'document',
) {
	emulator.setScenario(scenario);
	emulator.configure({ documentEdits: [[JSON.stringify(SPECIMEN), JSON.stringify(text)]] });
	const result = await runClovaNode({
		parameters: { operation: 'recognizeAnyId', output },
		items: [await binaryItem(sampleFile('jpg'), 'card.jpg')],
		credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
	});
	expect(result.error).toBeUndefined();
	expect(emulator.requests).toHaveLength(1);
	return result.items;
}

describe.each(['ic-specimen', 'dl-specimen'] as const)('%s', (scenario) => {
	test.each(NOISE_CASES)('fields output, %s: text and value masked', async (_case, text, shown) => {
		const items = await recognize(scenario, text, 'fields');
		const personalNum = items.filter((item) => item.json.field === 'personalNum');
		expect(personalNum.map((item) => [item.json.text, item.json.value])).toEqual([[shown, shown]]);
		expect(overlongRegistrationNumbers(items)).toEqual([]);
	});

	test.each(NOISE_CASES)('document output, %s: the column masked', async (_case, text, shown) => {
		const items = await recognize(scenario, text, 'document');
		expect(items).toHaveLength(1);
		expect(items[0].json.personalNum).toBe(shown);
		expect(overlongRegistrationNumbers(items)).toEqual([]);
	});
});

describe('the checks run on the unmasked number', () => {
	test('the specimen number passes its checks while the output shows 7 digits', async () => {
		const [item] = await recognize('ic-specimen', SPECIMEN, 'document');
		expect(item.json.personalNum).toBe('800101-1******');
		expect(item.json.valid).toBe(true);
		expect(item.json.warnings).toBe('');
	});

	test('a wrong check digit is found though it is masked', async () => {
		const items = await recognize('ic-specimen', '800101-1234567', 'fields');
		const personalNum = items.find((item) => item.json.field === 'personalNum')?.json;
		expect(personalNum).toMatchObject({
			text: '800101-1******',
			valid: true,
			// Advisory (numbers issued since 2020-10-05 have no check digit): a note, no review.
			warnings: '',
			notes: 'personalNum: checksum does not match (numbers issued since 2020-10-05 have none)',
			needsReview: false,
		});
	});
});

describe('raw output and Reveal Sensitive Values are not masked', () => {
	test.each([
		['raw', { output: 'raw' }],
		['reveal', { output: 'fields', options: { revealSensitiveValues: true } }],
	])('%s', async (_case, parameters) => {
		emulator.setScenario('ic-specimen');
		emulator.configure({ documentEdits: [[SPECIMEN, '800101ㅡI234567']] });
		const result = await runClovaNode({
			parameters: { operation: 'recognizeIdCard', ...parameters },
			items: [await binaryItem(sampleFile('jpg'), 'card.jpg')],
			credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
		});
		expect(JSON.stringify(result.items)).toContain('800101ㅡI234567');
	});
});

describe('every noise case in one answer (what test/e2e/masking.test.ts runs in a real n8n)', () => {
	test.each(['ic-specimen', 'dl-specimen'] as const)(
		'%s, fields and document output',
		async (scenario) => {
			const outputs = [];
			for (const output of ['fields', 'document'] as const) {
				emulator.setScenario(scenario);
				emulator.configure({ documentEdits: noisyRegistrationNumberEdits() });
				const result = await runClovaNode({
					parameters: { operation: 'recognizeAnyId', output },
					items: [await binaryItem(sampleFile('jpg'), 'card.jpg')],
					credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
				});
				expect(result.error).toBeUndefined();
				expect(overlongRegistrationNumbers(result.items)).toEqual([]);
				const text = JSON.stringify(result.run);
				expect(
					SERVED_NUMBERS.filter((number) => text.includes(JSON.stringify(number).slice(1, -1))),
				).toEqual([]);
				outputs.push(result.items.map((item) => item.json));
			}
			const [fields, [document]] = outputs;
			expect(
				fields
					.filter((json) => json.field === 'personalNum')
					.map((json) => [json.index, json.text, json.value]),
			).toEqual(SHOWN_PERSONAL_NUMBERS.map((shown, index) => [index, shown, shown]));
			expect(
				fields
					.filter((json) => json.field === 'alienRegNumEtc')
					.map((json) => [json.text, json.value]),
			).toEqual([[ALIEN_NUMBER_ETC[1], ALIEN_NUMBER_ETC[1]]]);
			expect([document.personalNum, document.alienRegNumEtc]).toEqual([
				SHOWN_PERSONAL_NUMBERS.join('\n'),
				ALIEN_NUMBER_ETC[1],
			]);
		},
	);
});
