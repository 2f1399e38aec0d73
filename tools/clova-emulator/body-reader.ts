/** Reads a request body into memory, up to a byte limit. */
import type { IncomingMessage } from 'node:http';

export interface ReadBody {
	/** The whole body, or null when it exceeded the limit (the rest was drained and discarded). */
	body: Buffer | null;
	receivedBytes: number;
}

export function readBody(request: IncomingMessage, limitBytes: number): Promise<ReadBody> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let receivedBytes = 0;
		let overLimit = false;
		request.on('data', (chunk: Buffer) => {
			receivedBytes += chunk.length;
			if (overLimit) return;
			if (receivedBytes > limitBytes) {
				overLimit = true;
				chunks.length = 0;
				return;
			}
			chunks.push(chunk);
		});
		request.on('end', () =>
			resolve({ body: overLimit ? null : Buffer.concat(chunks), receivedBytes }),
		);
		request.on('error', reject);
		request.on('close', () => {
			if (!request.complete) reject(new Error('request aborted'));
		});
	});
}
