/**
 * A small multipart/form-data parser (RFC 7578 / RFC 2046) working on the
 * raw bytes, so binary file parts survive untouched.
 */
import { parseHeaderValue } from './header-params';

export interface MultipartPart {
	/** Part headers, names lower-cased. */
	headers: Record<string, string>;
	/** `name` from Content-Disposition, or null when absent. */
	name: string | null;
	/** `filename` from Content-Disposition, or null when absent. */
	filename: string | null;
	contentType: string | null;
	data: Buffer;
}

export class MultipartError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MultipartError';
	}
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** The boundary of a multipart/form-data Content-Type, or null if it has none or is not multipart. */
export function boundaryFromContentType(contentType: string): string | null {
	const parsed = parseHeaderValue(contentType);
	if (parsed.value !== 'multipart/form-data') return null;
	const boundary = parsed.params['boundary'];
	if (boundary === undefined || boundary.length === 0 || boundary.length > 70) return null;
	return boundary;
}

export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
	const dashBoundary = Buffer.from(`--${boundary}`, 'latin1');
	const delimiter = Buffer.concat([CRLF, dashBoundary]);

	let position: number;
	if (startsWithAt(body, dashBoundary, 0)) {
		position = 0;
	} else {
		const opening = findDelimiter(body, delimiter, 0, dashBoundary.length);
		if (opening === -1) throw new MultipartError('no opening boundary');
		position = opening + CRLF.length;
	}

	const parts: MultipartPart[] = [];
	for (;;) {
		let cursor = position + dashBoundary.length;
		if (body[cursor] === 0x2d && body[cursor + 1] === 0x2d) {
			// close delimiter; RFC 2046 requires at least one body part
			if (parts.length === 0) throw new MultipartError('no body parts');
			return parts;
		}
		cursor = skipLinearWhitespace(body, cursor);
		if (!startsWithAt(body, CRLF, cursor))
			throw new MultipartError('boundary line not followed by CRLF');
		const headersStart = cursor + CRLF.length;

		let headerBlock: string;
		let contentStart: number;
		if (startsWithAt(body, CRLF, headersStart)) {
			headerBlock = '';
			contentStart = headersStart + CRLF.length;
		} else {
			const headersEnd = body.indexOf(HEADER_END, headersStart);
			if (headersEnd === -1) throw new MultipartError('unterminated part headers');
			headerBlock = body.toString('utf8', headersStart, headersEnd);
			contentStart = headersEnd + HEADER_END.length;
		}

		const next = findDelimiter(body, delimiter, contentStart, dashBoundary.length);
		if (next === -1) throw new MultipartError('missing closing boundary');
		parts.push(buildPart(headerBlock, Buffer.from(body.subarray(contentStart, next))));
		position = next + CRLF.length;
	}
}

/**
 * Index of the next CRLF + "--boundary" that really is a delimiter line
 * (followed by "--", or by optional whitespace and CRLF), or -1.
 */
function findDelimiter(
	body: Buffer,
	delimiter: Buffer,
	from: number,
	dashBoundaryLength: number,
): number {
	let index = body.indexOf(delimiter, from);
	while (index !== -1) {
		const after = index + CRLF.length + dashBoundaryLength;
		if (body[after] === 0x2d && body[after + 1] === 0x2d) return index;
		if (startsWithAt(body, CRLF, skipLinearWhitespace(body, after))) return index;
		index = body.indexOf(delimiter, index + 1);
	}
	return -1;
}

function skipLinearWhitespace(body: Buffer, index: number): number {
	let cursor = index;
	while (body[cursor] === 0x20 || body[cursor] === 0x09) cursor++;
	return cursor;
}

function startsWithAt(body: Buffer, prefix: Buffer, index: number): boolean {
	return (
		index + prefix.length <= body.length &&
		body.subarray(index, index + prefix.length).equals(prefix)
	);
}

function buildPart(headerBlock: string, data: Buffer): MultipartPart {
	const headers: Record<string, string> = {};
	for (const line of headerBlock.split('\r\n')) {
		if (line.length === 0) continue;
		const colon = line.indexOf(':');
		if (colon <= 0) throw new MultipartError('malformed part header');
		const name = line.slice(0, colon).trim().toLowerCase();
		if (!(name in headers)) headers[name] = line.slice(colon + 1).trim();
	}
	const disposition = headers['content-disposition'];
	const parsed = disposition === undefined ? null : parseHeaderValue(disposition);
	if (parsed !== null && parsed.value !== 'form-data')
		throw new MultipartError('part is not form-data');
	return {
		headers,
		name: parsed?.params['name'] ?? null,
		filename: parsed?.params['filename'] ?? null,
		contentType: headers['content-type'] ?? null,
		data,
	};
}
