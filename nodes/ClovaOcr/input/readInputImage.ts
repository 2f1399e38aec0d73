import type { IExecuteFunctions } from 'n8n-workflow';

import { decodeBase64Image, type Base64Field } from './base64Input';
import { readBinaryImage } from './binaryInput';
import type { BinaryReference } from './binaryEntry';
import type { InputImage, PagePolicy } from './checkedImage';
import { downloadImage } from './urlInput';
import type { StoreLane } from '../pacing/storeLane';

export type { InputImage } from './checkedImage';

export type ImageSource =
	| { kind: 'binary'; property: BinaryReference }
	| { kind: 'url'; url: string; name?: string; allowPrivateHosts: boolean }
	| { kind: 'base64'; data: string; name?: string; field?: Base64Field };

/** A scheme and `//` start a URL; base64 and data URLs never hold `//` after a scheme. */
const URL_START = /^[a-z][\d+.a-z-]*:\/\//i;

/** One text that is either a URL or base64 (a data URL included), told apart by its start. */
export function imageFromText(
	text: string,
	name: string | undefined,
	allowPrivateHosts: boolean,
): ImageSource {
	return URL_START.test(text)
		? { kind: 'url', url: text, name, allowPrivateHosts }
		: { kind: 'base64', data: text, name, field: 'Image' };
}

/**
 * The image of one input item, from wherever the node's parameters say it is. A stored file
 * is read in the execution's store lane; a download is not held there (it waits on the network).
 */
export async function readInputImage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	source: ImageSource,
	timeoutMs: number,
	storeLane: StoreLane,
	pages: PagePolicy = 'one',
): Promise<InputImage> {
	switch (source.kind) {
		case 'url':
			return await downloadImage(ctx, itemIndex, source.url, source.name, {
				allowPrivateHosts: source.allowPrivateHosts,
				timeoutMs,
				pages,
			});
		case 'base64':
			return decodeBase64Image(
				ctx.getNode(),
				itemIndex,
				source.data,
				source.name,
				source.field,
				pages,
			);
		default:
			return await storeLane.run(
				itemIndex,
				async () => await readBinaryImage(ctx, itemIndex, source.property, pages),
			);
	}
}
