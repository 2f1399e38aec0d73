import type { Emulator } from '../../tools/clova-emulator';
import {
	startCountingServer,
	startHostileServer,
	startRedirectingServer,
	type HostileServer,
} from '../fixtures/hostileServer';
import { emulatorPerSuite, runClovaNode, sampleFile, type RunOptions } from './harness';

const SECRET = 'hostile-secret-91d2';
const PNG = sampleFile('png', 30_000);
const MiB = 1024 * 1024;
let emulator: Emulator;
let host: HostileServer;
emulatorPerSuite(SECRET, (started) => (emulator = started));

beforeAll(async () => (host = await startHostileServer(PNG)));
beforeEach(() => host.reset());
afterAll(async () => await host.close());

async function run(parameters: RunOptions['parameters'], invokeUrl = emulator.invokeUrl) {
	return await runClovaNode({
		parameters: { operation: 'recognizeIdCard', imageSource: 'url', ...parameters },
		items: [{ json: {} }],
		credentials: { invokeUrl, secretKey: SECRET },
	});
}

const PRIVATE_OK = { allowPrivateHosts: true };
const LIFT_IT =
	'Send a URL on the public internet, or the image itself as base64. Only public hosts are fetched; to fetch from a file server on your own network, turn on Options > Allow Private Network URLs.';

describe('the Image URL guard refuses before any connection', () => {
	// Every form below names this test's own server on 127.0.0.1: a guard that let one through would be seen connecting.
	test.each([
		[
			'127.0.0.1',
			(port: number) => `http://127.0.0.1:${port}/image.png`,
			'a loopback address (127.0.0.0/8)',
		],
		[
			'decimal',
			(port: number) => `http://2130706433:${port}/image.png`,
			'a loopback address (127.0.0.0/8)',
		],
		[
			'hex',
			(port: number) => `http://0x7f.0.0.1:${port}/image.png`,
			'a loopback address (127.0.0.0/8)',
		],
		[
			'octal',
			(port: number) => `http://0177.0.0.1:${port}/image.png`,
			'a loopback address (127.0.0.0/8)',
		],
		[
			'short',
			(port: number) => `http://127.1:${port}/image.png`,
			'a loopback address (127.0.0.0/8)',
		],
		[
			'IPv4-mapped IPv6',
			(port: number) => `http://[::ffff:127.0.0.1]:${port}/image.png`,
			'a loopback address (127.0.0.0/8), written as an IPv4-mapped IPv6 address',
		],
		['localhost', (port: number) => `http://localhost:${port}/image.png`, 'a localhost name'],
		['localhost.', (port: number) => `http://localhost.:${port}/image.png`, 'a localhost name'],
		[
			'*.localhost',
			(port: number) => `http://files.localhost:${port}/image.png`,
			'a localhost name',
		],
	])('%s', async (_case, url, rule) => {
		const result = await run({ imageUrl: url(host.port) });
		expect(result.error?.message).toBe(`The Image URL points at ${rule}`);
		expect(result.error?.description).toBe(LIFT_IT);
		expect(host.log.connections).toBe(0);
		expect(emulator.requests).toHaveLength(0);
	});

	test.each([
		[
			'http://169.254.169.254/latest/meta-data/',
			'a link-local address (169.254.0.0/16, where cloud metadata services answer)',
		],
		['http://10.0.0.7/id.png', 'a private network address (RFC 1918)'],
		['http://192.168.1.20/id.png', 'a private network address (RFC 1918)'],
		['http://[fd00::7]/id.png', 'a unique-local address (fc00::/7)'],
		['http://[fe80::1]/id.png', 'a link-local address (fe80::/10)'],
		['http://100.64.0.1/id.png', 'a shared address (carrier-grade NAT, 100.64.0.0/10)'],
	])('%s is refused with the rule it breaks', async (url, rule) => {
		const result = await run({ imageUrl: url });
		expect(result.error?.message).toBe(`The Image URL points at ${rule}`);
		expect(emulator.requests).toHaveLength(0);
	});

	test('Allow Private Network URLs lifts the guard', async () => {
		const result = await run({ imageUrl: `${host.url}/image.png`, options: PRIVATE_OK });
		expect(result.error).toBeUndefined();
		expect(emulator.requests[0].file?.equals(PNG)).toBe(true);
	});
});

