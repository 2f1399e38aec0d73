import type { IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { discardBody, isBodyStream, readBoundedBody } from './boundedBody';
import {
	assertWithinSizeLimit,
	checkedImage,
	MAX_FILE_BYTES,
	MAX_FILE_TEXT,
	type InputImage,
	type PagePolicy,
} from './checkedImage';
import { createUrlGuard, egressRefusal, isEgressRefusal, NOT_HTTP } from './urlGuard';

/** Redirects followed by the node itself, each hop checked like the first URL. */
export const MAX_REDIRECTS = 5;

export interface DownloadSettings {
	/** Options > Allow Private Network URLs. */
	allowPrivateHosts: boolean;
	/** Options > Timeout: for the whole download, redirects included. */
	timeoutMs: number;
	/** How many pages the downloaded file may have (the operation's product decides). */
	pages?: PagePolicy;
}

/** `maxRedirects` is in n8n-workflow 2.x only; `disableFollowRedirect` does the same in 1.x. */
type DownloadRequest = IHttpRequestOptions & { maxRedirects?: number };

function fileNameOf(url: URL): string | undefined {
	const last = url.pathname.split('/').filter(Boolean).pop();
	if (!last) return undefined;
	try {
		return decodeURIComponent(last);
	} catch {
		return last;
	}
}

/** The URL when it is a well-formed URL, else null. */
function urlOf(text: string, base?: URL): URL | null {
	try {
		return new URL(text.trim(), base);
	} catch {
		return null;
	}
}

function headerOf(response: IN8nHttpFullResponse, name: string): string | undefined {
	const value = (response.headers ?? {})[name];
	return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined;
}

/** Only the network error's code travels on: its message may name the address the host resolved to. */
function codeOf(error: unknown): string | undefined {
	const { code } = (error ?? {}) as { code?: unknown };
	return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code : undefined;
}

/** What to send instead of a URL whose redirects cannot be followed. */
const USE_FINAL_ADDRESS = 'Send the final address of the image, or the image itself as base64.';

/**
 * Downloads the image through n8n's HTTP helper (proxy settings and all), for
 * callers such as AI agents: every hop guarded (see urlGuard.ts), redirects
 * followed here (at most 5), the body streamed and cut off past 50 MiB.
 */
export async function downloadImage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	imageUrl: string,
	name: string | undefined,
	settings: DownloadSettings,
): Promise<InputImage> {
	const node = ctx.getNode();
	const first = urlOf(imageUrl);
	if (!first) {
		throw new NodeOperationError(node, 'The Image URL is not an http(s) URL', {
			itemIndex,
			description: NOT_HTTP,
		});
	}
	const guard = createUrlGuard(ctx, itemIndex, settings.allowPrivateHosts);
	const timeout = AbortSignal.timeout(settings.timeoutMs);
	const cancel = ctx.getExecutionCancelSignal?.();
	const signal = cancel ? AbortSignal.any([timeout, cancel]) : timeout;

	const failed = (error: unknown, hop: number): Error => {
		if (isEgressRefusal(error)) return egressRefusal(node, itemIndex, hop);
		if (timeout.aborted) {
			return new NodeOperationError(
				node,
				`The download from the Image URL took longer than Options > Timeout (${settings.timeoutMs} ms)`,
				{ itemIndex, description: 'Check that the host answers, or raise the timeout.' },
			);
		}
		if (cancel?.aborted) {
			return new NodeOperationError(node, 'The execution was cancelled during the download', {
				itemIndex,
			});
		}
		const code = codeOf(error);
		return new NodeApiError(node, code ? { code } : {}, {
			message: 'Could not download the image from the Image URL',
			description: `${code ? `The connection failed (${code}).` : 'The connection failed.'} Check that the URL is reachable from n8n, or send the image itself as base64.`,
			itemIndex,
		});
	};

	let url = first;
	for (let hop = 0; ; hop++) {
		await guard.check(url, hop);
		let response: IN8nHttpFullResponse;
		try {
			const request: DownloadRequest = {
				method: 'GET',
				url: url.href,
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				maxRedirects: 0,
				timeout: settings.timeoutMs,
				abortSignal: signal,
			};
			response = (await ctx.helpers.httpRequest(request)) as IN8nHttpFullResponse;
		} catch (error) {
			throw failed(error, hop);
		}
		const status = response.statusCode;
		if (status >= 300 && status < 400) {
			discardBody(response.body);
			const location = headerOf(response, 'location');
			const next = location === undefined ? null : urlOf(location, url);
			if (!next) {
				throw new NodeOperationError(
					node,
					`The Image URL answered with a redirect (HTTP ${status}) without a valid target`,
					{
						itemIndex,
						description: USE_FINAL_ADDRESS,
					},
				);
			}
			if (hop >= MAX_REDIRECTS) {
				throw new NodeOperationError(
					node,
					`The Image URL redirected more than ${MAX_REDIRECTS} times`,
					{
						itemIndex,
						description: USE_FINAL_ADDRESS,
					},
				);
			}
			url = next;
			continue;
		}
		if (status < 200 || status >= 300) {
			// The body is never read: an error page of an unknown host is not passed on.
			discardBody(response.body);
			throw new NodeApiError(
				node,
				{ httpCode: String(status) },
				{
					message: `The Image URL answered HTTP ${status}`,
					description: 'Check that the address points at the image file itself.',
					httpCode: String(status),
					itemIndex,
				},
			);
		}
		const declared = Number(headerOf(response, 'content-length'));
		if (Number.isFinite(declared) && declared > MAX_FILE_BYTES) {
			discardBody(response.body);
			assertWithinSizeLimit(node, declared, itemIndex);
		}
		if (!isBodyStream(response.body)) {
			throw new NodeOperationError(node, 'The download from the Image URL gave no readable body', {
				itemIndex,
				description: 'Send the image itself as base64.',
			});
		}
		let read;
		try {
			read = await readBoundedBody(response.body, MAX_FILE_BYTES, signal);
		} catch (error) {
			throw failed(error, hop);
		}
		if (!read.ok) {
			throw new NodeOperationError(
				node,
				`The file at the Image URL is over this node's limit of ${MAX_FILE_TEXT}`,
				{
					itemIndex,
					description:
						'The download was stopped at the limit. Send a URL of a smaller or more compressed image.',
				},
			);
		}
		return checkedImage(
			node,
			itemIndex,
			read.bytes,
			name ?? fileNameOf(url),
			'the download from the Image URL',
			settings.pages,
		);
	}
}
