import type { Emulator } from '../../tools/clova-emulator';
import {
	binaryItem,
	emulatorPerSuite,
	runClovaNode,
	sampleFile,
	useBinaryMode,
	type RunOptions,
} from './harness';

const SECRET = 'integration-secret-7f3a';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));

function run(
	parameters: RunOptions['parameters'],
	items: RunOptions['items'],
	extra: Partial<RunOptions> = {},
) {
	return runClovaNode({
		parameters,
		items,
		credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
		...extra,
	});
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('upload modes on the wire', () => {
	test.each(['multipart', 'json'] as const)(
		'%s: the service receives the input file byte for byte',
		async (uploadMode) => {
			const file = sampleFile('jpg', 100_000);
			const result = await run({ operation: 'recognizeIdCard', options: { uploadMode } }, [
				await binaryItem(file, 'card-front.jpg'),
			]);
			expect(result.error).toBeUndefined();
			expect(emulator.requests).toHaveLength(1);
			const [request] = emulator.requests;
			expect(request.method).toBe('POST');
			expect(request.path).toBe(new URL(emulator.invokeUrl).pathname + '/document/id-card');
			expect(request.secretOk).toBe(true);
			expect(request.uploadMode).toBe(uploadMode);
			expect(request.file?.equals(file)).toBe(true);
			const message = request.message as Record<string, unknown>;
			expect(message).toEqual({
				version: 'V2',
				requestId: expect.stringMatching(UUID),
				timestamp: expect.any(Number),
				images: [
					uploadMode === 'json'
						? { format: 'jpg', name: 'card-front.jpg', data: file.toString('base64') }
						: { format: 'jpg', name: 'card-front.jpg' },
				],
			});
			expect(result.items[0].json.requestId).toBe(message.requestId);
			expect(result.items[0].json.imageName).toBe('card-front.jpg');
		},
	);

	test.each([
		['png', 'png'],
		['pdf', 'pdf'],
		['tiff', 'tiff'],
	] as const)(
		'%s files are sent with format %s, sniffed from the bytes not the name',
		async (kind, format) => {
			const file = sampleFile(kind);
			await run({ operation: 'recognizeIdCard' }, [
				await binaryItem(file, 'scan.jpg', 'image/jpeg'),
			]);
			expect(emulator.requests[0].imageFormat).toBe(format);
			expect(emulator.requests[0].file?.equals(file)).toBe(true);
		},
	);

	test('a file without a name is sent as image-<n>.<format>', async () => {
		await run({ operation: 'recognizeIdCard' }, [
			await binaryItem(sampleFile('png'), undefined, 'image/png'),
		]);
		expect(emulator.requests[0].imageName).toBe('image-1.png');
	});
});

const IC_FIELDS = [
	['name', '홍**', '홍**'],
	// The service's own mask shows 3 back positions; the boundary shows 7 positions, `*` counted.
	['personalNum', '800***-2******', '800***-2******'],
	['address', '서울특별시 ***', '서울특별시 ***'],
	['issueDate', '2020.08.16', '2020-08-16'],
	['authority', '서울특별시 **구청장 **', '서울특별시 **구청장'],
];

describe('operations', () => {
	test('recognizeIdCard: one flat item per field of the resident card', async () => {
		const result = await run({ operation: 'recognizeIdCard' }, [
			await binaryItem(sampleFile('jpg'), 'id.jpg'),
		]);
		expect(result.items.map(({ json }) => [json.field, json.text, json.value])).toEqual(IC_FIELDS);
		const uid = emulator.requests[0] && result.items[0].json.uid;
		expect(result.items[0].json).toEqual({
			documentType: 'idCard',
			field: 'name',
			label: 'Name',
			index: 0,
			text: '홍**',
			value: '홍**',
			confidence: 0,
			isConfident: true,
			keyText: '',
			validationResult: 'NO_REQUESTED',
			validationMessage: null,
			estimatedLanguage: 'ko',
			pageIndex: null,
			pageWidth: null,
			pageHeight: null,
			valid: null,
			warnings: '',
			notes: '',
			needsReview: false,
			x: 72.2125,
			y: 116.6,
			width: 295.475,
			height: 49.025000000000006,
			imageName: 'id.jpg',
			requestId: (emulator.requests[0].message as { requestId: string }).requestId,
			uid,
		});
		expect(uid).toMatch(/^[0-9a-f]{32}$/);
		expect(
			result.items.every(({ pairedItem }) => (pairedItem as { item: number }).item === 0),
		).toBe(true);
	});

	test('recognizeDriverLicense: the documented license, renewEndDate from its formatted parts', async () => {
		emulator.setScenario('dl-success');
		const result = await run({ operation: 'recognizeDriverLicense' }, [
			await binaryItem(sampleFile('jpg'), 'dl.jpg'),
		]);
		expect(result.items).toHaveLength(12);
		const renewEnd = result.items.find(({ json }) => json.field === 'renewEndDate');
		expect(renewEnd?.json).toMatchObject({
			documentType: 'driverLicense',
			label: 'Renewal End Date',
			text: '2029 12.31',
			value: '2029-12-31',
		});
		const authority = result.items.find(({ json }) => json.field === 'authority');
		expect(authority?.json).toMatchObject({ text: '서울지방경찰청', value: '서울지방경찰청장' });
	});

	test.each([
		['ic-success', 'idCard', 5],
		['dl-success', 'driverLicense', 12],
		['pp-success', 'passport', 8],
		['ac-success', 'alienRegistrationCard', 5],
	] as const)('recognizeAnyId accepts %s as %s', async (scenario, documentType, fieldCount) => {
		emulator.setScenario(scenario);
		const result = await run({ operation: 'recognizeAnyId' }, [
			await binaryItem(sampleFile('jpg'), 'any.jpg'),
		]);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(fieldCount);
		expect(new Set(result.items.map(({ json }) => json.documentType))).toEqual(
			new Set([documentType]),
		);
	});
});

describe('output modes', () => {
	test('document: one row per image, a column per field', async () => {
		const result = await run({ operation: 'recognizeIdCard', output: 'document' }, [
			await binaryItem(sampleFile('jpg'), 'id.jpg'),
		]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({
			documentType: 'idCard',
			idType: 'ID Card',
			isConfident: true,
			validationResult: 'NO_REQUESTED',
			validationMessage: null,
			estimatedLanguage: 'ko',
			pageIndex: null,
			pageWidth: null,
			pageHeight: null,
			cardX: 2.264223,
			cardY: -5.092327,
			cardWidth: 752.259027,
			cardHeight: 479.499927,
			imageName: 'id.jpg',
			requestId: (emulator.requests[0].message as { requestId: string }).requestId,
			uid: expect.stringMatching(/^[0-9a-f]{32}$/),
			valid: null,
			warnings: '',
			notes: '',
			needsReview: false,
			...Object.fromEntries(IC_FIELDS.map(([field, , value]) => [field, value])),
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('raw: the image result exactly as the service sent it', async () => {
		emulator.setScenario('dl-success');
		const result = await run({ operation: 'recognizeDriverLicense', output: 'raw' }, [
			await binaryItem(sampleFile('jpg'), 'dl.jpg'),
		]);
		expect(result.items).toHaveLength(1);
		const raw = result.items[0].json as Record<string, unknown>;
		expect(Object.keys(raw)).toEqual([
			'uid',
			'name',
			'inferResult',
			'message',
			'validationResult',
			'idCard',
		]);
		expect(raw.name).toBe('dl.jpg');
		const resultKeys = Object.keys((raw.idCard as { result: object }).result);
		expect(resultKeys).toEqual(['isConfident', 'dl', 'rois', 'idtype']);
	});

	test('includePolygons adds boundingPolys and maskingPolys to field items', async () => {
		const result = await run({ operation: 'recognizeIdCard', options: { includePolygons: true } }, [
			await binaryItem(sampleFile('jpg'), 'id.jpg'),
		]);
		const personalNum = result.items.find(({ json }) => json.field === 'personalNum')?.json;
		expect(personalNum?.maskingPolys).toEqual([
			{
				vertices: [
					{ x: 211.13873, y: 178.01373 },
					{ x: 367.22372, y: 178.01373 },
					{ x: 367.22372, y: 220.14873 },
					{ x: 211.13873, y: 220.14873 },
				],
			},
		]);
		expect(personalNum?.boundingPolys).toHaveLength(1);
	});
});

describe('several input items', () => {
	test('3 items give their own fields, in order, each paired with its input', async () => {
		// Items run in parallel, so each picks its answer by name, not by arrival order.
		const names = [
			'a [scenario=ic-success].jpg',
			'b [scenario=dl-success].png',
			'c [scenario=ic-success-en].pdf',
		];
		const items = [
			await binaryItem(sampleFile('jpg'), names[0]),
			await binaryItem(sampleFile('png'), names[1], 'image/png'),
			await binaryItem(sampleFile('pdf'), names[2], 'application/pdf'),
		];
		const result = await run({ operation: 'recognizeAnyId' }, items);
		const summary = result.items.map(({ json, pairedItem }) => [
			(pairedItem as { item: number }).item,
			json.imageName,
			json.documentType,
		]);
		expect(summary).toEqual([
			...Array(5).fill([0, names[0], 'idCard']),
			...Array(12).fill([1, names[1], 'driverLicense']),
			...Array(5).fill([2, names[2], 'idCard']),
		]);
		expect(result.items[17].json.text).toBe('Hong**');
	});
});

describe('binary data modes', () => {
	afterAll(async () => await useBinaryMode('default'));

	test("filesystem mode: the file is read from n8n's binary store", async () => {
		await useBinaryMode('filesystem');
		const file = sampleFile('png', 50_000);
		const item = await binaryItem(file, 'stored.png', 'image/png');
		expect(item.binary?.data.id).toMatch(/^filesystem-v2:/);
		const result = await run({ operation: 'recognizeIdCard' }, [item]);
		expect(result.error).toBeUndefined();
		expect(emulator.requests[0].file?.equals(file)).toBe(true);
		expect(result.items).toHaveLength(5);
	});
});