describe('internal host names are refused before any connection, on n8n 1.x too', () => {
	// n8n's HTTP helper takes the proxy from the environment: every host name it would fetch reaches
	// the hostile server, which logs it. A name the guard let through would be seen there.
	const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
	beforeAll(() => {
		process.env.HTTP_PROXY = host.url;
		process.env.NO_PROXY = '127.0.0.1';
	});
	afterAll(() => {
		for (const [key, value] of Object.entries(saved))
			if (value === undefined) delete process.env[key];
			else process.env[key] = value;
	});

	const internal = (why: string) => `an internal host name (${why})`;
	const SINGLE = internal('a single label, which only the local network resolves');
	const INTERNAL = internal(
		'the .internal suffix, reserved for private networks, where cloud metadata services answer',
	);
	const NAMES: Array<[string, string]> = [
		['metadata.google.internal', INTERNAL],
		['host.docker.internal', INTERNAL],
		['instance-data', SINGLE],
		['metadata', SINGLE],
		['kubernetes.default.svc', internal('the .svc suffix, of Kubernetes service names')],
		[
			'api.default.svc.cluster.local',
			internal('the .cluster.local suffix, of Kubernetes cluster names'),
		],
		['nas.lan', internal('the .lan suffix, of local networks')],
	];

	test.each(NAMES)('%s', async (name, rule) => {
		const result = await run({ imageUrl: `http://${name}/computeMetadata/v1/id.png` });
		expect(result.error?.message).toBe(`The Image URL points at ${rule}`);
		expect(result.error?.description).toBe(LIFT_IT);
		expect(host.log.connections).toBe(0);
		expect(emulator.requests).toHaveLength(0);
	});

	test.each(NAMES)('a redirect to %s is refused at the hop', async (name, rule) => {
		const result = await run({ imageUrl: `http://images.example.test/redirect-to/${name}` });
		expect(result.error?.message).toBe(`The Image URL's redirect (hop 1) points at ${rule}`);
		// Only the first hop reached the proxy; the internal name was never asked for.
		expect(host.log.requests).toEqual([`http://images.example.test/redirect-to/${name}`]);
		expect(emulator.requests).toHaveLength(0);
	});

	test('Allow Private Network URLs lifts the rule: the request is sent (here, to the proxy)', async () => {
		const result = await run({
			imageUrl: 'http://metadata.google.internal/computeMetadata/v1/id.png',
			options: PRIVATE_OK,
		});
		expect(result.error?.message).toBe('The Image URL answered HTTP 404');
		expect(host.log.requests).toEqual([
			'http://metadata.google.internal/computeMetadata/v1/id.png',
		]);
	});
});

describe('redirects are followed by the node, each hop checked', () => {
	test('up to 5 hops are followed', async () => {
		const result = await run({ imageUrl: `${host.url}/hops/4`, options: PRIVATE_OK });
		expect(result.error).toBeUndefined();
		expect(host.log.requests).toEqual([
			'/hops/4',
			'/hops/3',
			'/hops/2',
			'/hops/1',
			'/hops/0',
			'/image.png',
		]);
		expect(emulator.requests[0].file?.equals(PNG)).toBe(true);
	});

	test('a 6th redirect fails the item without being followed', async () => {
		const result = await run({ imageUrl: `${host.url}/hops/5`, options: PRIVATE_OK });
		expect(result.error?.message).toBe('The Image URL redirected more than 5 times');
		expect(host.log.requests).toEqual([
			'/hops/5',
			'/hops/4',
			'/hops/3',
			'/hops/2',
			'/hops/1',
			'/hops/0',
		]);
		expect(emulator.requests).toHaveLength(0);
	});

	test('a redirect to a non-http(s) URL is refused', async () => {
		const result = await run({ imageUrl: `${host.url}/to-file`, options: PRIVATE_OK });
		expect(result.error?.message).toBe("The Image URL's redirect (hop 1) is not an http(s) URL");
	});

	describe('a public host that redirects to a private one (the hostile server stands in as the HTTP proxy)', () => {
		const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
		beforeAll(() => {
			// n8n's HTTP helper takes the proxy from the environment: the public name is answered by 127.0.0.1.
			process.env.HTTP_PROXY = host.url;
			process.env.NO_PROXY = '127.0.0.1';
		});
		afterAll(() => {
			for (const [key, value] of Object.entries(saved))
				if (value === undefined) delete process.env[key];
				else process.env[key] = value;
		});

		test.each([
			[
				'/to-loopback',
				"The Image URL's redirect (hop 1) points at a loopback address (127.0.0.0/8)",
			],
			[
				'/to-metadata',
				"The Image URL's redirect (hop 1) points at a link-local address (169.254.0.0/16, where cloud metadata services answer)",
			],
		])('%s is refused at the hop', async (path, message) => {
			const result = await run({ imageUrl: `http://images.example.test${path}` });
			expect(result.error?.message).toBe(message);
			// Only the first hop reached the proxy; the redirect's target was never asked for.
			expect(host.log.requests).toEqual([`http://images.example.test${path}`]);
			expect(emulator.requests).toHaveLength(0);
		});
	});
});

