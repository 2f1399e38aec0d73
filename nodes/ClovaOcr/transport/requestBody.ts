import { randomUUID } from 'crypto';

import type { BinaryStream, StoredFile } from '../input/checkedImage';
import type { InputImage } from '../input/readInputImage';

export type UploadMode = 'multipart' | 'json';

export interface RequestBody {
	contentType: string;
	/** A stream for a stored file: the request holds one chunk of it at a time. */
	body: Buffer | string | BinaryStream;
	/** Set for a streamed body, so it goes with a Content-Length, not chunked. */
	contentLength?: number;
	requestId: string;
}

type StreamFrom = (chunks: AsyncIterable<Buffer>, options: { objectMode: boolean }) => BinaryStream;

/**
 * `Readable.from` of the stream n8n handed over: the node may not import `stream`
 * (n8n Cloud's rule), and every Node stream class inherits the static.
 */
function streamFromOf(stream: BinaryStream): StreamFrom | undefined {
	const from = (stream.constructor as { from?: StreamFrom }).from;
	return typeof from === 'function' ? from : undefined;
}

/** The stored file between head and tail; fails the request if it is longer than its metadata said. */
async function* framed(head: Buffer, file: BinaryStream, size: number, tail: Buffer) {
	yield head;
	let sent = 0;
	try {
		for await (const chunk of file as AsyncIterable<Buffer | string>) {
			const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
			sent += bytes.length;
			if (sent > size) throw new Error('the stored file is longer than its recorded size');
			yield bytes;
		}
	} finally {
		file.destroy();
	}
	if (sent !== size) throw new Error('the stored file is shorter than its recorded size');
	yield tail;
}

async function storedFileBody(
	head: Buffer,
	stored: StoredFile,
	tail: Buffer,
): Promise<{ body: Buffer | BinaryStream; contentLength?: number }> {
	const file = await stored.open();
	const from = streamFromOf(file);
	if (!from) {
		file.destroy();
		return { body: Buffer.concat([head, await stored.readAll(), tail]) };
	}
	return {
		body: from(framed(head, file, stored.size, tail), { objectMode: false }),
		contentLength: head.length + stored.size + tail.length,
	};
}

/** What a request carries beside the image: General and Template OCR's options. */
export interface MessageOptions {
	/** `lang`: `ko`, `ja`, `zh-TW`, `en`, comma-joined; the service's default when absent. */
	lang?: string;
	/** `enableTableDetection` (General OCR): the domain's table extraction must be on. */
	enableTableDetection?: boolean;
	/** `images[0].templateIds` (Template OCR): the templates to match; all deployed when absent. */
	templateIds?: number[];
}

interface RequestMessage {
	version: 'V2';
	requestId: string;
	timestamp: number;
	lang?: string;
	enableTableDetection?: boolean;
	images: Array<{ format: string; name: string; data?: string; templateIds?: number[] }>;
}

function messageFor(image: InputImage, options: MessageOptions): RequestMessage {
	const { lang, enableTableDetection, templateIds } = options;
	return {
		version: 'V2',
		requestId: randomUUID(),
		timestamp: Date.now(),
		...(lang === undefined ? {} : { lang }),
		...(enableTableDetection === undefined ? {} : { enableTableDetection }),
		images: [
			{
				format: image.format,
				name: image.name,
				...(templateIds === undefined ? {} : { templateIds }),
			},
		],
	};
}

function breaksQuotedString(char: string): boolean {
	const code = char.charCodeAt(0);
	return char === '"' || char === '\\' || code < 0x20 || code === 0x7f;
}

/**
 * A file name for the quoted filename of a Content-Disposition header:
 * percent-encoded, as browsers do for `"`, CR and LF, and here also for `\`
 * (which would escape the closing quote) and every other control character.
 */
export function quotedFileName(name: string): string {
	return Array.from(name, (char) =>
		breaksQuotedString(char)
			? `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
			: char,
	).join('');
}

/** `message` (JSON without data) and `file` (the bytes as they are: no base64 copy). */
async function multipartBody(image: InputImage, message: RequestMessage): Promise<RequestBody> {
	const boundary = `----n8nClovaOcr${randomUUID().replace(/-/g, '')}`;
	const head = Buffer.from(
		`--${boundary}\r\n` +
			'Content-Disposition: form-data; name="message"\r\n' +
			'Content-Type: application/json\r\n\r\n' +
			`${JSON.stringify(message)}\r\n` +
			`--${boundary}\r\n` +
			`Content-Disposition: form-data; name="file"; filename="${quotedFileName(image.name)}"\r\n` +
			`Content-Type: ${image.mimeType}\r\n\r\n`,
		'utf8',
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
	const contentType = `multipart/form-data; boundary=${boundary}`;
	if ('stored' in image) {
		return {
			contentType,
			...(await storedFileBody(head, image.stored, tail)),
			requestId: message.requestId,
		};
	}
	return {
		contentType,
		body: Buffer.concat([head, image.bytes, tail]),
		requestId: message.requestId,
	};
}

/** The whole file as base64 inside the JSON: about 2.3 times the file per request in flight (file + base64 + JSON). */
async function jsonBody(image: InputImage, message: RequestMessage): Promise<RequestBody> {
	const bytes = 'stored' in image ? await image.stored.readAll() : image.bytes;
	message.images[0].data = bytes.toString('base64');
	return {
		contentType: 'application/json',
		body: JSON.stringify(message),
		requestId: message.requestId,
	};
}

/** A request for one image, with a fresh requestId and timestamp (and a fresh read of a stored file). */
export async function buildRequestBody(
	image: InputImage,
	mode: UploadMode,
	options: MessageOptions = {},
): Promise<RequestBody> {
	const message = messageFor(image, options);
	return mode === 'json' ? await jsonBody(image, message) : await multipartBody(image, message);
}
