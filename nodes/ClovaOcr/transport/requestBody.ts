import { randomUUID } from 'crypto';

import type { InputImage } from '../input/readInputImage';

export type UploadMode = 'multipart' | 'json';

export interface RequestBody {
	contentType: string;
	body: Buffer | string;
	requestId: string;
}

interface RequestMessage {
	version: 'V2';
	requestId: string;
	timestamp: number;
	images: Array<{ format: string; name: string; data?: string }>;
}

function messageFor(image: InputImage): RequestMessage {
	return {
		version: 'V2',
		requestId: randomUUID(),
		timestamp: Date.now(),
		images: [{ format: image.format, name: image.name }],
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
function multipartBody(image: InputImage, message: RequestMessage): RequestBody {
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
	return {
		contentType: `multipart/form-data; boundary=${boundary}`,
		body: Buffer.concat([head, image.bytes, tail]),
		requestId: message.requestId,
	};
}

function jsonBody(image: InputImage, message: RequestMessage): RequestBody {
	message.images[0].data = image.bytes.toString('base64');
	return {
		contentType: 'application/json',
		body: JSON.stringify(message),
		requestId: message.requestId,
	};
}

/** A request for one image, with a fresh requestId and timestamp. */
export function buildRequestBody(image: InputImage, mode: UploadMode): RequestBody {
	const message = messageFor(image);
	return mode === 'json' ? jsonBody(image, message) : multipartBody(image, message);
}
