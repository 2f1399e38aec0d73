import type { INodeExecutionData } from 'n8n-workflow';

import { startEmulator, type Emulator, type ScenarioName } from '../../tools/clova-emulator';
import {
	binaryItem,
	emulatorPerSuite,
	runClovaNode,
	sampleFile,
	useBinaryMode,
	type RunOptions,
	type RunResult,
} from './harness';

const SECRET = 'errors-secret-91bd';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));

function run(
	items: INodeExecutionData[],
	extra: Partial<RunOptions> = {},
	parameters: RunOptions['parameters'] = {},
) {
	return runClovaNode({
		parameters: { operation: 'recognizeIdCard', ...parameters },
		items,
		credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
		...extra,
	});
}

async function jpegItem(name = 'card.jpg') {
	return await binaryItem(sampleFile('jpg'), name);
}

/** What a user sees of a stopped node: message, description, item, and the error class. */
function errorSeen(result: RunResult) {
	const error = result.error as
		| (Error & { description?: string; context?: { itemIndex?: number }; httpCode?: string })
		| undefined;
	expect(error).toBeDefined();
	expect(result.items).toEqual([]);
	return {
		name: error?.name,
		message: error?.message,
		description: error?.description,
		itemIndex: error?.context?.itemIndex,
		httpCode: error?.httpCode ?? null,
	};
}

function expectNoSecret(result: RunResult) {
	expect(JSON.stringify(result.run)).not.toContain(SECRET);
}

describe('input errors name the item', () => {
	test('no binary field: says which fields the item has', async () => {
		const item = await binaryItem(sampleFile('jpg'), 'a.jpg', 'image/jpeg', 'photo');
		const seen = errorSeen(await run([item]));
		expect(seen).toEqual({
			name: 'NodeOperationError',
			message: 'The input item has no binary field "data"',
			description:
				'Its binary fields are: photo. Set "Input Binary Field" to the one that holds the image.',
			itemIndex: 0,
			httpCode: null,
		});
	});

	test('no binary at all: says to read a file first', async () => {
		const seen = errorSeen(await run([{ json: { a: 1 } }]));
		expect(seen.message).toBe('The input item has no binary field "data"');
		expect(seen.description).toMatch(/^It holds no file at all\./);
	});

	test('the binary field name comes from the parameter', async () => {
		const item = await binaryItem(sampleFile('jpg'), 'a.jpg', 'image/jpeg', 'photo');
		const result = await run([item], {}, { binaryPropertyName: 'photo' });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(5);
	});

	test('empty file', async () => {
		const seen = errorSeen(await run([await binaryItem(Buffer.alloc(0), 'empty.jpg')]));
		expect(seen).toMatchObject({
			message: 'The file in binary field "data" is empty',
			itemIndex: 0,
		});
		expect(emulator.requests).toHaveLength(0);
	});

	test.each([
		['heic', 'HEIC'],
		['webp', 'WebP'],
	] as const)('%s file: names the type and what is accepted', async (kind, found) => {
		const seen = errorSeen(
			await run([await binaryItem(sampleFile(kind), 'photo.jpg', 'image/jpeg')]),
		);
		expect(seen).toEqual({
			name: 'NodeOperationError',
			message: `Unsupported file type: ${found}`,
			description:
				'CLOVA OCR accepts JPEG, PNG, PDF (single page) and TIFF (single page) files. Convert the image to JPEG or PNG first (e.g. with the Edit Image node).',
			itemIndex: 0,
			httpCode: null,
		});
		expect(emulator.requests).toHaveLength(0);
	});

	describe.each(['default', 'filesystem'] as const)('over 50 MiB (%s binary mode)', (mode) => {
		beforeAll(async () => await useBinaryMode(mode));
		afterAll(async () => await useBinaryMode('default'));

		test('refused before sending; exactly 50 MiB is accepted', async () => {
			const limit = 50 * 1024 * 1024;
			const tooLarge = sampleFile('jpg', limit + 1 - 4);
			const seen = errorSeen(await run([await binaryItem(tooLarge, 'huge.jpg')]));
			expect(seen).toEqual({
				name: 'NodeOperationError',
				message:
					"The file is too large: 52,428,801 bytes, over this node's limit of 52,428,800 bytes (50 MiB)",
				description:
					'Send a smaller or more compressed image (this node sends files up to 50 MiB: its own limit, since CLOVA OCR publishes none for ID cards and its other products stop at 50 MB).',
				itemIndex: 0,
				httpCode: null,
			});
			expect(emulator.requests).toHaveLength(0);
			const atLimit = sampleFile('jpg', limit - 4);
			const accepted = await run([await binaryItem(atLimit, 'limit.jpg')]);
			expect(accepted.error).toBeUndefined();
			expect(emulator.requests[0].file?.length).toBe(limit);
		});
	});
});

