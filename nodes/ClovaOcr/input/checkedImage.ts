import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ACCEPTED_FORMATS_TEXT, sniffImageFormat, type ImageFormat } from './imageFormat';
import { extraPagesFound } from './singlePage';

/**
 * The node's own limit: no size limit is published for this endpoint; other CLOVA OCR
 * products cap uploads at 50 MB.
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface InputImage {
	bytes: Buffer;
	format: ImageFormat;
	mimeType: string;
	/** Sent as `images[0].name`; the service echoes it back. */
	name: string;
}

function mebibytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function assertWithinSizeLimit(node: INode, size: number, itemIndex: number): void {
	if (size <= MAX_FILE_BYTES) return;
	throw new NodeOperationError(
		node,
		`The file is too large (${mebibytes(size)}; this node's limit is 50 MiB)`,
		{
			itemIndex,
			description:
				'This node sends files up to 50 MiB (its own limit: CLOVA OCR publishes none for ID cards, and its other products stop at 50 MB). Scale the image down or compress it.',
		},
	);
}

/**
 * The one gate every image passes, whatever its source: not empty, within
 * the size limit, a format the service accepts, read from its first bytes, and a single
 * page (the ID-card endpoint reads single-page PDF and TIFF only; a longer file would be a
 * billed call that fails).
 */
export function checkedImage(
	node: INode,
	itemIndex: number,
	bytes: Buffer,
	name: string | undefined,
	origin: string,
): InputImage {
	if (bytes.length === 0) {
		throw new NodeOperationError(node, `The file in ${origin} is empty`, { itemIndex });
	}
	assertWithinSizeLimit(node, bytes.length, itemIndex);
	const sniffed = sniffImageFormat(bytes);
	if (!sniffed.supported) {
		throw new NodeOperationError(node, `Unsupported file type: ${sniffed.found}`, {
			itemIndex,
			description: `CLOVA OCR accepts ${ACCEPTED_FORMATS_TEXT} files. Convert the image to JPEG or PNG first (e.g. with the Edit Image node).`,
		});
	}
	const pages = extraPagesFound(sniffed.format, bytes);
	if (pages !== null) {
		const kind = sniffed.format === 'pdf' ? 'PDF' : 'TIFF';
		throw new NodeOperationError(node, `The ${kind} file has ${pages}`, {
			itemIndex,
			description: `CLOVA OCR reads single-page ${kind} files only for ID cards. Split the file and send one page per item (e.g. the page with the card).`,
		});
	}
	return {
		bytes,
		format: sniffed.format,
		mimeType: sniffed.mimeType,
		name: name?.trim() || `image-${itemIndex + 1}.${sniffed.format}`,
	};
}
