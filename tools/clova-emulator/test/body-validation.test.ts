import {
	encodeMultipart,
	endpoint,
	errorBody,
	jsonMessage,
	multipartMessage,
	pngWith,
	postJson,
	postRaw,
	SECRET,
	SIGNATURES,
	standardParts,
	useEmulator,
	type HttpResult,
} from './test-support';

const emulator = useEmulator();
const png = pngWith('validation');
const MiB50 = 52_428_800;

function expectBodyInvalid(result: HttpResult, reason: string | RegExp): void {
	expect(result.status).toBe(400);
	expect(errorBody(result)).toMatchObject({ code: '0011', message: 'Request body invalid.' });
	const record = emulator().requests.at(-1);
	expect(record?.status).toBe(400);
	expect(record?.errorCode).toBe('0011');
	expect(record?.scenario).toBeNull();
	if (typeof reason === 'string') expect(record?.rejectionReason).toBe(reason);
	else expect(record?.rejectionReason).toMatch(reason);
}

function postMultipart(
	body: Buffer,
	contentType = 'multipart/form-data; boundary=XyZ',
): Promise<HttpResult> {
	return postRaw(
		endpoint(emulator()),
		{ 'Content-Type': contentType, 'X-OCR-SECRET': SECRET },
		body,
	);
}

describe('application/json bodies answered with 0011', () => {
	const image = (overrides: Record<string, unknown>) => jsonMessage(png, overrides);
	it.each<[string, unknown, string]>([
		['a body that is not JSON', '{"version": "V2",', 'body is not JSON'],
		['a JSON array', [], 'message is not an object'],
		['version V1', jsonMessage(png, {}, { version: 'V1' }), 'version is not "V2"'],
		['version as a number', jsonMessage(png, {}, { version: 2 }), 'version is not "V2"'],
		['no requestId', jsonMessage(png, {}, { requestId: undefined }), 'requestId is not a string'],
		['a numeric requestId', jsonMessage(png, {}, { requestId: 1234 }), 'requestId is not a string'],
		['no timestamp', jsonMessage(png, {}, { timestamp: undefined }), 'timestamp is not an integer'],
		[
			'a fractional timestamp',
			jsonMessage(png, {}, { timestamp: 1.5 }),
			'timestamp is not an integer',
		],
		[
			'a string timestamp',
			jsonMessage(png, {}, { timestamp: '1725406864631' }),
			'timestamp is not an integer',
		],
		['no images', jsonMessage(png, {}, { images: undefined }), 'images is not an array'],
		[
			'images as an object',
			jsonMessage(png, {}, { images: { format: 'png' } }),
			'images is not an array',
		],
		[
			'zero images',
			jsonMessage(png, {}, { images: [] }),
			'images holds 0 entries, exactly one is allowed',
		],
		[
			'two images',
			jsonMessage(png, {}, { images: [image({}).images, image({}).images].flat() }),
			'images holds 2 entries, exactly one is allowed',
		],
		[
			'an image that is a string',
			jsonMessage(png, {}, { images: ['x'] }),
			'images[0] is not an object',
		],
		[
			'format gif',
			image({ format: 'gif' }),
			'images[0].format is not one of jpg|jpeg|png|pdf|tif|tiff',
		],
		[
			'format PNG (upper case)',
			image({ format: 'PNG' }),
			'images[0].format is not one of jpg|jpeg|png|pdf|tif|tiff',
		],
		[
			'no format',
			image({ format: undefined }),
			'images[0].format is not one of jpg|jpeg|png|pdf|tif|tiff',
		],
		['no name', image({ name: undefined }), 'images[0].name is not a non-empty string'],
		['an empty name', image({ name: '' }), 'images[0].name is not a non-empty string'],
		['no data', image({ data: undefined }), 'images[0].data is not a string'],
		[
			'a url instead of data',
			image({ data: undefined, url: 'https://example.com/a.png' }),
			'images[0].data is not a string',
		],
		['data that is not base64', image({ data: 'iVBORw0KGgo!!!!' }), 'images[0].data is not base64'],
		['base64 with a line break', image({ data: 'iVBO\nRw0KGgo=' }), 'images[0].data is not base64'],
		['empty data', image({ data: '' }), 'file is empty'],
		['png bytes declared as jpg', image({ format: 'jpg' }), 'file bytes are not jpg'],
		[
			'text declared as png',
			image({ data: Buffer.from('hello world').toString('base64') }),
			'file bytes are not png',
		],
	])('%s', async (_label, body, reason) => {
		expectBodyInvalid(await postJson(emulator(), body), reason);
	});

	it('accepts a body without version, which the JSON table marks optional', async () => {
		const result = await postJson(emulator(), jsonMessage(png, {}, { version: undefined }));
		expect(result.status).toBe(200);
	});

	it.each([
		['text/plain', 'unsupported Content-Type text/plain'],
		[
			'application/x-www-form-urlencoded',
			'unsupported Content-Type application/x-www-form-urlencoded',
		],
	])('rejects Content-Type %s', async (contentType, reason) => {
		expectBodyInvalid(
			await postJson(emulator(), jsonMessage(png), { headers: { 'Content-Type': contentType } }),
			reason,
		);
	});

	it('rejects a request without Content-Type', async () => {
		const body = Buffer.from(JSON.stringify(jsonMessage(png)));
		expectBodyInvalid(
			await postRaw(endpoint(emulator()), { 'X-OCR-SECRET': SECRET }, body),
			'missing Content-Type',
		);
	});
});

