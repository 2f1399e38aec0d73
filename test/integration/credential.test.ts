import type { Emulator } from '../../tools/clova-emulator';
import {
	startCountingServer,
	startHostileServer,
	startRedirectingServer,
} from '../fixtures/hostileServer';
import { emulatorPerSuite, testCredential } from './harness';

const SECRET = 'credential-secret-55c0';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));

const test_ = (invokeUrl: string, secretKey: string) =>
	testCredential('clovaOcrApi', { invokeUrl, secretKey });

const MiB = 1024 * 1024;

const CHECK_INVOKE_URL =
	'Copy the Invoke URL of your domain from the NAVER Cloud console (CLOVA OCR > your domain > API Gateway integration).';

describe('the credential connection test', () => {
	test.each([
		['base URL', (e: Emulator) => e.invokeUrl],
		['full URL with spaces and a slash', (e: Emulator) => `  ${e.invokeUrl}/document/id-card/ `],
	])('passes for a right pair (%s) without recognizing anything', async (_case, url) => {
		expect(await test_(url(emulator), SECRET)).toEqual({
			status: 'OK',
			message: 'Connection successful: CLOVA OCR accepted the Invoke URL and the Secret Key',
		});
		expect(emulator.requests).toHaveLength(1);
		expect(emulator.requests[0]).toMatchObject({
			secretOk: true,
			status: 400,
			errorCode: '0011',
			file: null,
		});
	});

	test('a wrong secret says to check the Secret Key', async () => {
		expect(await test_(emulator.invokeUrl, 'not-the-secret')).toEqual({
			status: 'Error',
			message:
				'CLOVA OCR rejected the Secret Key (error 0002). Copy the Secret Key generated for this domain in the NAVER Cloud console.',
		});
	});

	test.each([
		['unknown domain (0001)', (e: Emulator) => `${e.url}/custom/v1/99999/nosuchkey`],
		['not an API path (0001)', (e: Emulator) => `${e.url}/somewhere/else`],
	])('a wrong Invoke URL says to check the Invoke URL: %s', async (_case, url) => {
		expect(await test_(url(emulator), SECRET)).toEqual({
			status: 'Error',
			message: `CLOVA OCR does not know this Invoke URL (error 0001). ${CHECK_INVOKE_URL}`,
		});
	});

	test('the secret goes in the X-OCR-SECRET header only', async () => {
		await test_(emulator.invokeUrl, SECRET);
		expect(emulator.requests[0].headers['x-ocr-secret']).toBe('[REDACTED]');
		expect(emulator.requests[0].path).toBe(
			new URL(emulator.invokeUrl).pathname + '/document/id-card',
		);
	});

	test('plain http:// to a non-loopback host is refused before anything is sent', async () => {
		expect(await test_('http://clova.example.test/custom/v1/1/key', SECRET)).toEqual({
			status: 'Error',
			message:
				'The Invoke URL must start with https://. Plain http:// is only accepted for local test servers (localhost, 127.0.0.1). Copy the Invoke URL from the NAVER Cloud console (CLOVA OCR > your domain > API Gateway integration) into the CLOVA OCR API credential.',
		});
	});

	test('an endless answer is read up to 64 KiB, the test fails and the connection is closed', async () => {
		const host = await startHostileServer(Buffer.alloc(0));
		const path = '/endless/custom/v1/1/key/document/id-card';
		try {
			expect(await test_(`${host.url}/endless/custom/v1/1/key`, SECRET)).toEqual({
				status: 'Error',
				message: `The Invoke URL did not answer like CLOVA OCR (HTTP 200, an answer longer than 64 KiB, which the test stopped reading). ${CHECK_INVOKE_URL}`,
			});
			await host.closed(path);
			expect(host.log.closedEarly.has(path)).toBe(true);
			expect(host.log.requests).toEqual([path]);
			// What the server handed to its socket: what the test read (at most 64 KiB and a chunk)
			// plus the sockets' buffers (about 4 MiB here); unbounded, it would write for 15 s.
			expect(host.log.bytesWritten.get(path)).toBeLessThan(16 * MiB);
		} finally {
			await host.close();
		}
	});

	test('a redirecting Invoke URL fails the test and its target receives nothing', async () => {
		const target = await startCountingServer();
		const redirecting = await startRedirectingServer(307, `${target.url}/stolen`);
		try {
			expect(await test_(`${redirecting.url}/custom/v1/1/key`, SECRET)).toEqual({
				status: 'Error',
				message: `The Invoke URL answered with a redirect (HTTP 307). Redirects are not followed, so the Secret Key is not sent on. ${CHECK_INVOKE_URL}`,
			});
			expect(redirecting.requests).toBe(1);
			expect(target.requests).toEqual([]);
		} finally {
			await redirecting.close();
			await target.close();
		}
	});
});
