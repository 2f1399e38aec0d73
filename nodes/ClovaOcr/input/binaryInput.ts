import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertWithinSizeLimit, checkedImage, type InputImage } from './checkedImage';

function base64ByteLength(data: string): number {
	const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
	return Math.floor((data.length * 3) / 4) - padding;
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
			: 'It holds no file at all. Put a node that reads a file before this one (e.g. Read/Write Files from Disk, HTTP Request, Google Drive), or set "Image Source" to URL or Base64 Text.',
	});
}

/** Reads an item's binary through n8n's helpers, so every binary data mode (memory, filesystem, database, S3) works. */
export async function readBinaryImage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
): Promise<InputImage> {
	const binary = binaryOf(ctx, itemIndex, property);
	const declaredSize = binary.id
		? (await ctx.helpers.getBinaryMetadata(binary.id)).fileSize
		: base64ByteLength(binary.data);
	// Checked before reading, so an oversized file is never loaded into memory.
	assertWithinSizeLimit(ctx.getNode(), declaredSize, itemIndex);
	const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	return checkedImage(
		ctx.getNode(),
		itemIndex,
		bytes,
		binary.fileName,
		`binary field "${property}"`,
	);
}
