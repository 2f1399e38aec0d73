import type { IBinaryData, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ACCEPTED_FORMATS_TEXT, sniffImageFormat, type ImageFormat } from './imageFormat';

/** No size limit is published for this endpoint; other CLOVA OCR products cap uploads at 50 MB. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface InputImage {
	bytes: Buffer;
	format: ImageFormat;
	mimeType: string;
	/** Sent as `images[0].name`; the service echoes it back. */
	name: string;
}

function base64ByteLength(data: string): number {
	const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
	return Math.floor((data.length * 3) / 4) - padding;
}

function mebibytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function assertWithinSizeLimit(node: INode, size: number, itemIndex: number): void {
	if (size <= MAX_FILE_BYTES) return;
	throw new NodeOperationError(node, `The file is too large (${mebibytes(size)})`, {
		itemIndex,
		description: 'CLOVA OCR accepts files up to 50 MiB. Scale the image down or compress it.',
	});
}

function binaryOf(ctx: IExecuteFunctions, itemIndex: number, property: string): IBinaryData {
	const binaries = ctx.getInputData()[itemIndex]?.binary ?? {};
	const binary = binaries[property];
	if (binary) return binary;
	const available = Object.keys(binaries);
	throw new NodeOperationError(ctx.getNode(), `The input item has no binary field "${property}"`, {
		itemIndex,
		description: available.length
			? `Its binary fields are: ${available.join(', ')}. Set "Input Binary Field" to the one that holds the image.`
			: 'It holds no file at all. Put a node that reads a file before this one (e.g. Read/Write Files from Disk, HTTP Request, Google Drive).',
	});
}

/** Reads the image of one input item through n8n's binary helpers, so every binary data mode works. */
export async function readInputImage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
): Promise<InputImage> {
	const binary = binaryOf(ctx, itemIndex, property);
	const node = ctx.getNode();

	const declaredSize = binary.id
		? (await ctx.helpers.getBinaryMetadata(binary.id)).fileSize
		: base64ByteLength(binary.data);
	// Checked before reading, so an oversized file is never loaded into memory.
	assertWithinSizeLimit(node, declaredSize, itemIndex);

	const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	if (bytes.length === 0) {
		throw new NodeOperationError(node, `The file in binary field "${property}" is empty`, {
			itemIndex,
		});
	}
	assertWithinSizeLimit(node, bytes.length, itemIndex);

	const sniffed = sniffImageFormat(bytes);
	if (!sniffed.supported) {
		throw new NodeOperationError(node, `Unsupported file type: ${sniffed.found}`, {
			itemIndex,
			description: `CLOVA OCR accepts ${ACCEPTED_FORMATS_TEXT} files. Convert the image to JPEG or PNG first (e.g. with the Edit Image node).`,
		});
	}
	return {
		bytes,
		format: sniffed.format,
		mimeType: sniffed.mimeType,
		name: binary.fileName ?? `image-${itemIndex + 1}.${sniffed.format}`,
	};
}
