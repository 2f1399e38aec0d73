import type { Emulator } from '../../tools/clova-emulator';
import { binaryItem, emulatorPerSuite, runClovaNode, sampleFile, type RunOptions } from './harness';

const SECRET = 'review-secret-0c4e';
const FULL_RRN = '800101-1234560';
const MASKED_RRN = '800101-1******';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));

async function run(parameters: RunOptions['parameters']) {
	const result = await runClovaNode({
		parameters,
		items: [await binaryItem(sampleFile('jpg'), 'specimen.jpg')],
		credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
	});
	expect(result.error).toBeUndefined();
	return result.items.map(({ json }) => json);
}

const pick = (items: Array<Record<string, unknown>>, ...keys: string[]) =>
	items.map((item) => keys.map((key) => item[key]));

describe('privacy by default', () => {
	beforeEach(() => emulator.setScenario('ic-specimen'));

	test('fields: the registration number is masked, checked on its full value', async () => {
		const items = await run({ operation: 'recognizeIdCard' });
		expect(pick(items, 'field', 'text', 'value', 'valid', 'warnings', 'needsReview')).toEqual([
			['name', '홍길동', '홍길동', null, '', false],
			['personalNum', MASKED_RRN, MASKED_RRN, true, '', false],
			[
				'address',
				'서울특별시 종로구 세종대로 209',
				'서울특별시 종로구 세종대로 209',
				null,
				'',
				false,
			],
			['issueDate', '2020.08.16', '2020-08-16', true, '', false],
			['authority', '서울특별시 종로구청장', '서울특별시 종로구청장', true, '', false],
		]);
		expect(JSON.stringify(items)).not.toContain(FULL_RRN);
	});

	test('document: masked, valid, nothing to review', async () => {
		const [item] = await run({ operation: 'recognizeIdCard', output: 'document' });
		expect(item).toMatchObject({
			documentType: 'idCard',
			valid: true,
			warnings: '',
			needsReview: false,
			personalNum: MASKED_RRN,
		});
	});

	test('raw is the service answer, never masked', async () => {
		const [item] = await run({ operation: 'recognizeIdCard', output: 'raw' });
		expect(JSON.stringify(item)).toContain(`"text":"${FULL_RRN}"`);
	});

	test.each(['fields', 'document'])(
		'revealSensitiveValues shows the full number (%s)',
		async (output) => {
			const items = await run({
				operation: 'recognizeIdCard',
				output,
				options: { revealSensitiveValues: true },
			});
			expect(JSON.stringify(items)).toContain(FULL_RRN);
			expect(JSON.stringify(items)).not.toContain(MASKED_RRN);
		},
	);

	test('maskingPolys stay available when values are masked', async () => {
		const items = await run({ operation: 'recognizeIdCard', options: { includePolygons: true } });
		const personalNum = items.find((item) => item.field === 'personalNum');
		expect(personalNum?.maskingPolys).toHaveLength(1);
	});
});

describe("driver's license checks", () => {
	beforeEach(() => emulator.setScenario('dl-specimen'));
	afterEach(() => jest.useRealTimers());

	test('document item summarizes the checks', async () => {
		jest.useFakeTimers({
			now: new Date('2026-11-22T03:00:00Z'),
			doNotFake: [
				'nextTick',
				'setImmediate',
				'setTimeout',
				'setInterval',
				'clearTimeout',
				'clearInterval',
				'clearImmediate',
				'queueMicrotask',
				'hrtime',
				'performance',
			],
		});
		const [item] = await run({ operation: 'recognizeDriverLicense', output: 'document' });
		expect(item).toMatchObject({
			documentType: 'driverLicense',
			valid: true,
			warnings: '',
			needsReview: false,
			licenseClasses:
				'1종대형, 1종보통, 1종소형, 1종특수(대형견인), 1종특수(소형견인), 1종특수(구난), 2종보통, 2종소형, 2종원동기',
			renewalOverdue: false,
			num: '11-00-123456-10',
			personalNum: MASKED_RRN,
		});
	});

	test('after the renewal window the license is overdue and needs review', async () => {
		jest.useFakeTimers({
			now: new Date('2030-01-02T03:00:00Z'),
			doNotFake: [
				'nextTick',
				'setImmediate',
				'setTimeout',
				'setInterval',
				'clearTimeout',
				'clearInterval',
				'clearImmediate',
				'queueMicrotask',
				'hrtime',
				'performance',
			],
		});
		const [item] = await run({ operation: 'recognizeDriverLicense', output: 'document' });
		expect(item).toMatchObject({
			valid: true,
			warnings: 'renewEndDate: renewal overdue since the end of the window',
			needsReview: true,
			renewalOverdue: true,
		});
		const fields = await run({ operation: 'recognizeDriverLicense' });
		expect(
			pick(
				fields.filter((f) => f.field === 'renewEndDate'),
				'value',
				'valid',
				'warnings',
				'needsReview',
			),
		).toEqual([
			['2029-12-31', true, 'renewEndDate: renewal overdue since the end of the window', true],
		]);
	});
});

