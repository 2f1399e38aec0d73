import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ACCEPTED_FORMATS_TEXT, sniffImageFormat, type ImageFormat } from './imageFormat';

/** No size limit is published for this endpoint; other CLOVA OCR products cap uploads at 50 MB. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A stream of a stored binary, as n8n's `getBinaryStream` returns it. */
export type BinaryStream = Awaited<ReturnType<IExecuteFunctions['helpers']['getBinaryStream']>>;

/** A file in n8n's binary store (it has an id): read afresh for every request, never held whole. */
export interface StoredFile {
	/** Bytes, from n8n's metadata: what a request's Content-Length is built from. */
	readonly size: number;
	open(): Promise<BinaryStream>;
	/** The whole file: only JSON mode needs it (its base64 cannot stream). */
	readAll(): Promise<Buffer>;
}

interface ImageInfo {
	format: ImageFormat;
	mimeType: string;
	/** Sent as `images[0].name`; the service echoes it back. */
	name: string;
}

/** The image of one item: in memory (URL, base64, inline binary data) or in n8n's binary store. */
export type InputImage = ImageInfo & ({ bytes: Buffer } | { stored: StoredFile });

function mebibytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function assertWithinSizeLimit(node: INode, size: number, itemIndex: number): void {
	if (size <= MAX_FILE_BYTES) return;
	throw new NodeOperationError(node, `The file is too large (${mebibytes(size)})`, {
		itemIndex,
		description: 'CLOVA OCR accepts files up to 50 MiB. Scale the image down or compress it.',
	});
}

/**
 * The one gate every image passes, whatever its source: not empty, within
 * the size limit, and a format the service accepts, read from its first bytes.
 */
function checkedInfo(
	node: INode,
	itemIndex: number,
	size: number,
	firstBytes: Buffer,
	name: string | undefined,
	origin: string,
): ImageInfo {
	if (size === 0 || firstBytes.length === 0) {
		throw new NodeOperationError(node, `The file in ${origin} is empty`, { itemIndex });
	}
	assertWithinSizeLimit(node, size, itemIndex);
	const sniffed = sniffImageFormat(firstBytes);
	if (!sniffed.supported) {
		throw new NodeOperationError(node, `Unsupported file type: ${sniffed.found}`, {
			itemIndex,
			description: `CLOVA OCR accepts ${ACCEPTED_FORMATS_TEXT} files. Convert the image to JPEG or PNG first (e.g. with the Edit Image node).`,
		});
	}
	return {
		format: sniffed.format,
		mimeType: sniffed.mimeType,
		name: name?.trim() || `image-${itemIndex + 1}.${sniffed.format}`,
	};
}

/** An image in memory, checked. */
export function checkedImage(
	node: INode,
	itemIndex: number,
	bytes: Buffer,
	name: string | undefined,
	origin: string,
): InputImage {
	return { ...checkedInfo(node, itemIndex, bytes.length, bytes, name, origin), bytes };
}

/** A stored image, checked by its metadata size and its first bytes (read from a stream opened for them alone). */
export function checkedStoredImage(
	node: INode,
	itemIndex: number,
	stored: StoredFile,
	firstBytes: Buffer,
	name: string | undefined,
	origin: string,
): InputImage {
	return { ...checkedInfo(node, itemIndex, stored.size, firstBytes, name, origin), stored };
}
