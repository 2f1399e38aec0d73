/**
 * Turns the body of a POST .../document/id-card into a validated OCR request,
 * following the documented contract for application/json and
 * multipart/form-data uploads. Anything off-contract is a rejection (0011).
 */
import { bytesMatchFormat, isImageFormat, type ImageFormat } from './file-signature';
import { parseHeaderValue } from './header-params';
import { boundaryFromContentType, MultipartError, parseMultipart } from './multipart';

/** Largest accepted file: 50 MiB. */
export const MAX_FILE_BYTES = 52_428_800;
/** Largest body read into memory: a 50 MiB file as base64, plus room for the JSON or multipart framing. */
export const MAX_BODY_BYTES = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 1024 * 1024;

export type UploadMode = 'json' | 'multipart';

/** What could be read from the body, valid or not (for the request record). */
export interface ParsedUpload {
	uploadMode: UploadMode | null;
	/** The parsed JSON body (json mode) or `message` part (multipart mode); undefined if absent or unparsable. */
	message: unknown;
	file: Buffer | null;
	imageFormat: string | null;
	imageName: string | null;
}

export interface ValidOcrRequest {
	uploadMode: UploadMode;
	requestId: string;
	timestamp: number;
	imageFormat: ImageFormat;
	imageName: string;
	file: Buffer;
}

export type OcrRequestResult =
	| { ok: true; upload: ParsedUpload; request: ValidOcrRequest }
	| { ok: false; upload: ParsedUpload; reason: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function parseOcrRequest(contentType: string | undefined, body: Buffer): OcrRequestResult {
	const upload: ParsedUpload = {
		uploadMode: null,
		message: undefined,
		file: null,
		imageFormat: null,
		imageName: null,
	};
	const reject = (reason: string): OcrRequestResult => ({ ok: false, upload, reason });

	if (contentType === undefined) return reject('missing Content-Type');
	const mediaType = parseHeaderValue(contentType).value;

	if (mediaType === 'application/json') {
		upload.uploadMode = 'json';
		const message = parseJson(body);
		if (message === undefined) return reject('body is not JSON');
		upload.message = message;
		return validateMessage(upload, message, 'json', reject);
	}

	if (mediaType === 'multipart/form-data') {
		upload.uploadMode = 'multipart';
		const boundary = boundaryFromContentType(contentType);
		if (boundary === null) return reject('multipart Content-Type without a usable boundary');
		let parts;
		try {
			parts = parseMultipart(body, boundary);
		} catch (error: unknown) {
			if (error instanceof MultipartError) return reject(`malformed multipart: ${error.message}`);
			throw error;
		}
		const messageParts = parts.filter((part) => part.name === 'message');
		const fileParts = parts.filter((part) => part.name === 'file');
		if (fileParts.length === 1) upload.file = fileParts[0]?.data ?? null;
		if (messageParts.length !== 1)
			return reject(`expected one "message" part, got ${messageParts.length}`);
		const message = parseJson(messageParts[0]?.data ?? Buffer.alloc(0));
		if (message === undefined) return reject('"message" part is not JSON');
		upload.message = message;
		if (fileParts.length !== 1) return reject(`expected one "file" part, got ${fileParts.length}`);
		return validateMessage(upload, message, 'multipart', reject);
	}

	return reject(`unsupported Content-Type ${mediaType}`);
}

function validateMessage(
	upload: ParsedUpload,
	message: unknown,
	mode: UploadMode,
	reject: (reason: string) => OcrRequestResult,
): OcrRequestResult {
	if (!isRecord(message)) return reject('message is not an object');

	const images = message['images'];
	const image =
		Array.isArray(images) && images.length === 1 && isRecord(images[0]) ? images[0] : null;
	if (image !== null) {
		if (typeof image['format'] === 'string') upload.imageFormat = image['format'];
		if (typeof image['name'] === 'string') upload.imageName = image['name'];
	}

	// The JSON table marks version optional, the multipart table required; only "V2" exists.
	const version = message['version'];
	if (mode === 'multipart' && version === undefined) return reject('version missing');
	if (version !== undefined && version !== 'V2') return reject('version is not "V2"');
	const requestId = message['requestId'];
	if (typeof requestId !== 'string') return reject('requestId is not a string');
	const timestamp = message['timestamp'];
	if (typeof timestamp !== 'number' || !Number.isInteger(timestamp))
		return reject('timestamp is not an integer');
	if (!Array.isArray(images)) return reject('images is not an array');
	if (images.length !== 1)
		return reject(`images holds ${images.length} entries, exactly one is allowed`);
	if (image === null) return reject('images[0] is not an object');

	const format = image['format'];
	if (!isImageFormat(format))
		return reject('images[0].format is not one of jpg|jpeg|png|pdf|tif|tiff');
	const name = image['name'];
	if (typeof name !== 'string' || name.length === 0)
		return reject('images[0].name is not a non-empty string');

	if (mode === 'json') {
		const data = image['data'];
		if (typeof data !== 'string') return reject('images[0].data is not a string');
		if (data.length % 4 !== 0 || !BASE64.test(data)) return reject('images[0].data is not base64');
		upload.file = Buffer.from(data, 'base64');
	}

	const file = upload.file;
	if (file === null) return reject('no file');
	if (file.length === 0) return reject('file is empty');
	if (file.length > MAX_FILE_BYTES)
		return reject(`file is ${file.length} bytes, over ${MAX_FILE_BYTES}`);
	if (!bytesMatchFormat(file, format)) return reject(`file bytes are not ${format}`);

	return {
		ok: true,
		upload,
		request: { uploadMode: mode, requestId, timestamp, imageFormat: format, imageName: name, file },
	};
}

function parseJson(bytes: Buffer): unknown {
	try {
		return JSON.parse(bytes.toString('utf8')) as unknown;
	} catch {
		return undefined;
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