describe('the download is bounded', () => {
	test('an endless body is cut off past 50 MiB and its connection closed', async () => {
		const result = await run({ imageUrl: `${host.url}/endless`, options: PRIVATE_OK });
		expect(result.error?.message).toBe(
			"The file at the Image URL is over this node's limit of 52,428,800 bytes (50 MiB)",
		);
		await host.closed('/endless');
		expect(host.log.closedEarly.has('/endless')).toBe(true);
		expect(host.log.bytesWritten.get('/endless')).toBeLessThan(60 * MiB);
		expect(emulator.requests).toHaveLength(0);
	});

	test('a gzip bomb is cut off past 50 MiB decoded, a few dozen KiB on the wire', async () => {
		const result = await run({ imageUrl: `${host.url}/gzip-bomb`, options: PRIVATE_OK });
		expect(result.error?.message).toBe(
			"The file at the Image URL is over this node's limit of 52,428,800 bytes (50 MiB)",
		);
		await host.closed('/gzip-bomb');
		expect(host.log.closedEarly.has('/gzip-bomb')).toBe(true);
		expect(host.log.bytesWritten.get('/gzip-bomb')).toBeLessThan(2 * MiB);
	});

	test('a Content-Length over the limit is refused before the body is read', async () => {
		const result = await run({ imageUrl: `${host.url}/too-long`, options: PRIVATE_OK });
		expect(result.error?.message).toBe(
			"The file is too large: 62,914,560 bytes, over this node's limit of 52,428,800 bytes (50 MiB)",
		);
		await host.closed('/too-long');
		expect(host.log.closedEarly.has('/too-long')).toBe(true);
	});

	test('a host that never answers is given up after Options > Timeout', async () => {
		const result = await run({
			imageUrl: `${host.url}/silent`,
			options: { ...PRIVATE_OK, timeout: 300 },
		});
		expect(result.error?.message).toBe(
			'The download from the Image URL took longer than Options > Timeout (300 ms)',
		);
		await host.closed('/silent');
		expect(host.log.closedEarly.has('/silent')).toBe(true);
	});

	test("an error answer's body is never shown", async () => {
		const result = await run({ imageUrl: `${host.url}/error-page`, options: PRIVATE_OK });
		expect(result.error?.message).toBe('The Image URL answered HTTP 500');
		expect(JSON.stringify(result.error)).not.toContain('db-7.corp');
	});
});

describe('the CLOVA request never follows a redirect', () => {
	test.each([301, 302, 307, 308])(
		'HTTP %i: the target receives nothing, the error names the Invoke URL',
		async (status) => {
			const target = await startCountingServer();
			const redirecting = await startRedirectingServer(status, `${target.url}/stolen`);
			try {
				const result = await run(
					{ imageUrl: `${host.url}/image.png`, options: PRIVATE_OK },
					`${redirecting.url}/custom/v1/1/key`,
				);
				expect(result.error?.message).toBe(
					`The Invoke URL answered with a redirect (HTTP ${status}), which the node does not follow`,
				);
				expect(result.error?.description).toBe(
					'Check the Invoke URL in the CLOVA OCR API credential: copy it again from the NAVER Cloud console (API Gateway integration). Redirects are not followed, so the Secret Key and the image never go to another address.',
				);
				expect(redirecting.requests).toBe(1);
				expect(target.requests).toEqual([]);
			} finally {
				await redirecting.close();
				await target.close();
			}
		},
	);
});

describe("CLOVA's answer is read up to 10 MiB", () => {
	test('an endless answer fails the item and its connection is closed', async () => {
		const result = await run(
			{ imageUrl: `${host.url}/image.png`, options: PRIVATE_OK },
			`${host.url}/endless`,
		);
		expect(result.error?.message).toBe("CLOVA OCR's answer is larger than 10 MiB");
		await host.closed('/endless/document/id-card');
		expect(host.log.closedEarly.has('/endless/document/id-card')).toBe(true);
		expect(host.log.bytesWritten.get('/endless/document/id-card')).toBeLessThan(20 * MiB);
		// Not sent again: the same answer would come back.
		expect(host.log.requests.filter((request) => request.startsWith('/endless'))).toHaveLength(1);
	});

	test('an answer that stalls after its headers is given up after Options > Timeout', async () => {
		const result = await run(
			{
				imageUrl: `${host.url}/image.png`,
				options: { ...PRIVATE_OK, timeout: 300, maxRetries: 0 },
			},
			`${host.url}/stall`,
		);
		expect(result.error?.message).toBe('The request to CLOVA OCR failed: no answer within 300 ms');
		await host.closed('/stall/document/id-card');
		expect(host.log.closedEarly.has('/stall/document/id-card')).toBe(true);
	});
});
