import { Readable } from 'node:stream';

import type { InputImage } from '../../../nodes/ClovaOcr/input/readInputImage';
import { buildRequestBody, quotedFileName } from '../../../nodes/ClovaOcr/transport/requestBody';
import { boundaryFromContentType, parseMultipart } from '../../../tools/clova-emulator/multipart';

const image: InputImage & { bytes: Buffer } = {
	bytes: Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x0d, 0x0a, 0x2d, 0x2d, 0xff]),
	format: 'jpg',
	mimeType: 'image/jpeg',
	name: '홍길동 "card".jpg',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('JSON body', () => {
	test('version V2, fresh requestId and timestamp, one image with base64 data', async () => {
		const before = Date.now();
		const request = await buildRequestBody(image, 'json');
		const body = JSON.parse(request.body as string);
		expect(request.contentType).toBe('application/json');
		expect(body).toEqual({
			version: 'V2',
			requestId: request.requestId,
			timestamp: expect.any(Number),
			images: [{ format: 'jpg', name: '홍길동 "card".jpg', data: image.bytes.toString('base64') }],
		});
		expect(request.requestId).toMatch(UUID);
		expect(body.timestamp).toBeGreaterThanOrEqual(before);
		expect(body.timestamp).toBeLessThanOrEqual(Date.now());
	});

	test('each request gets its own requestId', async () => {
		expect((await buildRequestBody(image, 'json')).requestId).not.toBe(
			(await buildRequestBody(image, 'json')).requestId,
		);
	});
});

describe('multipart body', () => {
	test('a message part without data, then the file bytes unchanged', async () => {
		const request = await buildRequestBody(image, 'multipart');
		const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(request.contentType)?.[1];
		expect(boundary).toMatch(/^----n8nClovaOcr[0-9a-f]{32}$/);
		const body = request.body as Buffer;
		const message = {
			version: 'V2',
			requestId: request.requestId,
			timestamp: expect.any(Number),
			images: [{ format: 'jpg', name: '홍길동 "card".jpg' }],
		};
		const head = `--${boundary}\r\nContent-Disposition: form-data; name="message"\r\nContent-Type: application/json\r\n\r\n`;
		const text = body.toString('latin1');
		expect(text.startsWith(head)).toBe(true);
		const messageEnd = body.indexOf(`\r\n--${boundary}\r\n`);
		expect(JSON.parse(body.subarray(Buffer.byteLength(head), messageEnd).toString('utf8'))).toEqual(
			message,
		);
		const fileHead = Buffer.from(
			`\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="홍길동 %22card%22.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
		);
		expect(body.subarray(messageEnd, messageEnd + fileHead.length)).toEqual(fileHead);
		const fileStart = messageEnd + fileHead.length;
		const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
		expect(body.subarray(fileStart, fileStart + image.bytes.length)).toEqual(image.bytes);
		expect(body.subarray(fileStart + image.bytes.length)).toEqual(tail);
	});
});

describe('the file name in the multipart header', () => {
	test.each([
		['a backslash at the end', 'scan\\', 'scan%5C'],
		['a backslash before a quote', 'a\\"; name="message', 'a%5C%22; name=%22message'],
		['line breaks', 'a\r\nContent-Type: text/html', 'a%0D%0AContent-Type: text/html'],
		['a tab, NUL and DEL', 'a\tb\u0000c\u007f', 'a%09b%00c%7F'],
		['Korean and a percent sign', '홍길동 100%.jpg', '홍길동 100%.jpg'],
	])('%s: the header stays well-formed', async (_case, name, filename) => {
		expect(quotedFileName(name)).toBe(filename);
		const request = await buildRequestBody({ ...image, name }, 'multipart');
		const boundary = boundaryFromContentType(request.contentType);
		expect(boundary).not.toBeNull();
		const parts = parseMultipart(request.body as Buffer, boundary as string);
		expect(parts.map((part) => [part.name, part.filename, part.contentType])).toEqual([
			['message', null, 'application/json'],
			['file', filename, 'image/jpeg'],
		]);
		expect(parts[1].data).toEqual(image.bytes);
		expect(JSON.parse(parts[0].data.toString('utf8')).images[0].name).toBe(name);
	});
});

describe('a stored file (binary data with an id) streams', () => {
	/** A stored copy of `image`, read in chunks of `chunk` bytes; counts how often it is opened. */
	function storedImage(bytes: Buffer, size = bytes.length, chunk = 2) {
		const opened = { count: 0, readAll: 0 };
		const stored: InputImage = {
			format: 'jpg',
			mimeType: 'image/jpeg',
			name: image.name,
			stored: {
				size,
				open: async () => {
					opened.count++;
					const chunks = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) =>
						bytes.subarray(i * chunk, (i + 1) * chunk),
					);
					return Readable.from(chunks);
				},
				readAll: async () => (opened.readAll++, bytes),
			},
		};
		return { stored, opened };
	}

	async function drain(body: unknown): Promise<Buffer> {
		const chunks: Buffer[] = [];
		for await (const chunk of body as Readable) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks);
	}

	test('multipart: a stream with the same bytes as the in-memory body, and its Content-Length', async () => {
		const { stored, opened } = storedImage(image.bytes);
		const request = await buildRequestBody(stored, 'multipart');
		expect(request.body).toBeInstanceOf(Readable);
		const streamed = await drain(request.body);
		const boundary = /boundary=(.+)$/.exec(request.contentType)![1];
		const fileHead = Buffer.from(
			`\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="홍길동 %22card%22.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
		);
		const ending = Buffer.concat([fileHead, image.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
		expect(streamed.subarray(streamed.length - ending.length)).toEqual(ending);
		const message = streamed.subarray(0, streamed.length - ending.length).toString('utf8');
		expect(
			message.startsWith(`--${boundary}\r\nContent-Disposition: form-data; name="message"`),
		).toBe(true);
		expect(JSON.parse(message.slice(message.indexOf('{')))).toEqual({
			version: 'V2',
			requestId: request.requestId,
			timestamp: expect.any(Number),
			images: [{ format: 'jpg', name: '홍길동 "card".jpg' }],
		});
		expect(request.contentLength).toBe(streamed.length);
		expect([opened.count, opened.readAll]).toEqual([1, 0]);
	});

	test('every request opens the file afresh (a retry cannot reuse a consumed stream)', async () => {
		const { stored, opened } = storedImage(image.bytes);
		await drain((await buildRequestBody(stored, 'multipart')).body);
		await drain((await buildRequestBody(stored, 'multipart')).body);
		expect(opened.count).toBe(2);
	});

	test.each([
		['longer', 4, 'the stored file is longer than its recorded size'],
		['shorter', 20, 'the stored file is shorter than its recorded size'],
	])('a stored file %s than its metadata fails the request', async (_case, size, message) => {
		const { stored } = storedImage(image.bytes, size);
		const request = await buildRequestBody(stored, 'multipart');
		await expect(drain(request.body)).rejects.toThrow(message);
	});

	test('JSON mode reads the whole file (base64 cannot stream)', async () => {
		const { stored, opened } = storedImage(image.bytes);
		const request = await buildRequestBody(stored, 'json');
		expect(JSON.parse(request.body as string).images[0].data).toBe(image.bytes.toString('base64'));
		expect([opened.count, opened.readAll, request.contentLength]).toEqual([0, 1, undefined]);
	});
});
