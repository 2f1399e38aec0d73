/** Helpers for the emulator's own tests: sample files and real-HTTP clients. */
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import FormDataPackage from 'form-data';

import type { Emulator } from '../emulator';
import type { EmulatorOptions, EmulatorRuntimeOptions } from '../emulator-options';
import { startEmulator } from '../emulator';
import { PRODUCT_INFO, type Product } from '../products';

export const SECRET = 'test-secret-key-for-emulator';

export const SIGNATURES = {
	jpg: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
	png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	pdf: Buffer.from('%PDF-1.4\n', 'latin1'),
	tiffLittle: Buffer.from([0x49, 0x49, 0x2a, 0x00]),
	tiffBig: Buffer.from([0x4d, 0x4d, 0x00, 0x2a]),
} as const;

/** A PNG-signed file holding every byte value, CRLFs and boundary look-alikes. */
export function trickyPngBytes(): Buffer {
	const everyByte = Buffer.from(Array.from({ length: 256 }, (_unused, index) => index));
	return Buffer.concat([
		SIGNATURES.png,
		everyByte,
		Buffer.from(
			'\r\n--\r\n\r\n--boundary\r\n--------------------------x\r\n----formdata-undici-0\r\n',
			'latin1',
		),
		everyByte.reverse(),
		Buffer.from('\r\n', 'latin1'),
	]);
}

export function pngWith(text: string): Buffer {
	return Buffer.concat([SIGNATURES.png, Buffer.from(text, 'latin1')]);
}

export interface Message {
	version?: unknown;
	requestId?: unknown;
	timestamp?: unknown;
	images?: unknown;
	[key: string]: unknown;
}

export function jsonMessage(
	file: Buffer,
	image: Record<string, unknown> = {},
	top: Message = {},
): Message {
	return {
		version: 'V2',
		requestId: 'req-0001',
		timestamp: 1725406864631,
		images: [{ format: 'png', name: 'sample', data: file.toString('base64'), ...image }],
		...top,
	};
}

export function multipartMessage(image: Record<string, unknown> = {}, top: Message = {}): Message {
	return {
		version: 'V2',
		requestId: 'req-0001',
		timestamp: 1725406864631,
		images: [{ format: 'png', name: 'sample', ...image }],
		...top,
	};
}

export interface HttpResult {
	status: number;
	headers: Record<string, string>;
	text: string;
	elapsedMs: number;
}

export interface SendOptions {
	/** Defaults to SECRET; null sends no X-OCR-SECRET. */
	secret?: string | null;
	/** Whole URL; defaults to the endpoint. */
	url?: string;
	method?: string;
	headers?: Record<string, string>;
	signal?: AbortSignal;
}

export function endpoint(emulator: Emulator): string {
	return `${emulator.invokeUrl}/document/id-card`;
}

/** A product's endpoint on its own domain: its Invoke URL + its path. */
export function productEndpoint(emulator: Emulator, product: Product): string {
	return `${emulator.invokeUrls[product]}${PRODUCT_INFO[product].path}`;
}

function secretHeader(options: SendOptions): Record<string, string> {
	const secret = options.secret === undefined ? SECRET : options.secret;
	return secret === null ? {} : { 'X-OCR-SECRET': secret };
}

async function viaFetch(url: string, init: RequestInit): Promise<HttpResult> {
	const started = Date.now();
	const response = await fetch(url, init);
	const text = await response.text();
	const headers: Record<string, string> = {};
	response.headers.forEach((value, key) => {
		headers[key] = value;
	});
	return { status: response.status, headers, text, elapsedMs: Date.now() - started };
}

/** POSTs a JSON body (or raw text/bytes) with fetch. */
export function postJson(
	emulator: Emulator,
	body: unknown,
	options: SendOptions = {},
): Promise<HttpResult> {
	const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
	return viaFetch(options.url ?? endpoint(emulator), {
		method: options.method ?? 'POST',
		headers: { 'Content-Type': 'application/json', ...secretHeader(options), ...options.headers },
		body: payload,
		...(options.signal === undefined ? {} : { signal: options.signal }),
	});
}

/** POSTs multipart/form-data built by Node's own FormData and Blob (undici's encoder). */
export function postFormData(
	emulator: Emulator,
	message: unknown,
	file: Buffer,
	options: SendOptions & { filename?: string; messageAsBlob?: boolean } = {},
): Promise<HttpResult> {
	const form = new FormData();
	const messageText = JSON.stringify(message);
	if (options.messageAsBlob === true)
		form.append('message', new Blob([messageText], { type: 'application/json' }), 'message.json');
	else form.append('message', messageText);
	form.append(
		'file',
		new Blob([file], { type: 'application/octet-stream' }),
		options.filename ?? 'sample.png',
	);
	return viaFetch(options.url ?? endpoint(emulator), {
		method: 'POST',
		headers: { ...secretHeader(options), ...options.headers },
		body: form,
	});
}

/** POSTs raw bytes with node:http (exact headers, exact body). */
export function postRaw(
	url: string,
	headers: Record<string, string>,
	body: Buffer | FormDataPackage,
): Promise<HttpResult> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const request = httpRequest(url, { method: 'POST', headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () => {
				const flat: Record<string, string> = {};
				for (const [key, value] of Object.entries(response.headers)) {
					if (value !== undefined) flat[key] = Array.isArray(value) ? value.join(', ') : value;
				}
				resolve({
					status: response.statusCode ?? 0,
					headers: flat,
					text: Buffer.concat(chunks).toString('utf8'),
					elapsedMs: Date.now() - started,
				});
			});
		});
		request.on('error', reject);
		if (Buffer.isBuffer(body)) request.end(body);
		else body.pipe(request);
	});
}

