import { READ_WHOLE_BYTES } from '../../nodes/ClovaOcr/input/binaryInput';
import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import { IC_FIELDS } from './batchScenarios';
import { binaryItem, runClovaNode, sampleFile, useBinaryMode } from './harness';

/**
 * A stored binary (filesystem mode: it has an id) over READ_WHOLE_BYTES goes out as a stream
 * built around n8n's getBinaryStream (a smaller one is read once: storeCalls.test.ts).
 */
const SECRET = 'streamed-upload-secret-5e0a';
let emulator: Emulator;
/** A JPEG over the size that is read whole (its signature and READ_WHOLE_BYTES more). */
const LARGE_JPEG = sampleFile('jpg', READ_WHOLE_BYTES);

beforeAll(async () => {
	await useBinaryMode('filesystem');
	emulator = await startEmulator({ secretKey: SECRET });
});
afterAll(async () => await emulator.close());
beforeEach(() => emulator.reset());

async function run(uploadMode: 'multipart' | 'json') {
	const item = await binaryItem(LARGE_JPEG, 'stored.jpg');
	expect(item.binary?.data.id).toBeDefined();
	return await runClovaNode({
		parameters: { operation: 'recognizeIdCard', options: { uploadMode, maxRetries: 2 } },
		items: [item],
		credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
	});
}

test('multipart: the file arrives byte for byte, with a Content-Length (not chunked)', async () => {
	const result = await run('multipart');
	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => item.json.field)).toEqual(IC_FIELDS);
	const [request] = emulator.requests;
	expect(request.file?.equals(LARGE_JPEG)).toBe(true);
	expect(request.headers['transfer-encoding']).toBeUndefined();
	expect(Number(request.headers['content-length'])).toBeGreaterThan(LARGE_JPEG.length);
});

test('a retry streams the stored file again from the start', async () => {
	emulator.enqueue('server-error');
	const result = await run('multipart');
	expect(result.error).toBeUndefined();
	expect(emulator.requests.map((request) => request.file?.equals(LARGE_JPEG))).toEqual([
		true,
		true,
	]);
});

test('JSON mode reads the stored file whole, as base64', async () => {
	const result = await run('json');
	expect(result.error).toBeUndefined();
	expect(emulator.requests[0].uploadMode).toBe('json');
	expect(emulator.requests[0].file?.equals(LARGE_JPEG)).toBe(true);
});