describe('the documented examples', () => {
	// Masked values make checks unknown (valid null); that alone asks for no review.
	test.each([
		['ic-success', 'recognizeIdCard', null],
		['dl-success', 'recognizeDriverLicense', null],
		['pp-success', 'recognizeAnyId', null],
		['ac-success', 'recognizeAnyId', true],
	] as const)(
		'%s: masked values leave checks unknown and need no review',
		async (scenario, operation, valid) => {
			emulator.setScenario(scenario);
			const [item] = await run({ operation, output: 'document' });
			expect(item).toMatchObject({ valid, warnings: '', notes: '', needsReview: false });
			const fields = await run({ operation });
			expect(fields.every((field) => field.needsReview === false)).toBe(true);
		},
	);

	test('minConfidence flags every field of an example scored 0.0', async () => {
		emulator.setScenario('ic-success');
		const items = await run({ operation: 'recognizeIdCard', options: { minConfidence: 0.5 } });
		expect(pick(items, 'field', 'needsReview', 'warnings')).toEqual([
			['name', true, 'name: confidence 0 is below the minimum 0.5'],
			['personalNum', true, 'personalNum: confidence 0 is below the minimum 0.5'],
			['address', true, 'address: confidence 0 is below the minimum 0.5'],
			['issueDate', true, 'issueDate: confidence 0 is below the minimum 0.5'],
			['authority', true, 'authority: confidence 0 is below the minimum 0.5'],
		]);
		const [document] = await run({
			operation: 'recognizeIdCard',
			output: 'document',
			options: { minConfidence: 0.5 },
		});
		expect(document.warnings).toBe(
			'document: confidence below 0.5 for name, personalNum, address, issueDate, authority',
		);
	});
});

describe('the fields a document must have', () => {
	afterEach(() => emulator.configure({ documentEdits: [] }));

	test('a resident card whose personalNum has no value: the document and every field need review', async () => {
		emulator.setScenario('ic-specimen');
		emulator.configure({ documentEdits: [[FULL_RRN, '']] });
		const [item] = await run({ operation: 'recognizeIdCard', output: 'document' });
		expect(item).toMatchObject({ warnings: 'personalNum: missing', needsReview: true });
		const fields = await run({ operation: 'recognizeIdCard' });
		expect(pick(fields, 'field', 'warnings', 'needsReview')).toEqual(
			['name', 'personalNum', 'address', 'issueDate', 'authority'].map((field) => [
				field,
				'personalNum: missing',
				true,
			]),
		);
	});

	test("a driver's license without num: named, the rest of the card as it was", async () => {
		emulator.setScenario('dl-specimen');
		emulator.configure({ documentEdits: [['"num": [', '"licenseNo": [']] });
		const [item] = await run({ operation: 'recognizeDriverLicense', output: 'document' });
		expect(item).toMatchObject({ warnings: 'num: missing', needsReview: true });
	});

	test('a field that is not an array fails the item, naming its path, not its content', async () => {
		emulator.setScenario('ic-specimen');
		emulator.configure({ documentEdits: [['"ic": {', '"ic": { "remark": "홍길동 800101",']] });
		const result = await runClovaNode({
			parameters: { operation: 'recognizeIdCard' },
			items: [await binaryItem(sampleFile('jpg'), 'specimen.jpg')],
			credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
		});
		expect(result.error?.message).toBe(
			'CLOVA OCR sent a response that does not fit the documented shape: images[0].idCard.result.ic.remark: expected array, got string',
		);
		expect(JSON.stringify(result.error)).not.toContain('800101');
	});
});

describe('passport: personalNum is the back half of the registration number', () => {
	afterEach(() => emulator.configure({ documentEdits: [] }));

	// pp-success: born 1 JAN 1900, sex M.
	async function passportWith(personalNum: string) {
		emulator.setScenario('pp-success');
		emulator.configure({
			documentEdits: [['"pp": {', `"pp": { "personalNum": [{ "text": "${personalNum}" }],`]],
		});
		const [document] = await run({ operation: 'recognizeAnyId', output: 'document' });
		const fields = await run({ operation: 'recognizeAnyId' });
		return { document, personalNum: fields.find((field) => field.field === 'personalNum') };
	}

	test('a matching gender digit: nothing to review', async () => {
		const { document, personalNum } = await passportWith('1234567');
		expect(document).toMatchObject({ valid: null, warnings: '', needsReview: false });
		expect(personalNum).toMatchObject({ valid: true, warnings: '', needsReview: false });
	});

	test.each([
		['the other sex', '2234567', 'personalNum: gender digit does not match the sex field'],
		[
			'another century',
			'3234567',
			"personalNum: gender digit does not match the birth date's century",
		],
	])('a gender digit of %s: the field and the document say so', async (_case, text, warning) => {
		const { document, personalNum } = await passportWith(text);
		expect(document).toMatchObject({ valid: false, warnings: warning, needsReview: true });
		expect(personalNum).toMatchObject({ valid: false, warnings: warning, needsReview: true });
	});

	test('a masked gender digit: unknown, nothing to review', async () => {
		const { document, personalNum } = await passportWith('*******');
		expect(document).toMatchObject({ valid: null, warnings: '', needsReview: false });
		expect(personalNum).toMatchObject({ valid: null, warnings: '', needsReview: false });
	});
});
