import {
	endpoint,
	errorBody,
	jsonMessage,
	pngWith,
	postJson,
	SECRET,
	useEmulator,
} from './test-support';

const emulator = useEmulator();
const file = pngWith('routing');

describe('URL check: 400 / 0001', () => {
	it.each([
		['another path', '/custom/v1/12345/emulatorinvokekey/document/general'],
		['the wrong domain', '/custom/v1/99999/emulatorinvokekey/document/id-card'],
		['the wrong invoke key', '/custom/v1/12345/otherkey/document/id-card'],
		['a trailing slash', '/custom/v1/12345/emulatorinvokekey/document/id-card/'],
		['the base path alone', '/custom/v1/12345/emulatorinvokekey'],
		['the root', '/'],
		[
			'the control API under the documented path',
			'/custom/v1/12345/emulatorinvokekey/__emulator/stats',
		],
	])('answers %s with 0001', async (_label, path) => {
		const before = Date.now();
		const result = await postJson(emulator(), jsonMessage(file), { url: emulator().url + path });
		expect(result.status).toBe(400);
		expect(result.headers['content-type']).toBe('application/json;charset=UTF-8');
		const body = errorBody(result);
		expect(Object.keys(body).sort()).toEqual(['code', 'message', 'path', 'timestamp', 'traceId']);
		expect(body).toMatchObject({ code: '0001', message: 'URL is invalid.', path });
		expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
		expect(body.timestamp).toBeGreaterThanOrEqual(before);
		expect(body.timestamp).toBeLessThanOrEqual(Date.now());
	});

	it('answers a GET on the endpoint with 0001', async () => {
		const response = await fetch(endpoint(emulator()), { headers: { 'X-OCR-SECRET': SECRET } });
		expect(response.status).toBe(400);
		expect(((await response.json()) as { code: string }).code).toBe('0001');
	});

	it('ignores a query string on the endpoint', async () => {
		const result = await postJson(emulator(), jsonMessage(file), {
			url: `${endpoint(emulator())}?x=1`,
		});
		expect(result.status).toBe(200);
		expect(emulator().requests[0]?.path).toBe(
			'/custom/v1/12345/emulatorinvokekey/document/id-card?x=1',
		);
	});

	it('checks the URL before the secret', async () => {
		const result = await postJson(emulator(), jsonMessage(file), {
			url: `${emulator().url}/nope`,
			secret: null,
		});
		expect([result.status, errorBody(result).code]).toEqual([400, '0001']);
	});
});

describe('secret check: 401 / 0002', () => {
	it.each([
		['missing', null],
		['wrong', 'not-the-secret'],
		['a prefix of the secret', SECRET.slice(0, -1)],
		['empty', ''],
	])('answers a %s X-OCR-SECRET with 0002', async (_label, secret) => {
		const result = await postJson(emulator(), jsonMessage(file), { secret });
		expect(result.status).toBe(401);
		expect(errorBody(result)).toMatchObject({
			code: '0002',
			message: 'Secret key validate failed.',
			path: '/custom/v1/12345/emulatorinvokekey/document/id-card',
		});
		expect(emulator().requests[0]?.secretOk).toBe(false);
	});

	it('checks the secret before the body', async () => {
		const result = await postJson(emulator(), '{not json', { secret: 'wrong' });
		expect([result.status, errorBody(result).code]).toEqual([401, '0002']);
	});

	it('accepts the configured secret and records secretOk without keeping the secret', async () => {
		const result = await postJson(emulator(), jsonMessage(file));
		expect(result.status).toBe(200);
		const record = emulator().requests[0];
		expect(record?.secretOk).toBe(true);
		expect(record?.headers['x-ocr-secret']).toBe('[REDACTED]');
		const everythingRecorded =
			JSON.stringify(emulator().requests) + JSON.stringify(emulator().stats);
		expect(everythingRecorded).not.toContain(SECRET);
	});
});

describe('custom base path', () => {
	const custom = useEmulator({
		domainId: '777',
		invokeKey: 'abc',
		basePath: '/gw/custom/v1/777/abc',
	});

	it('serves {basePath}/document/id-card and nothing else', async () => {
		expect(custom().invokeUrl).toBe(`${custom().url}/gw/custom/v1/777/abc`);
		const ok = await postJson(custom(), jsonMessage(file));
		const defaultPath = await postJson(custom(), jsonMessage(file), {
			url: `${custom().url}/custom/v1/777/abc/document/id-card`,
		});
		expect([ok.status, defaultPath.status, errorBody(defaultPath).code]).toEqual([
			200,
			400,
			'0001',
		]);
	});
});