describe('file signatures', () => {
	const cases: Array<[string, Buffer]> = [
		['jpg', SIGNATURES.jpg],
		['jpeg', SIGNATURES.jpg],
		['png', SIGNATURES.png],
		['pdf', SIGNATURES.pdf],
		['tif', SIGNATURES.tiffLittle],
		['tiff', SIGNATURES.tiffBig],
	];
	it.each(cases)(
		'accepts %s with its signature and rejects it with another',
		async (format, signature) => {
			const good = Buffer.concat([signature, Buffer.from('rest of file')]);
			const accepted = await postJson(emulator(), jsonMessage(good, { format }));
			expect(accepted.status).toBe(200);
			expect(emulator().requests[0]?.imageFormat).toBe(format);

			const other = format === 'pdf' ? SIGNATURES.png : SIGNATURES.pdf;
			const bad = Buffer.concat([other, Buffer.from('rest of file')]);
			expectBodyInvalid(
				await postJson(emulator(), jsonMessage(bad, { format })),
				`file bytes are not ${format}`,
			);
		},
	);

	it('rejects a file shorter than its signature', async () => {
		expectBodyInvalid(
			await postJson(emulator(), jsonMessage(Buffer.from([0x89, 0x50]))),
			'file bytes are not png',
		);
	});
});

describe('multipart/form-data bodies answered with 0011', () => {
	const message = multipartMessage();
	it.each<[string, () => Buffer, string | RegExp]>([
		[
			'no message part',
			() => encodeMultipart('XyZ', standardParts(message, png).slice(1)),
			'expected one "message" part, got 0',
		],
		[
			'no file part',
			() => encodeMultipart('XyZ', standardParts(message, png).slice(0, 1)),
			'expected one "file" part, got 0',
		],
		[
			'two file parts',
			() =>
				encodeMultipart('XyZ', [
					...standardParts(message, png),
					...standardParts(message, png).slice(1),
				]),
			'expected one "file" part, got 2',
		],
		[
			'a message that is not JSON',
			() =>
				encodeMultipart('XyZ', [
					{ headers: ['Content-Disposition: form-data; name="message"'], body: '{' },
					...standardParts(message, png).slice(1),
				]),
			'"message" part is not JSON',
		],
		[
			'no version in the message',
			() =>
				encodeMultipart('XyZ', standardParts(multipartMessage({}, { version: undefined }), png)),
			'version missing',
		],
		[
			'version V1',
			() => encodeMultipart('XyZ', standardParts(multipartMessage({}, { version: 'V1' }), png)),
			'version is not "V2"',
		],
		[
			'format tiff with png bytes',
			() => encodeMultipart('XyZ', standardParts(multipartMessage({ format: 'tiff' }), png)),
			'file bytes are not tiff',
		],
		[
			'an empty file',
			() => encodeMultipart('XyZ', standardParts(message, Buffer.alloc(0))),
			'file is empty',
		],
		[
			'a missing closing boundary',
			() => encodeMultipart('XyZ', standardParts(message, png)).subarray(0, -9),
			/^malformed multipart: /,
		],
		[
			'another boundary than declared',
			() => encodeMultipart('Other', standardParts(message, png)),
			'malformed multipart: no opening boundary',
		],
	])('%s', async (_label, build, reason) => {
		expectBodyInvalid(await postMultipart(build()), reason);
	});

	it('rejects multipart without a boundary parameter', async () => {
		const body = encodeMultipart('XyZ', standardParts(message, png));
		expectBodyInvalid(
			await postMultipart(body, 'multipart/form-data'),
			'multipart Content-Type without a usable boundary',
		);
	});
});

describe('50 MiB ceiling', () => {
	const sized = (bytes: number): Buffer => {
		const file = Buffer.alloc(bytes, 0x41);
		SIGNATURES.png.copy(file);
		return file;
	};
	const message = multipartMessage();

	it('accepts a multipart file of exactly 52,428,800 bytes and rejects one byte more', async () => {
		const atLimit = await postMultipart(
			encodeMultipart('XyZ', standardParts(message, sized(MiB50))),
		);
		expect(atLimit.status).toBe(200);
		expect(emulator().requests[0]?.file?.length).toBe(MiB50);

		const over = await postMultipart(
			encodeMultipart('XyZ', standardParts(message, sized(MiB50 + 1))),
		);
		expectBodyInvalid(over, `file is ${MiB50 + 1} bytes, over ${MiB50}`);
	});

	it('rejects a JSON body whose base64 decodes to one byte over the limit', async () => {
		expectBodyInvalid(
			await postJson(emulator(), jsonMessage(sized(MiB50 + 1))),
			`file is ${MiB50 + 1} bytes, over ${MiB50}`,
		);
	});

	it('rejects a body too large to hold a 50 MiB file without buffering it', async () => {
		const body = Buffer.alloc(72 * 1024 * 1024, 0x20);
		expectBodyInvalid(await postMultipart(body), /^body over \d+ bytes$/);
	});
});
