import { readBoundedBody, type BodyStream } from '../../../nodes/ClovaOcr/input/boundedBody';

/** A body of `chunks` chunks of `size` bytes (endless when chunks is Infinity), recording how far it was read. */
function body(chunks: number, size: number) {
	const state = { yielded: 0, destroyed: false };
	const stream: BodyStream = {
		async *[Symbol.asyncIterator]() {
			while (state.yielded < chunks && !state.destroyed) {
				state.yielded++;
				yield new Uint8Array(size).fill(state.yielded % 256);
			}
		},
		destroy: () => {
			state.destroyed = true;
		},
	};
	return { stream, state };
}

describe('readBoundedBody', () => {
	test('reads a body up to the limit whole', async () => {
		const { stream, state } = body(4, 25);
		const read = await readBoundedBody(stream, 100);
		expect(read).toEqual({
			ok: true,
			bytes: Buffer.concat([1, 2, 3, 4].map((n) => Buffer.alloc(25, n))),
		});
		expect(state.destroyed).toBe(false);
	});

	test('stops at the first chunk past the limit and destroys the stream', async () => {
		const { stream, state } = body(Infinity, 1000);
		expect(await readBoundedBody(stream, 10_500)).toEqual({ ok: false, readBytes: 11_000 });
		expect(state).toEqual({ yielded: 11, destroyed: true });
	});

	test('an aborted signal destroys the stream', async () => {
		const { stream, state } = body(Infinity, 10);
		const controller = new AbortController();
		controller.abort();
		await readBoundedBody(stream, 1000, controller.signal);
		expect(state.destroyed).toBe(true);
	});
});
