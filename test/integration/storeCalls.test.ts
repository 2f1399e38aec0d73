import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import { READ_WHOLE_BYTES } from '../../nodes/ClovaOcr/input/binaryInput';
import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import { IC_FIELDS } from './batchScenarios';
import { binaryItem, runClovaNode, sampleFile, useBinaryMode, type BinaryMode } from './harness';

/**
 * What the node asks of n8n's stores per item, in n8n's engine: the credential is loaded once
 * per item, before the request waits for its slot, and handed to n8n's request helper, so no
 * request (a retry included) loads it again; a stored file's metadata is read once.
 */
const SECRET = 'store-calls-secret-71d4';
let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({ secretKey: SECRET });
});
afterAll(async () => await emulator.close());
beforeEach(() => emulator.reset());
afterEach(() => jest.restoreAllMocks());

/** Counts the calls to n8n's binary data service (a file store's reads) while a run goes. */
function countBinaryCalls() {
	const service = Container.get(BinaryDataService);
	return {
		metadata: jest.spyOn(service, 'getMetadata'),
		stream: jest.spyOn(service, 'getAsStream'),
		buffer: jest.spyOn(service, 'getAsBuffer'),
	};
}

/** A JPEG over the size that is read whole (its signature and READ_WHOLE_BYTES more). */
const LARGE_JPEG = sampleFile('jpg', READ_WHOLE_BYTES);

async function run(
	mode: BinaryMode,
	uploadMode: 'multipart' | 'json',
	items = 1,
	file = sampleFile('jpg'),
) {
	await useBinaryMode(mode);
	const inputs = await Promise.all(
		Array.from({ length: items }, async (_, i) => await binaryItem(file, `${i}.jpg`)),
	);
	const binary = countBinaryCalls();
	const result = await runClovaNode({
		parameters: { operation: 'recognizeIdCard', options: { uploadMode, maxRetries: 3 } },
		items: inputs,
		credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
	});
	const calls = {
		metadata: binary.metadata.mock.calls.length,
		stream: binary.stream.mock.calls.length,
		buffer: binary.buffer.mock.calls.length,
	};
	return { result, calls };
}

describe('the credential: loaded once per item, never per request', () => {
	test.each<[string, Parameters<Emulator['enqueue']>]>([
		['0025 (a refusal)', ['rate-limit']],
		['0025, then 0500', ['rate-limit', 'server-error']],
	])('a request sent again after %s loads it once', async (_case, faults) => {
		emulator.enqueue(...faults);
		const { result } = await run('default', 'multipart');
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.field)).toEqual(IC_FIELDS);
		expect(emulator.requests).toHaveLength(faults.length + 1);
		expect(result.credentialLoads).toBe(1);
	});

	test('every request of the item carries the secret, set by the credential alone', async () => {
		emulator.enqueue('rate-limit');
		const { result } = await run('default', 'json');
		expect(result.error).toBeUndefined();
		expect(emulator.requests.map((request) => request.secretOk)).toEqual([true, true]);
		expect(result.credentialLoads).toBe(1);
	});

	test('three items: three loads, one each', async () => {
		const { result } = await run('default', 'multipart', 3);
		expect(result.error).toBeUndefined();
		expect(emulator.requests).toHaveLength(3);
		expect(result.credentialLoads).toBe(3);
	});
});

describe('a stored file up to 1 MiB (filesystem mode): read once, before the slot', () => {
	test.each(['multipart', 'json'] as const)(
		'%s after a refusal: the metadata once and the file once, whatever the attempts',
		async (uploadMode) => {
			emulator.enqueue('rate-limit');
			const { result, calls } = await run('filesystem', uploadMode);
			expect(result.error).toBeUndefined();
			expect(emulator.requests.map((request) => request.file)).toEqual([
				sampleFile('jpg'),
				sampleFile('jpg'),
			]);
			expect([calls, result.credentialLoads]).toEqual([{ metadata: 1, stream: 0, buffer: 1 }, 1]);
		},
	);
});

describe('a stored file over 1 MiB (filesystem mode): its metadata read once, the file streamed', () => {
	test('multipart after a refusal: the metadata once, one stream for the sniff and one per request', async () => {
		emulator.enqueue('rate-limit');
		const { result, calls } = await run('filesystem', 'multipart', 1, LARGE_JPEG);
		expect(result.error).toBeUndefined();
		expect(emulator.requests.map((request) => request.file?.length)).toEqual([
			LARGE_JPEG.length,
			LARGE_JPEG.length,
		]);
		expect([calls, result.credentialLoads]).toEqual([{ metadata: 1, stream: 3, buffer: 0 }, 1]);
	});

	test('JSON after a refusal: the metadata once, the sniff, and the file read by each request', async () => {
		emulator.enqueue('rate-limit');
		const { result, calls } = await run('filesystem', 'json', 1, LARGE_JPEG);
		expect(result.error).toBeUndefined();
		expect(emulator.requests).toHaveLength(2);
		expect([calls, result.credentialLoads]).toEqual([{ metadata: 1, stream: 1, buffer: 2 }, 1]);
	});
});

/** Slows every metadata read, and counts the stored files being read at once (metadata, then the file). */
function slowReads() {
	const service = Container.get(BinaryDataService);
	const getMetadata = service.getMetadata.bind(service);
	const getAsBuffer = service.getAsBuffer.bind(service);
	const reads = { order: [] as string[], now: 0, most: 0 };
	// A slow metadata read: without the lane, every item's read would start before one ends.
	jest.spyOn(service, 'getMetadata').mockImplementation(async (id) => {
		reads.order.push(id);
		reads.most = Math.max(reads.most, ++reads.now);
		await new Promise((resolve) => setTimeout(resolve, 20));
		return await getMetadata(id);
	});
	jest.spyOn(service, 'getAsBuffer').mockImplementation(async (binary) => {
		try {
			return await getAsBuffer(binary);
		} finally {
			reads.now--;
		}
	});
	return reads;
}

async function storedItems(count: number) {
	return await Promise.all(
		Array.from({ length: count }, async (_, i) => await binaryItem(sampleFile('jpg'), `${i}.jpg`)),
	);
}

describe("the store lanes: an execution's items, and all executions in the process, read four at a time", () => {
	test('twelve stored files at Concurrency 12: never more than four read at once, in item order', async () => {
		await useBinaryMode('filesystem');
		const inputs = await storedItems(12);
		const reads = slowReads();
		const result = await runClovaNode({
			parameters: { operation: 'recognizeIdCard', options: { concurrency: 12 } },
			items: inputs,
			credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
		});
		expect(result.error).toBeUndefined();
		expect(emulator.requests).toHaveLength(12);
		expect(reads.most).toBe(4);
		expect(reads.order).toEqual(inputs.map((item) => item.binary?.data?.id));
	});

	test('three executions of six files at once (a queue-mode worker): never more than four read at once', async () => {
		await useBinaryMode('filesystem');
		const executions = await Promise.all([0, 1, 2].map(async () => await storedItems(6)));
		const reads = slowReads();
		const results = await Promise.all(
			executions.map(
				async (items) =>
					await runClovaNode({
						parameters: { operation: 'recognizeIdCard', options: { concurrency: 6 } },
						items,
						credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
					}),
			),
		);
		expect(results.map((result) => [result.error, result.items.length])).toEqual(
			executions.map(() => [undefined, 6 * IC_FIELDS.length]),
		);
		expect(emulator.requests).toHaveLength(18);
		expect(reads.most).toBe(4);
	});
});
