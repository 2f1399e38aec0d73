import type { Emulator } from '../../tools/clova-emulator';
import { emulatorPerSuite, testCredential } from './harness';

const SECRET = 'credential-secret-55c0';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));

const test_ = (invokeUrl: string, secretKey: string) =>
	testCredential('clovaOcrApi', { invokeUrl, secretKey });

describe('the credential connection test', () => {
	test.each([
		['base URL', (e: Emulator) => e.invokeUrl],
		['full URL with spaces and a slash', (e: Emulator) => `  ${e.invokeUrl}/document/id-card/ `],
	])('passes for a right pair (%s) without recognizing anything', async (_case, url) => {
		expect(await test_(url(emulator), SECRET)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
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
			message:
				'CLOVA OCR does not know this Invoke URL. Copy the Invoke URL of your ID card domain from the NAVER Cloud console (API Gateway integration).',
		});
	});

	test('the secret goes in the X-OCR-SECRET header only', async () => {
		await test_(emulator.invokeUrl, SECRET);
		expect(emulator.requests[0].headers['x-ocr-secret']).toBe('[REDACTED]');
		expect(emulator.requests[0].path).toBe(
			new URL(emulator.invokeUrl).pathname + '/document/id-card',
		);
	});
});
