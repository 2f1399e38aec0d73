import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Emulator } from '../../tools/clova-emulator';
import { emulatorPerSuite, runClovaNode, sampleFile, type RunOptions } from './harness';

const SECRET = 'sources-secret-3a1f';
const PNG = sampleFile('png', 30_000);
let emulator: Emulator;
let files: Server;
let filesUrl: string;
emulatorPerSuite(SECRET, (started) => (emulator = started));

beforeAll(async () => {
	// A plain web server, as an AI agent's image link would point at.
	files = createServer((request, response) => {
		if (request.url === '/cards/front%20side.png' || request.url === '/cards/odd%ZZname.png') {
			response.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
		} else if (request.url === '/heic') {
			response.writeHead(200).end(sampleFile('heic'));
		} else {
			response.writeHead(404).end('not found');
		}
	});
	await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
	filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});
afterAll(async () => await new Promise((resolve) => files.close(resolve)));

async function run(parameters: RunOptions['parameters']) {
	return await runClovaNode({
		// The files server is on 127.0.0.1, which the Image URL guard refuses unless told otherwise.
		parameters: {
			operation: 'recognizeIdCard',
			options: { allowPrivateHosts: true },
			...parameters,
		},
		items: [{ json: {} }],
		credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
	});
}

describe('image from a URL (for AI agents)', () => {
	test('downloaded through n8n and sent byte for byte, named after the URL', async () => {
		const result = await run({
			imageSource: 'url',
			imageUrl: `${filesUrl}/cards/front%20side.png`,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(5);
		expect(emulator.requests[0].file?.equals(PNG)).toBe(true);
		expect(emulator.requests[0].imageFormat).toBe('png');
		expect(result.items[0].json.imageName).toBe('front side.png');
	});

	test('a file name that is not valid percent-encoding is kept as it is', async () => {
		const result = await run({ imageSource: 'url', imageUrl: `${filesUrl}/cards/odd%ZZname.png` });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.imageName).toBe('odd%ZZname.png');
	});

	test('Image Name overrides the name', async () => {
		const result = await run({
			imageSource: 'url',
			imageUrl: `${filesUrl}/cards/front%20side.png`,
			imageName: 'applicant-7.png',
		});
		expect(result.items[0].json.imageName).toBe('applicant-7.png');
	});

	test.each([
		[`/missing.png`, 'The Image URL answered HTTP 404'],
		[`/heic`, 'Unsupported file type: HEIC'],
	])('%s fails with %j', async (path, message) => {
		const result = await run({ imageSource: 'url', imageUrl: `${filesUrl}${path}` });
		expect(result.error?.message).toBe(message);
		expect(emulator.requests).toHaveLength(0);
	});

	test('only http(s) URLs', async () => {
		const result = await run({ imageSource: 'url', imageUrl: 'file:///etc/passwd' });
		expect(result.error?.message).toBe('The Image URL is not an http(s) URL');
	});
});

describe('image as base64 text', () => {
	test.each([
		['plain base64', PNG.toString('base64')],
		['a data: URL', `data:image/png;base64,${PNG.toString('base64')}`],
		['a data: URL with a charset', `data:image/png;charset=utf-8;base64,${PNG.toString('base64')}`],
		['base64 with line breaks', PNG.toString('base64').replace(/(.{76})/g, '$1\n')],
	])('%s', async (_case, text) => {
		const result = await run({ imageSource: 'base64', imageBase64: text });
		expect(result.error).toBeUndefined();
		expect(emulator.requests[0].file?.equals(PNG)).toBe(true);
		expect(result.items[0].json.imageName).toBe('image-1.png');
	});

	test.each([
		['not base64', 'this is not base64!', 'The Base64 Image is not valid base64 text'],
		// A literal empty value is stopped by n8n itself (required parameter); an expression can still yield one.
		['empty', '={{ "" }}', 'The file in the Base64 Image is empty'],
	])('%s', async (_case, text, message) => {
		const result = await run({ imageSource: 'base64', imageBase64: text });
		expect(result.error?.message).toBe(message);
	});
});

describe('URL or Base64 (one text an AI agent fills)', () => {
	test.each([
		['a URL', () => `${filesUrl}/cards/front%20side.png`, 'front side.png'],
		['plain base64', () => PNG.toString('base64'), 'image-1.png'],
		['a data URL', () => `data:image/png;base64,${PNG.toString('base64')}`, 'image-1.png'],
	])('%s is read and sent byte for byte', async (_case, image, name) => {
		const result = await run({ imageSource: 'urlOrBase64', image: image() });
		expect(result.error).toBeUndefined();
		expect(emulator.requests[0].file?.equals(PNG)).toBe(true);
		expect(result.items[0].json.imageName).toBe(name);
	});

	test('a private URL is refused unless Allow Private Network URLs is on', async () => {
		const result = await run({
			imageSource: 'urlOrBase64',
			image: `${filesUrl}/cards/front%20side.png`,
			options: {},
		});
		expect(result.error?.message).toBe('The Image URL points at a loopback address (127.0.0.0/8)');
		expect(result.error?.description).toBe(
			'Send a URL on the public internet, or the image itself as base64. Only public hosts are fetched; to fetch from a file server on your own network, turn on Options > Allow Private Network URLs.',
		);
		expect(emulator.requests).toHaveLength(0);
	});

	test.each([
		['another scheme', 'file:///etc/passwd', 'The Image URL is not an http(s) URL'],
		['neither', 'card.png please', 'The Image is neither an http(s) URL nor valid base64 text'],
	])('%s is refused: %j', async (_case, image, message) => {
		const result = await run({ imageSource: 'urlOrBase64', image });
		expect(result.error?.message).toBe(message);
		expect(emulator.requests).toHaveLength(0);
	});
});
