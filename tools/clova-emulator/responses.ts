/** Writes the emulator's answers: JSON documents, CLOVA errors, and broken transports. */
import type { ServerResponse } from 'node:http';

import { CLOVA_ERRORS, clovaErrorBody, type ClovaErrorKind } from './error-codes';

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';
export const HTML_CONTENT_TYPE = 'text/html;charset=UTF-8';

export const NON_JSON_BODY =
	'<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>' +
	'<body><h1>502 Bad Gateway</h1><p>The upstream server returned an invalid response.</p></body></html>\n';

export function sendText(
	response: ServerResponse,
	status: number,
	contentType: string,
	text: string,
	extraHeaders: Record<string, string> = {},
): void {
	const body = Buffer.from(text, 'utf8');
	response.writeHead(status, {
		'Content-Type': contentType,
		'Content-Length': String(body.length),
		...extraHeaders,
	});
	response.end(body);
}

export function sendClovaError(
	response: ServerResponse,
	kind: ClovaErrorKind,
	path: string,
	extraHeaders: Record<string, string> = {},
): void {
	const body = clovaErrorBody(kind, path, Date.now());
	sendText(
		response,
		CLOVA_ERRORS[kind].status,
		JSON_CONTENT_TYPE,
		JSON.stringify(body),
		extraHeaders,
	);
}

/** Announces the full length, sends the first half of the body, then closes the connection. */
export function sendTruncated(response: ServerResponse, text: string): void {
	const body = Buffer.from(text, 'utf8');
	response.writeHead(200, {
		'Content-Type': JSON_CONTENT_TYPE,
		'Content-Length': String(body.length),
	});
	response.write(body.subarray(0, Math.floor(body.length / 2)), () =>
		response.socket?.destroySoon(),
	);
}

/** Destroys the connection without sending anything. */
export function dropConnection(response: ServerResponse): void {
	response.socket?.destroy();
}
