/** A response body as n8n's HTTP helper hands it over with `encoding: 'stream'` (a Node Readable, used structurally). */
export interface BodyStream extends AsyncIterable<Uint8Array> {
	destroy(error?: Error): unknown;
}

export function isBodyStream(body: unknown): body is BodyStream {
	return (
		typeof body === 'object' &&
		body !== null &&
		typeof (body as Partial<BodyStream>)[Symbol.asyncIterator] === 'function' &&
		typeof (body as Partial<BodyStream>).destroy === 'function'
	);
}

/** Stops reading (and closes the connection) without waiting for the rest. */
export function discardBody(body: unknown): void {
	if (isBodyStream(body)) body.destroy();
}

export type BoundedRead = { ok: true; bytes: Buffer } | { ok: false; readBytes: number };

/**
 * Reads a body until it ends or its decoded bytes pass `maxBytes`; then it
 * destroys the stream at once, so an endless body or a decompression bomb
 * stops early. `signal` (timeout, cancel) destroys it too, even while no bytes come.
 */
export async function readBoundedBody(
	body: BodyStream,
	maxBytes: number,
	signal?: AbortSignal,
): Promise<BoundedRead> {
	const onAbort = () => body.destroy(new Error('The body read was aborted'));
	if (signal?.aborted) onAbort();
	signal?.addEventListener('abort', onAbort, { once: true });
	try {
		const chunks: Uint8Array[] = [];
		let total = 0;
		for await (const chunk of body) {
			total += chunk.length;
			if (total > maxBytes) {
				body.destroy();
				return { ok: false, readBytes: total };
			}
			chunks.push(chunk);
		}
		return { ok: true, bytes: Buffer.concat(chunks, total) };
	} finally {
		signal?.removeEventListener('abort', onAbort);
	}
}
