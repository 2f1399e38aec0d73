import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertWithinSizeLimit, checkedImage, type InMemoryImage } from './checkedImage';

// `data:[<media type>][;<parameter>=<value>]*;base64,`: parameters such as charset are allowed.
const DATA_URL_PREFIX = /^data:[^,]*;base64,/i;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Bytes the text decodes to (6 bits per character, padding excluded), known before decoding. */
export function decodedLength(base64: string): number {
	const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
	return Math.floor(((base64.length - padding) * 3) / 4);
}

/** Decodes base64 text (a `data:` URL works too), as an AI agent or a Code node may supply it. */
export function decodeBase64Image(
	node: INode,
	itemIndex: number,
	text: string,
	name: string | undefined,
): InMemoryImage {
	const base64 = text.trim().replace(DATA_URL_PREFIX, '').replace(/\s+/g, '');
	if (!BASE64.test(base64)) {
		throw new NodeOperationError(node, 'The Base64 Image is not valid base64 text', {
			itemIndex,
			description:
				'Pass the file content encoded as base64, optionally as a data: URL (data:image/jpeg;base64,...).',
		});
	}
	assertWithinSizeLimit(node, decodedLength(base64), itemIndex);
	return checkedImage(node, itemIndex, Buffer.from(base64, 'base64'), name, 'the Base64 Image');
}
