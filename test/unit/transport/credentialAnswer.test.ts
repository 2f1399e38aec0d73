import type { ICredentialTestFunctions, IRequestOptions } from 'n8n-workflow';

import type { BodyStream } from '../../../nodes/ClovaOcr/input/boundedBody';
import {
	MAX_CREDENTIAL_ANSWER_BYTES,
	readCredentialAnswer,
} from '../../../nodes/ClovaOcr/transport/credentialAnswer';
import {
	CREDENTIAL_TEST_MESSAGES as M,
	testClovaCredential,
} from '../../../nodes/ClovaOcr/transport/credentialTest';

const KiB = 1024;
const CHUNK = 16 * KiB;

/**
 * A body that yields `text` in one chunk, or 16 KiB chunks without end; it counts the bytes read.
 * Destroyed with an error, it throws it, as a Node stream does.
 */
function body(text?: string) {
	const state = { bytes: 0, destroyed: false };
	let failure: Error | undefined;
	const stream: BodyStream = {
		async *[Symbol.asyncIterator]() {
			if (failure) throw failure;
			if (text !== undefined) {
				state.bytes += Buffer.byteLength(text);
				yield Buffer.from(text);
				return;
			}
			while (!state.destroyed) {
				state.bytes += CHUNK;
				yield new Uint8Array(CHUNK).fill(0x41);
			}
		},
		destroy: (error?: Error) => {
			state.destroyed = true;
			failure = error;
		},
	};
	return { stream, state };
}

const noDeadline = () => new AbortController().signal;

describe('readCredentialAnswer', () => {
	test('the cap is 64 KiB', () => {
		expect(MAX_CREDENTIAL_ANSWER_BYTES).toBe(64 * KiB);
	});

	test('an error body is read whole', async () => {
		const { stream, state } = body('{"code":"0011","message":"Request invalid"}');
		expect(await readCredentialAnswer(stream, noDeadline())).toBe(
			'{"code":"0011","message":"Request invalid"}',
		);
		expect(state.destroyed).toBe(false);
	});

	test('an endless body is cut at the first chunk past 64 KiB and destroyed', async () => {
		const { stream, state } = body();
		expect(await readCredentialAnswer(stream, noDeadline())).toBeNull();
		expect(state.destroyed).toBe(true);
		expect(state.bytes).toBe(64 * KiB + CHUNK);
	});

	test('a passed deadline stops the read', async () => {
		const { stream, state } = body();
		const controller = new AbortController();
		controller.abort();
		await expect(readCredentialAnswer(stream, controller.signal)).rejects.toThrow();
		expect(state.destroyed).toBe(true);
	});

	test('a body a helper buffered anyway is refused past the cap, unread', async () => {
		expect(await readCredentialAnswer(Buffer.alloc(64 * KiB + 1), noDeadline())).toBeNull();
		expect(await readCredentialAnswer(Buffer.from('{"code":"0002"}'), noDeadline())).toBe(
			'{"code":"0002"}',
		);
	});
});

describe('testClovaCredential reads a bounded answer', () => {
	const CREDENTIAL = {
		id: '1',
		name: 'c',
		type: 'clovaOcrApi',
		data: { invokeUrl: 'https://clova.example.test/custom/v1/1/key', secretKey: 's' },
	};

	async function testWith(statusCode: number, stream: BodyStream) {
		const requests: IRequestOptions[] = [];
		const context = {
			helpers: {
				request: async (options: IRequestOptions) => {
					requests.push(options);
					return { statusCode, body: stream };
				},
			},
		} as unknown as ICredentialTestFunctions;
		const verdict = await testClovaCredential.call(context, CREDENTIAL);
		return { verdict, requests };
	}

	test('asks n8n for a stream', async () => {
		const { requests } = await testWith(400, body('{"code":"0011"}').stream);
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ useStream: true, followRedirect: false });
	});

	test("CLOVA's answer to a right pair passes", async () => {
		const { verdict } = await testWith(400, body('{"code":"0011","message":"x"}').stream);
		expect(verdict).toEqual({ status: 'OK', message: M.ok });
	});

	test('an endless answer fails the test after at most 64 KiB and one chunk', async () => {
		const { stream, state } = body();
		const { verdict } = await testWith(200, stream);
		expect(verdict).toEqual({
			status: 'Error',
			message: M.tooLarge.replace('{status}', '200').replace('{limit}', '64'),
		});
		expect(verdict.message).toContain('an answer longer than 64 KiB');
		expect(state.destroyed).toBe(true);
		expect(state.bytes).toBeLessThanOrEqual(64 * KiB + CHUNK);
	});

	test("a redirect's body is not read", async () => {
		const { stream, state } = body();
		const { verdict } = await testWith(307, stream);
		expect(verdict.message).toContain('answered with a redirect (HTTP 307)');
		expect(state).toEqual({ bytes: 0, destroyed: true });
	});
});
