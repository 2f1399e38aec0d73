import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ACCEPTED_FORMATS_TEXT, sniffImageFormat, type ImageFormat } from './imageFormat';
import { extraPagesFound } from './singlePage';

/**
 * The node's own limit: no size limit is published for this endpoint; other CLOVA OCR
 * products cap uploads at 50 MB.
 */
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

/** An image held in memory: from a URL, base64 text, inline binary data, or a stored PDF or TIFF. */
export type InMemoryImage = ImageInfo & { bytes: Buffer };

/**
 * How many pages a PDF or TIFF may have: `one` for the ID-card and Document OCR models (a
 * longer file is a billed call that fails), `many` for General and Template OCR.
 */
export type PagePolicy = 'one' | 'many';

/** The image of one item: in memory or in n8n's binary store. */
export type InputImage = InMemoryImage | (ImageInfo & { stored: StoredFile });

/** Exact bytes, so a size just over the limit never reads as the limit itself. */
export function byteCount(bytes: number): string {
	return `${bytes.toLocaleString('en-US')} bytes`;
}

/** The limit as every message and description states it. */
export const MAX_FILE_TEXT = `${byteCount(MAX_FILE_BYTES)} (50 MiB)`;

export function assertWithinSizeLimit(node: INode, size: number, itemIndex: number): void {
	if (size <= MAX_FILE_BYTES) return;
	throw new NodeOperationError(
		node,
		`The file is too large: ${byteCount(size)}, over this node's limit of ${MAX_FILE_TEXT}`,
		{
			itemIndex,
			description:
				'Send a smaller or more compressed image (this node sends files up to 50 MiB: its own limit, since CLOVA OCR publishes none for ID cards and its other products stop at 50 MB).',
		},
	);
}

/**
 * The one gate every image passes, whatever its source: not empty, within
 * the size limit, a format the service accepts, read from its first bytes, and, under the
 * `one` page policy, a single page (the ID-card and Document OCR endpoints read single-page
 * PDF and TIFF only; a longer file would be a billed call that fails).
 */
function checkedInfo(
	node: INode,
	itemIndex: number,
	size: number,
	firstBytes: Buffer,
	wholeFile: Buffer | null,
	name: string | undefined,
	origin: string,
	pages: PagePolicy,
): ImageInfo {
	if (size === 0 || firstBytes.length === 0) {
		throw new NodeOperationError(node, `The file in ${origin} is empty`, {
			itemIndex,
			description:
				pages === 'many'
					? 'Send the content of a JPEG, PNG, PDF or TIFF file.'
					: 'Send the content of a JPEG, PNG, single-page PDF or single-page TIFF file.',
		});
	}
	assertWithinSizeLimit(node, size, itemIndex);
	const sniffed = sniffImageFormat(firstBytes);
	if (!sniffed.supported) {
		throw new NodeOperationError(node, `Unsupported file type: ${sniffed.found}`, {
			itemIndex,
			description: `CLOVA OCR accepts ${ACCEPTED_FORMATS_TEXT} files. Convert the image to JPEG or PNG first (e.g. with the Edit Image node).`,
		});
	}
	const extra =
		wholeFile === null || pages === 'many' ? null : extraPagesFound(sniffed.format, wholeFile);
	if (extra !== null) {
		const kind = sniffed.format === 'pdf' ? 'PDF' : 'TIFF';
		throw new NodeOperationError(node, `The ${kind} file has ${extra}`, {
			itemIndex,
			description: `CLOVA OCR's ID-card and document models read single-page ${kind} files only. Split the file and send one page per item (e.g. the page with the card), or read every page with Text > Read Text.`,
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
	pages: PagePolicy = 'one',
): InMemoryImage {
	return {
		...checkedInfo(node, itemIndex, bytes.length, bytes, bytes, name, origin, pages),
		bytes,
	};
}

/**
 * Whether a stored file must be read whole to be checked: the page count of a PDF or TIFF
 * can sit anywhere in the file, and matters under the `one` page policy only. JPEG and PNG,
 * the large photos, and any file that may have many pages are checked by their first bytes
 * and stream.
 */
function needsWholeFile(firstBytes: Buffer, pages: PagePolicy): boolean {
	if (pages === 'many') return false;
	const sniffed = sniffImageFormat(firstBytes);
	return sniffed.supported && (sniffed.format === 'pdf' || sniffed.format === 'tiff');
}

/**
 * A stored image, checked. A JPEG or PNG is checked by its metadata size and its first
 * bytes (read from a stream opened for them alone) and streams to CLOVA; a PDF or TIFF is
 * read whole and checked in memory, page count included.
 */
export async function checkedStoredImage(
	node: INode,
	itemIndex: number,
	stored: StoredFile,
	firstBytes: Buffer,
	name: string | undefined,
	origin: string,
	pages: PagePolicy = 'one',
): Promise<InputImage> {
	if (needsWholeFile(firstBytes, pages)) {
		return checkedImage(node, itemIndex, await stored.readAll(), name, origin, pages);
	}
	return {
		...checkedInfo(node, itemIndex, stored.size, firstBytes, null, name, origin, pages),
		stored,
	};
}
