import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { binaryEntryOf, type BinaryReference } from './binaryEntry';
import {
	assertWithinSizeLimit,
	checkedImage,
	checkedStoredImage,
	type BinaryStream,
	type InputImage,
	type PagePolicy,
	type StoredFile,
} from './checkedImage';

/** The id prefix of n8n's database binary store (queue mode's default). */
const DATABASE_STORE = 'database:';

/**
 * A stored file up to this size is read whole before its item waits for a CLOVA slot: the
 * one read serves the format check and every attempt, so no file I/O stands between a free
 * slot and the request. A larger file streams on each attempt (a request holds one chunk of
 * it), which bounds memory: at most Concurrency × this size is held ahead of the slots.
 */
export const READ_WHOLE_BYTES = 1024 * 1024;

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

function originOf(reference: BinaryReference): string {
	return typeof reference === 'string'
		? `binary field "${reference}"`
		: 'the file given by expression';
}

/**
 * Reads an item's file through n8n's helpers only, so every binary data mode (memory,
 * filesystem, database, S3) and both binary modes (separate, combined) work.
 */
export async function readBinaryImage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reference: BinaryReference,
	pages: PagePolicy = 'one',
): Promise<InputImage> {
	const binary = binaryEntryOf(ctx, itemIndex, reference);
	const origin = originOf(reference);
	const fileName = typeof binary.fileName === 'string' ? binary.fileName : undefined;
	const id = typeof binary.id === 'string' && binary.id !== '' ? binary.id : undefined;
	if (id) {
		const size = (await ctx.helpers.getBinaryMetadata(id)).fileSize;
		assertWithinSizeLimit(ctx.getNode(), size, itemIndex);
		if (id.startsWith(DATABASE_STORE) || size <= READ_WHOLE_BYTES) {
			// n8n's database store loads the whole row for a stream too: one read here, before
			// any CLOVA slot is taken, instead of one for the sniff and one per request.
			const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, binary);
			return checkedImage(ctx.getNode(), itemIndex, bytes, fileName, origin, pages);
		}
		// A large file on disk or in a blob store: a JPEG or PNG is never read whole; each request streams it.
		const stored: StoredFile = {
			size,
			open: async () => await ctx.helpers.getBinaryStream(id),
			readAll: async () => await ctx.helpers.getBinaryDataBuffer(itemIndex, binary),
		};
		const firstBytes = await firstBytesOf(await stored.open());
		return await checkedStoredImage(
			ctx.getNode(),
			itemIndex,
			stored,
			firstBytes,
			fileName,
			origin,
			pages,
		);
	}
	if (typeof binary.data !== 'string') {
		throw new NodeOperationError(ctx.getNode(), `No file data in ${origin}`, {
			itemIndex,
			description:
				'It is neither a stored file nor base64 data. Point "Input Binary Field" at a file a previous node made.',
		});
	}
	// Checked before decoding, so an oversized file is never loaded into memory.
	assertWithinSizeLimit(ctx.getNode(), base64ByteLength(binary.data), itemIndex);
	const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, binary);
	return checkedImage(ctx.getNode(), itemIndex, bytes, fileName, origin, pages);
}