/** POSTs multipart/form-data encoded by the `form-data` package, streamed over node:http. */
export function postFormDataPackage(
	emulator: Emulator,
	message: unknown,
	file: Buffer,
	options: SendOptions & { filename?: string } = {},
): Promise<HttpResult> {
	const form = new FormDataPackage();
	form.append('message', JSON.stringify(message));
	form.append('file', file, {
		filename: options.filename ?? 'sample.png',
		contentType: 'image/png',
	});
	return postRaw(
		options.url ?? endpoint(emulator),
		{ ...form.getHeaders(), ...secretHeader(options) },
		form,
	);
}

export interface RawPart {
	headers: string[];
	body: Buffer | string;
}

/** Hand-encodes a multipart body (CRLF line breaks). */
export function encodeMultipart(
	boundary: string,
	parts: RawPart[],
	preamble = '',
	epilogue = '',
): Buffer {
	const chunks: Buffer[] = [Buffer.from(preamble, 'latin1')];
	parts.forEach((part, index) => {
		chunks.push(
			Buffer.from(`${index === 0 && preamble === '' ? '' : '\r\n'}--${boundary}\r\n`, 'latin1'),
		);
		chunks.push(
			Buffer.from(part.headers.map((header) => `${header}\r\n`).join('') + '\r\n', 'utf8'),
		);
		chunks.push(Buffer.isBuffer(part.body) ? part.body : Buffer.from(part.body, 'utf8'));
	});
	chunks.push(Buffer.from(`\r\n--${boundary}--\r\n${epilogue}`, 'latin1'));
	return Buffer.concat(chunks);
}

export function standardParts(message: unknown, file: Buffer): RawPart[] {
	return [
		{ headers: ['Content-Disposition: form-data; name="message"'], body: JSON.stringify(message) },
		{
			headers: [
				'Content-Disposition: form-data; name="file"; filename="sample.png"',
				'Content-Type: image/png',
			],
			body: file,
		},
	];
}

export interface ErrorBody {
	code: string;
	message: string;
	path: string;
	traceId: string;
	timestamp: number;
}

export function errorBody(result: HttpResult): ErrorBody {
	return JSON.parse(result.text) as ErrorBody;
}

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function fixtureText(file: string): string {
	return readFileSync(join(FIXTURES, file), 'utf8');
}

/**
 * What the emulator should send for a fixture, computed independently of its
 * own code: the fixture text with four plain first-occurrence replacements.
 */
export function expectedDocumentText(
	fixtureFile: string,
	answer: string,
	values: { requestId: string; imageName: string },
): { text: string; uid: string; timestamp: number } {
	const uid = /"uid": "([0-9a-f]{32})"/.exec(answer)?.[1];
	const timestamp = /"timestamp": (\d+)/.exec(answer)?.[1];
	if (uid === undefined || timestamp === undefined)
		throw new Error('answer lacks uid or timestamp');
	const fixture = fixtureText(fixtureFile);
	const fixtureTimestamp = /"timestamp": (\d+)/.exec(fixture)?.[1] ?? '';
	const fixtureName = /"uid": "\{uid\}",\s*"name": ("[^"]*")/.exec(fixture)?.[1] ?? '';
	const text = fixture
		.replace('"requestId": "1234"', () => `"requestId": ${JSON.stringify(values.requestId)}`)
		.replace(`"timestamp": ${fixtureTimestamp}`, () => `"timestamp": ${timestamp}`)
		.replace('"uid": "{uid}"', () => `"uid": "${uid}"`)
		.replace(`"name": ${fixtureName}`, () => `"name": ${JSON.stringify(values.imageName)}`);
	return { text, uid, timestamp: Number(timestamp) };
}

/** Starts an emulator per test file (beforeAll/afterAll); before each test restores its knobs and resets it. */
export function useEmulator(options: EmulatorOptions = {}): () => Emulator {
	let emulator: Emulator | undefined;
	let baseline: EmulatorRuntimeOptions | undefined;
	beforeAll(async () => {
		emulator = await startEmulator({ secretKey: SECRET, ...options });
		baseline = { ...emulator.options };
	});
	beforeEach(() => {
		if (baseline !== undefined) emulator?.configure(baseline);
		emulator?.reset();
	});
	afterAll(async () => {
		await emulator?.close();
	});
	return () => {
		if (emulator === undefined) throw new Error('emulator not started');
		return emulator;
	};
}

export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

export interface HeldSlots {
	/** The holding clients go away; resolves once the emulator has freed their slots. */
	release(): Promise<void>;
}

/**
 * Valid requests that take `count` of the slots of a product's domain (the ID card's unless
 * given) and keep them until released,
 * for tests of what is answered beside them: an order instead of a race against the
 * latency. Configure a latency longer than the test first (e.g. 60 s).
 */
export async function holdSlots(
	emulator: Emulator,
	count: number,
	product: Product = 'idCard',
): Promise<HeldSlots> {
	const before = emulator.stats.inFlight;
	const clients = new AbortController();
	const url = productEndpoint(emulator, product);
	const held = Array.from({ length: count }, () =>
		postJson(emulator, jsonMessage(pngWith('held')), { signal: clients.signal, url }).catch(
			() => undefined,
		),
	);
	await waitFor(() => emulator.stats.inFlight === before + count);
	return {
		release: async () => {
			const after = emulator.stats.inFlight - count;
			clients.abort();
			await Promise.all(held);
			await waitFor(() => emulator.stats.inFlight === after);
		},
	};
}
