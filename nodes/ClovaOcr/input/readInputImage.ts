import type { IExecuteFunctions } from 'n8n-workflow';

import { decodeBase64Image } from './base64Input';
import { readBinaryImage } from './binaryInput';
import type { InputImage } from './checkedImage';
import { downloadImage } from './urlInput';

export type { InputImage } from './checkedImage';

export type ImageSource =
	| { kind: 'binary'; property: string }
	| { kind: 'url'; url: string; name?: string; allowPrivateHosts: boolean }
	| { kind: 'base64'; data: string; name?: string };

/** The image of one input item, from wherever the node's parameters say it is. */
export async function readInputImage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	source: ImageSource,
	timeoutMs: number,
): Promise<InputImage> {
	switch (source.kind) {
		case 'url':
			return await downloadImage(ctx, itemIndex, source.url, source.name, {
				allowPrivateHosts: source.allowPrivateHosts,
				timeoutMs,
			});
		case 'base64':
			return decodeBase64Image(ctx.getNode(), itemIndex, source.data, source.name);
		default:
			return await readBinaryImage(ctx, itemIndex, source.property);
	}
}
