import { createHash } from 'node:crypto';

import { startEmulator } from '../emulator';
import { errorBody, jsonMessage, pngWith, postJson, SECRET, useEmulator } from './test-support';

const emulator = useEmulator();
const file = pngWith('control');

async function control(
	method: 'GET' | 'POST',
	route: string,
	body?: unknown,
): Promise<{ status: number; json: unknown }> {
	const response = await fetch(`${emulator().url}/__emulator/${route}`, {
		method,
		...(body === undefined
			? {}
			: { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
	});
	return { status: response.status, json: await response.json() };
}

describe('control API', () => {
	it('GET stats reports counters, scenario state and knobs, without the secret', async () => {
		await postJson(emulator(), jsonMessage(file));
		const { status, json } = await control('GET', 'stats');
		expect(status).toBe(200);
		expect(json).toEqual({
			stats: {
				total: 1,
				inFlight: 0,
				inFlightPeak: 1,
				byStatus: { '200': 1 },
				byErrorCode: {},
				byScenario: { 'ic-success': 1 },
				dropped: 0,
			},
			scenario: { override: null, queue: [], default: 'ic-success' },
			options: {
				defaultScenario: 'ic-success',
				latencyMs: 0,
				latencyDistribution: 'fixed',
				latencyP95Ratio: 2,
				latencyTailRate: 0,
				latencyTailFactor: 10,
				concurrencyCap: null,
				refusalDelayMs: [0, 0],
				retryAfterSeconds: null,
				faultRate: 0,
				faultScenarios: ['rate-limit', 'server-error', 'ocr-error'],
				seed: 1,
				slowMs: 30000,
				documentEdits: [],
				maxPages: 30,
				tableDetection: true,
				templates: [{ id: 390, name: '출장 신청서' }],
				templateNotMatched: 'failure',
			},
		});
		expect(JSON.stringify(json)).not.toContain(SECRET);
	});

	it('GET requests summarizes requests without bytes or secret', async () => {
		await postJson(emulator(), jsonMessage(file, { name: 'a.png' }));
		const { json } = await control('GET', 'requests');
		const summaries = (json as { requests: Array<Record<string, unknown>> }).requests;
		expect(summaries).toHaveLength(1);
		expect(summaries[0]).toMatchObject({
			seq: 1,
			secretOk: true,
			uploadMode: 'json',
			imageName: 'a.png',
			fileBytes: file.length,
			fileSha256: createHash('sha256').update(file).digest('hex'),
			scenario: 'ic-success',
			status: 200,
		});
		expect(Object.keys(summaries[0] ?? {})).not.toContain('headers');
		expect(JSON.stringify(json)).not.toContain(SECRET);
	});

	it('POST scenario sets the override and queues scenarios', async () => {
		const set = await control('POST', 'scenario', { scenario: 'dl-success', enqueue: ['quota'] });
		expect(set).toEqual({
			status: 200,
			json: { scenario: { override: 'dl-success', queue: ['quota'], default: 'ic-success' } },
		});
		expect(errorBody(await postJson(emulator(), jsonMessage(file))).code).toBe('0023');
		expect((await postJson(emulator(), jsonMessage(file))).text).toContain(
			'"idtype": "Driver\'s License"',
		);
		await control('POST', 'scenario', { scenario: null });
		expect((await postJson(emulator(), jsonMessage(file))).text).toContain('"idtype": "ID Card"');
	});

	it('POST configure changes knobs and rejects bad ones with 400', async () => {
		const changed = await control('POST', 'configure', {
			latencyMs: 25,
			concurrencyCap: 4,
			faultRate: 0.1,
			seed: 9,
		});
		expect(changed.status).toBe(200);
		expect(emulator().options).toMatchObject({
			latencyMs: 25,
			concurrencyCap: 4,
			faultRate: 0.1,
			seed: 9,
		});
		expect(await control('POST', 'configure', { faultRate: 2 })).toEqual({
			status: 400,
			json: { error: 'faultRate: a number from 0 to 1' },
		});
		expect(await control('POST', 'configure', { secretKey: 'x' })).toEqual({
			status: 400,
			json: { error: 'unknown option secretKey' },
		});
		expect(await control('POST', 'configure', { logger: null })).toEqual({
			status: 400,
			json: { error: 'logger cannot be set over HTTP' },
		});
		expect((await control('POST', 'scenario', { scenario: 'nope' })).status).toBe(400);
		expect((await control('POST', 'scenario', ['ic-success'])).status).toBe(400);
	});

	it('POST configure documentEdits: every document answer carries the edited text', async () => {
		emulator().setScenario('ic-specimen');
		const noisy = '주민등록번호 800101ㅡI234567\n';
		const edits = [['"800101-1234560"', JSON.stringify(noisy)]];
		expect(await control('POST', 'configure', { documentEdits: edits })).toEqual({
			status: 200,
			json: { options: expect.objectContaining({ documentEdits: edits }) },
		});
		const { text } = await postJson(emulator(), jsonMessage(file));
		expect(text).not.toContain('800101-1234560');
		expect(text.split(JSON.stringify(noisy))).toHaveLength(3); // text and formatted.value
		expect(await control('POST', 'configure', { documentEdits: [['', 'x']] })).toEqual({
			status: 400,
			json: { error: 'documentEdits: an array of [search, replacement] string pairs' },
		});
		await control('POST', 'configure', { documentEdits: [] });
		expect((await postJson(emulator(), jsonMessage(file))).text).toContain('"800101-1234560"');
	});

	it('POST reset clears records, counters and scenarios', async () => {
		emulator().setScenario('dl-success');
		await postJson(emulator(), jsonMessage(file));
		expect(await control('POST', 'reset')).toEqual({ status: 200, json: { ok: true } });
		expect(emulator().requests).toHaveLength(0);
		expect(emulator().stats.total).toBe(0);
		expect((await postJson(emulator(), jsonMessage(file))).text).toContain('"idtype": "ID Card"');
	});

	it('answers unknown control routes with 404 and does not record control calls', async () => {
		expect((await control('GET', 'nothing')).status).toBe(404);
		expect((await control('GET', 'reset')).status).toBe(404);
		expect(emulator().requests).toHaveLength(0);
	});

	it('is not reachable through the documented path', async () => {
		const viaInvokeUrl = await fetch(`${emulator().invokeUrl}/__emulator/reset`, {
			method: 'POST',
		});
		expect(viaInvokeUrl.status).toBe(400);
		expect(((await viaInvokeUrl.json()) as { code: string }).code).toBe('0001');
	});

	it('can be switched off', async () => {
		const closed = await startEmulator({ secretKey: SECRET, controlApi: false });
		try {
			const response = await fetch(`${closed.url}/__emulator/stats`);
			expect(response.status).toBe(400);
			expect(((await response.json()) as { code: string }).code).toBe('0001');
		} finally {
			await closed.close();
		}
	});
});