describe("the service's errors, with the code and what to do", () => {
	test('wrong secret (0002): names the Secret Key, never shows it', async () => {
		const result = await runClovaNode({
			parameters: { operation: 'recognizeIdCard' },
			items: [await jpegItem()],
			credentials: { invokeUrl: emulator.invokeUrl, secretKey: 'wrong-secret-value' },
		});
		expect(errorSeen(result)).toEqual({
			name: 'NodeApiError',
			message: 'The Secret Key was rejected (CLOVA OCR error 0002, HTTP 401)',
			description: expect.stringMatching(/^Check the Secret Key in the CLOVA OCR API credential/),
			itemIndex: 0,
			httpCode: '401',
		});
		expect(JSON.stringify(result.run)).not.toContain('wrong-secret-value');
		expect(emulator.requests[0].secretOk).toBe(false);
	});

	test('wrong invoke URL (0001)', async () => {
		const result = await runClovaNode({
			parameters: { operation: 'recognizeIdCard' },
			items: [await jpegItem()],
			credentials: { invokeUrl: `${emulator.url}/custom/v1/99999/nosuchkey`, secretKey: SECRET },
		});
		expect(errorSeen(result)).toEqual({
			name: 'NodeApiError',
			message: 'The Invoke URL is invalid (CLOVA OCR error 0001, HTTP 400)',
			description: expect.stringMatching(/^Check the Invoke URL in the CLOVA OCR API credential/),
			itemIndex: 0,
			httpCode: '400',
		});
		expectNoSecret(result);
	});

	test('the full invoke URL works as well as the base', async () => {
		const result = await runClovaNode({
			parameters: { operation: 'recognizeIdCard' },
			items: [await jpegItem()],
			credentials: { invokeUrl: ` ${emulator.invokeUrl}/document/id-card/ `, secretKey: SECRET },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(5);
	});

	test('plain http to a non-loopback host is refused before any request', async () => {
		const result = await runClovaNode({
			parameters: { operation: 'recognizeIdCard' },
			items: [await jpegItem()],
			credentials: { invokeUrl: 'http://abc.apigw.ntruss.com/custom/v1/1/k', secretKey: SECRET },
		});
		expect(errorSeen(result)).toMatchObject({
			name: 'NodeOperationError',
			message: 'The Invoke URL must start with https://',
			itemIndex: 0,
		});
	});

	test.each<[ScenarioName, string, string, RegExp]>([
		[
			'rate-limit',
			'CLOVA OCR rate limit reached (CLOVA OCR error 0025, HTTP 400)',
			'400',
			/parallel calls/,
		],
		[
			'quota',
			"The domain's API request quota is used up (CLOVA OCR error 0023, HTTP 400)",
			'400',
			/quota/,
		],
		[
			'server-error',
			'CLOVA OCR service error (CLOVA OCR error 0500, HTTP 500)',
			'500',
			/Try again/,
		],
		['ocr-error', 'CLOVA OCR service error (CLOVA OCR error 0501, HTTP 500)', '500', /Try again/],
	])('%s', async (scenario, message, httpCode, description) => {
		emulator.setScenario(scenario);
		expect(errorSeen(await run([await jpegItem()]))).toEqual({
			name: 'NodeApiError',
			message,
			description: expect.stringMatching(description),
			itemIndex: 0,
			httpCode,
		});
	});

	test.each<[ScenarioName, string]>([
		['infer-error', 'CLOVA OCR could not read the image: Read page:0 error.'],
		['infer-failure', 'CLOVA OCR could not read the image: Read page:0 error.'],
	])('%s: inferResult is not SUCCESS', async (scenario, message) => {
		emulator.setScenario(scenario);
		const seen = errorSeen(await run([await jpegItem()]));
		expect(seen).toMatchObject({ name: 'NodeApiError', message, itemIndex: 0 });
		expect(seen.description).toMatch(/^The service answered inferResult (ERROR|FAILURE)\./);
	});

	test.each<[ScenarioName, string]>([
		[
			'non-json',
			'CLOVA OCR sent a response that does not fit the documented shape: the body is not JSON',
		],
		['truncated', 'The request to CLOVA OCR failed: the answer was cut off'],
	])('%s body', async (scenario, message) => {
		emulator.setScenario(scenario);
		expect(errorSeen(await run([await jpegItem()]))).toMatchObject({
			name: 'NodeApiError',
			message,
			itemIndex: 0,
		});
	});

	test('dropped connection', async () => {
		emulator.setScenario('drop');
		const seen = errorSeen(await run([await jpegItem()]));
		expect(seen).toMatchObject({ name: 'NodeApiError', itemIndex: 0 });
		expect(seen.message).toMatch(/^The request to CLOVA OCR failed: /);
		expect(seen.description).toBe('Check that n8n can reach the Invoke URL, then try again.');
	});

	test('nothing listening', async () => {
		const closed = await startEmulator({ secretKey: SECRET });
		const invokeUrl = closed.invokeUrl;
		await closed.close();
		const result = await runClovaNode({
			parameters: { operation: 'recognizeIdCard' },
			items: [await jpegItem()],
			credentials: { invokeUrl, secretKey: SECRET },
		});
		expect(errorSeen(result).message).toBe(
			'The request to CLOVA OCR failed: The service refused the connection - perhaps it is offline',
		);
		expectNoSecret(result);
	});
});

describe('the wrong document for the operation', () => {
	test.each([
		[
			'recognizeDriverLicense',
			'ic-success',
			"Expected a driver's license, but CLOVA OCR recognized an ID Card",
		],
		[
			'recognizeIdCard',
			'dl-success',
			"Expected a resident registration card, but CLOVA OCR recognized a Driver's License",
		],
		[
			'recognizeIdCard',
			'pp-success',
			'Expected a resident registration card, but CLOVA OCR recognized a Passport',
		],
	] as const)('%s given %s', async (operation, scenario, message) => {
		emulator.setScenario(scenario);
		const seen = errorSeen(await run([await jpegItem()], {}, { operation }));
		expect(seen).toMatchObject({ name: 'NodeOperationError', message, itemIndex: 0 });
		expect(seen.description).toMatch(/Recognize Any ID/);
	});
});

describe('On Error: Continue', () => {
	async function threeItemsMiddleFails(onError: RunOptions['onError']) {
		// Items run in parallel, so each picks its answer by name, not by arrival order.
		return await run(
			[
				await jpegItem('a [scenario=ic-success].jpg'),
				await jpegItem('b [scenario=infer-error].jpg'),
				await jpegItem('c [scenario=dl-success].jpg'),
			],
			{ onError },
			{ operation: 'recognizeAnyId' },
		);
	}

	const pairs = (items: INodeExecutionData[]) =>
		items.map(({ json, pairedItem }) => [
			(pairedItem as { item: number }).item,
			json.error ?? json.field,
		]);

	test('regular output: the failed item becomes { error } in its place, the rest go on', async () => {
		const result = await threeItemsMiddleFails('continueRegularOutput');
		expect(result.error).toBeUndefined();
		expect(pairs(result.items)).toEqual([
			[0, 'name'],
			[0, 'personalNum'],
			[0, 'address'],
			[0, 'issueDate'],
			[0, 'authority'],
			[1, 'CLOVA OCR could not read the image: Read page:0 error.'],
			[2, 'type'],
			[2, 'num'],
			[2, 'name'],
			[2, 'personalNum'],
			[2, 'address'],
			[2, 'renewStartDate'],
			[2, 'renewEndDate'],
			[2, 'condition'],
			[2, 'code'],
			[2, 'organDonation'],
			[2, 'issueDate'],
			[2, 'authority'],
		]);
		expect(result.items[5].json).toEqual({
			error: 'CLOVA OCR could not read the image: Read page:0 error.',
		});
	});

	test('error output: the failed item goes to the error branch with its pairing', async () => {
		const result = await threeItemsMiddleFails('continueErrorOutput');
		expect(result.error).toBeUndefined();
		expect(result.items.map(({ pairedItem }) => (pairedItem as { item: number }).item)).toEqual([
			...Array(5).fill(0),
			...Array(12).fill(2),
		]);
		expect(pairs(result.errorItems)).toEqual([
			[1, 'CLOVA OCR could not read the image: Read page:0 error.'],
		]);
	});

	test('without it, the first failure stops the node and names its item', async () => {
		const seen = errorSeen(
			await run([
				await jpegItem('a [scenario=ic-success].jpg'),
				await jpegItem('b [scenario=ic-success].jpg'),
				await jpegItem('c [scenario=infer-error].jpg'),
			]),
		);
		expect(seen).toMatchObject({
			message: 'CLOVA OCR could not read the image: Read page:0 error.',
			itemIndex: 2,
		});
	});

	test('every kind of failure yields exactly one error item, none disappears', async () => {
		const items = [
			await jpegItem('[scenario=quota].jpg'),
			await jpegItem('[scenario=non-json].jpg'),
			await binaryItem(sampleFile('heic'), 'x.heic'),
			{ json: {} },
			await binaryItem(Buffer.alloc(0), 'empty.jpg'),
		];
		const result = await run(items, { onError: 'continueRegularOutput' });
		expect(pairs(result.items)).toEqual([
			[0, "The domain's API request quota is used up (CLOVA OCR error 0023, HTTP 400)"],
			[1, 'CLOVA OCR sent a response that does not fit the documented shape: the body is not JSON'],
			[2, 'Unsupported file type: HEIC'],
			[3, 'The input item has no binary field "data"'],
			[4, 'The file in binary field "data" is empty'],
		]);
		expectNoSecret(result);
	});
});

describe('the secret key', () => {
	test('travels only in the X-OCR-SECRET header', async () => {
		emulator.setScenario('dl-success');
		for (const uploadMode of ['multipart', 'json']) {
			const result = await run(
				[await jpegItem()],
				{},
				{ operation: 'recognizeAnyId', options: { uploadMode } },
			);
			expectNoSecret(result);
		}
		for (const request of emulator.requests) {
			expect(request.secretOk).toBe(true);
			expect(JSON.stringify(request.message)).not.toContain(SECRET);
			expect(request.file?.includes(SECRET)).toBe(false);
		}
	});
});
