/**
 * Turns the body of a POST .../document/id-card (or another product's path) into a validated
 * OCR request, following the documented contract for application/json and multipart/form-data
 * uploads. Anything off-contract is a rejection (0011).
 *
 * Three contracts: Document OCR (`version` V2, optional in JSON; `images[0].data` only), and
 * General and Template OCR (`version` V1 or V2, required; `lang`; `enableTableDetection`;
 * `images[0].data` or a public `images[0].url`, `data` winning; Template OCR's
 * `images[0].templateIds`).
 */
import { bytesMatchFormat, isImageFormat, type ImageFormat } from './file-signature';
import { parseHeaderValue } from './header-params';
import { boundaryFromContentType, MultipartError, parseMultipart } from './multipart';

/** Largest accepted file: 50 MiB. */
export const MAX_FILE_BYTES = 52_428_800;
/** Largest body read into memory: a 50 MiB file as base64, plus room for the JSON or multipart framing. */
export const MAX_BODY_BYTES = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 1024 * 1024;

export type UploadMode = 'json' | 'multipart';

/** Which product's request body: a Document OCR model's, General OCR's or Template OCR's. */
export type RequestContract = 'document' | 'general' | 'template';

/** The languages General and Template OCR take in `lang` (comma-separated; `en` on some pages). */
export const OCR_LANGUAGES = ['ko', 'en', 'ja', 'zh-TW'] as const;

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
	/** `V2`; General and Template OCR also take `V1` (which answers `bounding`, not `boundingPoly`). */
	version: 'V1' | 'V2';
	requestId: string;
	timestamp: number;
	imageFormat: ImageFormat;
	imageName: string;
	/** The file's bytes; empty when a General or Template request gave only an image URL. */
	file: Buffer;
	/** `images[0].url` when the image comes from a URL (no `data`), else null. */
	imageUrl: string | null;
	/** The languages of `lang`, split at commas; null when absent (Document OCR: always null). */
	languages: string[] | null;
	/** `enableTableDetection` (false when absent). */
	enableTableDetection: boolean;
	/** Template OCR's `images[0].templateIds`; null when absent or empty (match every template). */
	templateIds: number[] | null;
}

export type OcrRequestResult =
	| { ok: true; upload: ParsedUpload; request: ValidOcrRequest }
	| { ok: false; upload: ParsedUpload; reason: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function parseOcrRequest(
	contentType: string | undefined,
	body: Buffer,
	contract: RequestContract = 'document',
): OcrRequestResult {
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
		return validateMessage(upload, message, 'json', contract, reject);
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
		return validateMessage(upload, message, 'multipart', contract, reject);
	}

	return reject(`unsupported Content-Type ${mediaType}`);
}

function validateMessage(
	upload: ParsedUpload,
	message: unknown,
	mode: UploadMode,
	contract: RequestContract,
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

	const version = message['version'];
	if (contract === 'document') {
		// The JSON table marks version optional, the multipart table required; only "V2" exists.
		if (mode === 'multipart' && version === undefined) return reject('version missing');
		if (version !== undefined && version !== 'V2') return reject('version is not "V2"');
	} else {
		// General and Template OCR: required in both tables, V1 or V2.
		if (version === undefined) return reject('version missing');
		if (version !== 'V1' && version !== 'V2') return reject('version is not "V1" or "V2"');
	}
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

	let languages: string[] | null = null;
	let enableTableDetection = false;
	let templateIds: number[] | null = null;
	if (contract !== 'document') {
		const lang = readLanguages(message['lang']);
		if (lang === 'invalid')
			return reject(`lang is not a comma-separated list of ${OCR_LANGUAGES.join('|')}`);
		languages = lang;
		const tables = readTableDetection(message['enableTableDetection']);
		if (tables === null) return reject('enableTableDetection is not a boolean');
		enableTableDetection = tables;
	}
	if (contract === 'template') {
		const ids = image['templateIds'];
		if (ids !== undefined) {
			if (!Array.isArray(ids) || !ids.every((id) => Number.isSafeInteger(id)))
				return reject('images[0].templateIds is not an array of integers');
			templateIds = ids.length === 0 ? null : (ids as number[]);
		}
	}

	let imageUrl: string | null = null;
	if (mode === 'json') {
		const data = image['data'];
		const url = image['url'];
		if (typeof data === 'string' || contract === 'document') {
			// Document OCR takes bytes only; elsewhere `data` wins over `url` when both are given.
			if (typeof data !== 'string') return reject('images[0].data is not a string');
			if (data.length % 4 !== 0 || !BASE64.test(data))
				return reject('images[0].data is not base64');
			upload.file = Buffer.from(data, 'base64');
		} else if (url !== undefined) {
			if (typeof url !== 'string' || !isPublicImageUrl(url))
				return reject('images[0].url is not a public http(s) URL');
			imageUrl = url;
		} else return reject('images[0] has neither data nor url');
	}

	const common = {
		uploadMode: mode,
		version: version === 'V1' ? ('V1' as const) : ('V2' as const),
		requestId,
		timestamp,
		imageFormat: format,
		imageName: name,
		imageUrl,
		languages,
		enableTableDetection,
		templateIds,
	};
	// An image given by URL: the emulator never downloads it, and answers it as an image
	// without a marker (its name may still carry a [scenario=NAME] directive).
	if (imageUrl !== null) return { ok: true, upload, request: { ...common, file: Buffer.alloc(0) } };

	const file = upload.file;
	if (file === null) return reject('no file');
	if (file.length === 0) return reject('file is empty');
	if (file.length > MAX_FILE_BYTES)
		return reject(`file is ${file.length} bytes, over ${MAX_FILE_BYTES}`);
	if (!bytesMatchFormat(file, format)) return reject(`file bytes are not ${format}`);

	return { ok: true, upload, request: { ...common, file } };
}

/** `lang`: absent (null), or comma-separated known languages (spaces around commas allowed). */
function readLanguages(value: unknown): string[] | null | 'invalid' {
	if (value === undefined) return null;
	if (typeof value !== 'string') return 'invalid';
	const languages = value.split(',').map((part) => part.trim());
	return languages.every((language) => (OCR_LANGUAGES as readonly string[]).includes(language))
		? languages
		: 'invalid';
}

/**
 * `enableTableDetection`: a boolean (the table), or the strings "true" and "false" (the request
 * example on NAVER's page sends `"enableTableDetection": "false"`); absent is false.
 */
function readTableDetection(value: unknown): boolean | null {
	if (value === undefined) return false;
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	return null;
}

/**
 * Whether a URL can be fetched by a service on the internet: http(s), a host name with a dot
 * or a public IPv4 address; not localhost, private, loopback or link-local addresses.
 */
export function isPublicImageUrl(text: string): boolean {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return false;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
	const host = url.hostname.toLowerCase();
	if (host.startsWith('[')) return false; // IPv6 literals: loopback, private or not, left out
	if (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) return false;
	const octets = host.split('.').map(Number);
	const isIpv4 =
		octets.length === 4 && octets.every((n) => Number.isInteger(n) && n >= 0 && n <= 255);
	if (!isIpv4) return !host.endsWith('.local') && !host.endsWith('.internal');
	const [a = 0, b = 0] = octets;
	return !(
		a === 0 ||
		a === 10 ||
		a === 127 ||
		(a === 169 && b === 254) ||
		(a === 172 && b >= 16 && b <= 31) ||
		(a === 192 && b === 168) ||
		(a === 100 && b >= 64 && b <= 127) ||
		a >= 224
	);
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
