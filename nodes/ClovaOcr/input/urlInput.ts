import type { IExecuteFunctions, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { checkedImage, type InputImage } from './checkedImage';

function fileNameOf(url: URL): string | undefined {
	const last = url.pathname.split('/').filter(Boolean).pop();
	if (!last) return undefined;
	try {
		return decodeURIComponent(last);
	} catch {
		return last;
	}
}

/** The URL when it is a well-formed http(s) URL, else null. */
function httpUrlOf(text: string): URL | null {
	try {
		const url = new URL(text.trim());
		return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
	} catch {
		return null;
	}
}

/** Downloads the image through n8n's HTTP helper (proxy settings and all), for callers such as AI agents. */
export async function downloadImage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	imageUrl: string,
	name: string | undefined,
): Promise<InputImage> {
	const node = ctx.getNode();
	const url = httpUrlOf(imageUrl);
	if (!url) {
		throw new NodeOperationError(node, 'The Image URL is not an http(s) URL', { itemIndex });
	}
	let response: IN8nHttpFullResponse;
	try {
		response = (await ctx.helpers.httpRequest({
			method: 'GET',
			url: url.toString(),
			encoding: 'arraybuffer',
			returnFullResponse: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const { message } = error as { message?: unknown };
		throw new NodeApiError(
			node,
			{ message: typeof message === 'string' ? message : 'download failed' } as JsonObject,
			{
				message: 'Could not download the image from the Image URL',
				description: typeof message === 'string' ? message : undefined,
				itemIndex,
			},
		);
	}
	const bytes = Buffer.isBuffer(response.body)
		? response.body
		: Buffer.from(response.body as ArrayBuffer);
	return checkedImage(
		node,
		itemIndex,
		bytes,
		name ?? fileNameOf(url),
		'the download from the Image URL',
	);
}
