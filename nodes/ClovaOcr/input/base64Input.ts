import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	assertWithinSizeLimit,
	checkedImage,
	type InMemoryImage,
	type PagePolicy,
} from './checkedImage';

// `data:[<media type>][;<parameter>=<value>]*;base64,`: parameters such as charset are allowed.
const DATA_URL_PREFIX = /^data:[^,]*;base64,/i;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Bytes the text decodes to (6 bits per character, padding excluded), known before decoding. */
export function decodedLength(base64: string): number {
	const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
	return Math.floor(((base64.length - padding) * 3) / 4);
}

/** The parameter the text came from: Base64 Image, or Image (URL or Base64). */
export type Base64Field = 'Base64 Image' | 'Image';

const NOT_BASE64: Record<Base64Field, string> = {
	'Base64 Image': 'The Base64 Image is not valid base64 text',
	Image: 'The Image is neither an http(s) URL nor valid base64 text',
};

/** Decodes base64 text (a `data:` URL works too), as an AI agent or a Code node may supply it. */
export function decodeBase64Image(
	node: INode,
	itemIndex: number,
	text: string,
	name: string | undefined,
	field: Base64Field = 'Base64 Image',
	pages: PagePolicy = 'one',
): InMemoryImage {
	const base64 = text.trim().replace(DATA_URL_PREFIX, '').replace(/\s+/g, '');
	if (!BASE64.test(base64)) {
		throw new NodeOperationError(node, NOT_BASE64[field], {
			itemIndex,
			description:
				"Send the file's content as plain base64, or as a data URL (data:image/jpeg;base64,...), or send a public http(s) URL of the image.",
		});
	}
	assertWithinSizeLimit(node, decodedLength(base64), itemIndex);
	return checkedImage(node, itemIndex, Buffer.from(base64, 'base64'), name, `the ${field}`, pages);
}
