import { request as httpRequest, type IncomingMessage } from 'node:http';

import { startEmulator } from '../emulator';
import { createSeededRandom, rollFault } from '../seeded-random';
import {
	endpoint,
	holdSlots,
	errorBody,
	expectedDocumentText,
	jsonMessage,
	pngWith,
	postJson,
	SECRET,
	useEmulator,
	waitFor,
} from './test-support';

const emulator = useEmulator();
const file = pngWith('faults');

describe('error faults', () => {
	it.each([
		['server-error', 500, '0500', 'Unknown service error.'],
		['ocr-error', 500, '0501', 'OCR service error.'],
		['rate-limit', 400, '0025', 'Calls to this api have exceeded the rate limit.'],
		['quota', 400, '0023', 'API request count reach the upper limit.'],
	] as const)('%s answers %i / %s', async (scenario, status, code, message) => {
		emulator().setScenario(scenario);
		const result = await postJson(emulator(), jsonMessage(file));
		expect(result.status).toBe(status);
		expect(errorBody(result)).toMatchObject({
			code,
			message,
			path: '/custom/v1/12345/emulatorinvokekey/document/id-card',
		});
		expect(result.headers['retry-after']).toBeUndefined();
		expect(emulator().requests[0]).toMatchObject({ scenario, status, errorCode: code });
	});

	it('adds Retry-After to 0025 answers when configured, and only to those', async () => {
		emulator().configure({ retryAfterSeconds: 3 });
		emulator().enqueue('rate-limit', 'server-error');
		const limited = await postJson(emulator(), jsonMessage(file));
		const failed = await postJson(emulator(), jsonMessage(file));
		expect([limited.status, limited.headers['retry-after']]).toEqual([400, '3']);
		expect([failed.status, failed.headers['retry-after']]).toEqual([500, undefined]);
	});
});

