import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	assertWithinSizeLimit,
	checkedImage,
	checkedStoredImage,
	type BinaryStream,
	type InputImage,
	type StoredFile,
} from './checkedImage';

/** Enough for every signature imageFormat.ts reads. */
const SNIFF_BYTES = 64;

/** The first bytes of a stream, which is then closed. */
async function firstBytesOf(stream: BinaryStream): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let length = 0;
	try {
		for await (const chunk of stream as AsyncIterable<Buffer | string>) {
			const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
			chunks.push(bytes.subarray(0, SNIFF_BYTES - length));
			length += chunks[chunks.length - 1].length;
			if (length >= SNIFF_BYTES) break;
		}
	} finally {
		stream.destroy();
	}
	return Buffer.concat(chunks);
}

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
	const origin = `binary field "${property}"`;
	const id = binary.id;
	if (id) {
		// Stored (filesystem, database, S3): a JPEG or PNG is never read whole; each request streams it.
		const size = (await ctx.helpers.getBinaryMetadata(id)).fileSize;
		assertWithinSizeLimit(ctx.getNode(), size, itemIndex);
		const stored: StoredFile = {
			size,
			open: async () => await ctx.helpers.getBinaryStream(id),
			readAll: async () => await ctx.helpers.getBinaryDataBuffer(itemIndex, property),
		};
		const firstBytes = await firstBytesOf(await stored.open());
		return await checkedStoredImage(
			ctx.getNode(),
			itemIndex,
			stored,
			firstBytes,
			binary.fileName,
			origin,
		);
	}
	// Checked before decoding, so an oversized file is never loaded into memory.
	assertWithinSizeLimit(ctx.getNode(), base64ByteLength(binary.data), itemIndex);
	const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	return checkedImage(ctx.getNode(), itemIndex, bytes, binary.fileName, origin);
}
