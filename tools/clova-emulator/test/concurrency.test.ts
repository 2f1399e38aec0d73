import { request as httpRequest } from 'node:http';

import {
	endpoint,
	errorBody,
	holdSlots,
	jsonMessage,
	pngWith,
	postJson,
	SECRET,
	useEmulator,
	waitFor,
} from './test-support';

const emulator = useEmulator();
const file = pngWith('concurrency');

describe('concurrency cap', () => {
	it('answers the request over the cap at once with 0025, and admits again once a slot frees', async () => {
		emulator().configure({ concurrencyCap: 2, latencyMs: 60_000 });
		const held = await holdSlots(emulator(), 2);

		const third = await postJson(emulator(), jsonMessage(file));
		expect(third.status).toBe(400);
		expect(errorBody(third)).toMatchObject({
			code: '0025',
			message: 'Calls to this api have exceeded the rate limit.',
		});
		// At once: the two it was refused beside still wait their 60 s.
		expect(emulator().stats.inFlight).toBe(2);
		expect(third.headers['retry-after']).toBeUndefined();

		await held.release();
		emulator().configure({ latencyMs: 0 });
		const fourth = await postJson(emulator(), jsonMessage(file));
		expect(fourth.status).toBe(200);

		expect(emulator().stats).toMatchObject({
			total: 4,
			inFlight: 0,
			inFlightPeak: 2,
			byStatus: { '200': 1, '400': 1 },
			byErrorCode: { '0025': 1 },
		});
		const rejected = emulator().requests.find((record) => record.errorCode === '0025');
		expect(rejected).toMatchObject({ scenario: null, uploadMode: null, status: 400 });
	});

	it('answers a refusal once the body has arrived: a slow upload gets its 0025, not a broken pipe', async () => {
		emulator().configure({ concurrencyCap: 1, latencyMs: 60_000 });
		const held = await holdSlots(emulator(), 1);
		const body = Buffer.from(JSON.stringify(jsonMessage(file)));
		let wholeBodySent = false;
		let wholeBodySentWhenAnswered: boolean | null = null;
		const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
			const request = httpRequest(
				endpoint(emulator()),
				{
					method: 'POST',
					headers: {
						'Content-Type': 'application/json',
						'Content-Length': String(body.length),
						'X-OCR-SECRET': SECRET,
					},
				},
				(response) => {
					wholeBodySentWhenAnswered = wholeBodySent;
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () =>
						resolve({
							status: response.statusCode ?? 0,
							text: Buffer.concat(chunks).toString('utf8'),
						}),
					);
				},
			);
			request.on('error', reject);
			request.write(body.subarray(0, 10));
			setTimeout(() => {
				wholeBodySent = true;
				request.end(body.subarray(10));
			}, 200);
		});
		const refused = await answer;
		expect([refused.status, JSON.parse(refused.text).code]).toEqual([400, '0025']);
		expect(wholeBodySentWhenAnswered).toBe(true);
		await held.release();
	});

	it('does not limit requests at the cap', async () => {
		emulator().configure({ concurrencyCap: 3, latencyMs: 300 });
		const results = await Promise.all([1, 2, 3].map(() => postJson(emulator(), jsonMessage(file))));
		expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
		expect(emulator().stats.inFlightPeak).toBe(3);
	});

	it('sends Retry-After on a cap rejection when configured', async () => {
		emulator().configure({ concurrencyCap: 1, latencyMs: 60_000, retryAfterSeconds: 1 });
		const held = await holdSlots(emulator(), 1);
		const second = await postJson(emulator(), jsonMessage(file));
		expect([second.status, second.headers['retry-after']]).toEqual([400, '1']);
		await held.release();
	});

	it('counts slow and failing requests as in flight until answered', async () => {
		// 60 s: the refusal beside it cannot be a race against its answer.
		emulator().configure({ concurrencyCap: 1, slowMs: 60_000 });
		emulator().enqueue('slow');
		const client = new AbortController();
		const slow = postJson(emulator(), jsonMessage(file), { signal: client.signal });
		await waitFor(() => emulator().stats.inFlight === 1);
		const blocked = await postJson(emulator(), jsonMessage(file));
		expect(errorBody(blocked).code).toBe('0025');
		expect(emulator().requests[0]).toMatchObject({ scenario: 'slow', status: null });
		client.abort();
		await expect(slow).rejects.toThrow('This operation was aborted');
		await waitFor(() => emulator().stats.inFlight === 0);
	});

	it('frees the slot of a request whose client went away', async () => {
		emulator().configure({ concurrencyCap: 1, latencyMs: 5_000 });
		const controller = new AbortController();
		const abandoned = postJson(emulator(), jsonMessage(file), { signal: controller.signal });
		await waitFor(() => emulator().stats.inFlight === 1);
		controller.abort();
		await expect(abandoned).rejects.toThrow('This operation was aborted');
		await waitFor(() => emulator().stats.inFlight === 0);

		emulator().configure({ latencyMs: 0 });
		expect((await postJson(emulator(), jsonMessage(file))).status).toBe(200);
		expect(emulator().requests.map((record) => record.status)).toEqual([null, 200]);
	});
});