describe('transport faults', () => {
	it('drop destroys the connection without an answer', async () => {
		emulator().setScenario('drop');
		await expect(postJson(emulator(), jsonMessage(file))).rejects.toThrow('fetch failed');
		await waitFor(() => emulator().requests[0]?.durationMs !== null);
		expect(emulator().requests[0]).toMatchObject({
			scenario: 'drop',
			status: null,
			errorCode: null,
		});
		expect(emulator().stats.dropped).toBe(1);
		expect(emulator().stats.byStatus).toEqual({});
	});

	it('truncated sends 200 with the first half of the JSON and closes', async () => {
		emulator().setScenario('truncated');
		const response = await fetch(endpoint(emulator()), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-OCR-SECRET': SECRET },
			body: JSON.stringify(jsonMessage(file)),
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
		const announced = Number(response.headers.get('content-length'));
		await expect(response.text()).rejects.toThrow('terminated');
		expect(announced).toBeGreaterThan(10_000);
		expect(emulator().requests[0]).toMatchObject({ scenario: 'truncated', status: 200 });
	});

	it('truncated really sends half of the document', async () => {
		emulator().setScenario('truncated');
		const received = await new Promise<Buffer>((resolve, reject) => {
			const chunks: Buffer[] = [];
			const body = JSON.stringify(jsonMessage(file));
			const request = httpRequest(
				endpoint(emulator()),
				{ method: 'POST', headers: { 'Content-Type': 'application/json', 'X-OCR-SECRET': SECRET } },
				(response: IncomingMessage) => {
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('error', () => resolve(Buffer.concat(chunks)));
					response.on('aborted', () => resolve(Buffer.concat(chunks)));
					response.on('close', () => resolve(Buffer.concat(chunks)));
				},
			);
			request.on('error', reject);
			request.end(body);
		});
		const text = received.toString('utf8');
		const full = expectedDocumentText('ic-success.ko.json', text, {
			requestId: 'req-0001',
			imageName: 'sample',
		}).text;
		const fullBytes = Buffer.from(full, 'utf8');
		expect(received.length).toBe(Math.floor(fullBytes.length / 2));
		expect(received.equals(fullBytes.subarray(0, received.length))).toBe(true);
	});

	it('non-json answers 200 with an HTML page', async () => {
		emulator().setScenario('non-json');
		const result = await postJson(emulator(), jsonMessage(file));
		expect(result.status).toBe(200);
		expect(result.headers['content-type']).toBe('text/html;charset=UTF-8');
		expect(result.text.startsWith('<!DOCTYPE html>')).toBe(true);
		expect(() => JSON.parse(result.text)).toThrow(SyntaxError);
	});

	it('slow answers the default document after slowMs', async () => {
		emulator().configure({ slowMs: 300, defaultScenario: 'dl-success' });
		emulator().setScenario('slow');
		const result = await postJson(emulator(), jsonMessage(file));
		expect(result.status).toBe(200);
		expect(result.elapsedMs).toBeGreaterThanOrEqual(295);
		expect(result.text).toContain('"idtype": "Driver\'s License"');
	});
});

describe('latency', () => {
	it('answers a wrong URL or secret at once, before the latency', async () => {
		emulator().configure({ latencyMs: 60_000 });
		const held = await holdSlots(emulator(), 1);
		const wrongSecret = await postJson(emulator(), jsonMessage(file), { secret: 'x' });
		const wrongUrl = await postJson(emulator(), jsonMessage(file), { url: `${emulator().url}/x` });
		expect([wrongSecret.status, wrongUrl.status]).toEqual([401, 400]);
		// Sent after the held request, answered while it still waits its 60 s.
		expect(emulator().stats.inFlight).toBe(1);
		await held.release();
	});

	it('delays answers past the URL/secret/cap checks by latencyMs', async () => {
		emulator().configure({ latencyMs: 300 });
		const ok = await postJson(emulator(), jsonMessage(file));
		const invalid = await postJson(emulator(), 'not json');
		expect([ok.status, invalid.status]).toEqual([200, 400]);
		expect(ok.elapsedMs).toBeGreaterThanOrEqual(295);
		expect(invalid.elapsedMs).toBeGreaterThanOrEqual(295);
	});

	it('close() cancels pending answers and returns promptly', async () => {
		const local = await startEmulator({
			secretKey: SECRET,
			slowMs: 60_000,
			defaultScenario: 'slow',
		});
		const pending = postJson(local, jsonMessage(file));
		await waitFor(() => local.stats.inFlight === 1);
		await local.close(); // an answer 60 s away: waiting for it would time the test out
		await expect(pending).rejects.toThrow('fetch failed');
	});
});

describe('seeded fault rate', () => {
	it('the generator matches an independent mulberry32 reference', () => {
		const random = createSeededRandom(1);
		expect([random(), random(), random(), random()]).toEqual([
			0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741,
		]);
		expect(rollFault(createSeededRandom(1), 0, ['x'])).toBeNull();
		expect(rollFault(createSeededRandom(1), 1, [])).toBeNull();
	});

	// Reference sequences computed outside this code base (Python mulberry32, rate 0.4, default pool).
	const SEED_7 = [
		'rate-limit',
		'ic-success',
		'ic-success',
		'ic-success',
		'ic-success',
		'ic-success',
		'server-error',
		'ic-success',
		'rate-limit',
		'ic-success',
		'ic-success',
		'server-error',
	];
	const SEED_8 = [
		'server-error',
		'ocr-error',
		'ic-success',
		'ic-success',
		'ic-success',
		'server-error',
		'server-error',
		'server-error',
		'rate-limit',
		'ic-success',
		'ic-success',
		'rate-limit',
	];
	const STATUS: Record<string, number> = {
		'ic-success': 200,
		'rate-limit': 400,
		'server-error': 500,
		'ocr-error': 500,
	};

	async function run(count: number): Promise<string[]> {
		const statuses: number[] = [];
		for (let index = 0; index < count; index++)
			statuses.push((await postJson(emulator(), jsonMessage(file))).status);
		const scenarios = emulator().requests.map((record) => record.scenario ?? '');
		expect(statuses).toEqual(scenarios.map((scenario) => STATUS[scenario]));
		return scenarios;
	}

	it('picks the same faults for the same seed, and restarts the sequence on reset()', async () => {
		emulator().configure({ faultRate: 0.4, seed: 7 });
		expect(await run(12)).toEqual(SEED_7);
		expect(emulator().requests.map((record) => record.scenarioSource)).toEqual(
			SEED_7.map((scenario) => (scenario === 'ic-success' ? 'default' : 'fault-rate')),
		);
		emulator().reset();
		expect(await run(12)).toEqual(SEED_7);
		emulator().configure({ seed: 8 });
		emulator().reset();
		expect(await run(12)).toEqual(SEED_8);
	});

	it('faultRate 1 faults every request from the configured pool, but not queued ones', async () => {
		emulator().configure({ faultRate: 1, faultScenarios: ['quota'] });
		emulator().enqueue('dl-success');
		const queued = await postJson(emulator(), jsonMessage(file));
		const faulted = await postJson(
			emulator(),
			jsonMessage(file, { name: '[scenario=pp-success]' }),
		);
		expect(queued.status).toBe(200);
		expect([faulted.status, errorBody(faulted).code]).toEqual([400, '0023']);
	});

	it('validates the knobs', () => {
		expect(() => emulator().configure({ faultRate: 1.5 })).toThrow(
			'faultRate: a number from 0 to 1',
		);
		expect(() => emulator().configure({ faultScenarios: ['ic-success' as 'drop'] })).toThrow(
			'faultScenarios',
		);
		expect(() => emulator().configure({ latencyMs: -1 })).toThrow('latencyMs');
		expect(() => emulator().configure({ concurrencyCap: 0 })).toThrow('concurrencyCap');
		expect(() => emulator().configure({ seed: 1.5 })).toThrow('seed');
	});
});
