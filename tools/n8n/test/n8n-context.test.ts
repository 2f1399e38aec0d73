import { createServer } from 'node:net';

import { freePorts, lostPortRace } from '../n8n-context';

describe('freePorts', () => {
	test('hands out distinct ports that are free to bind', async () => {
		const ports = await freePorts(16);
		expect(new Set(ports).size).toBe(16);
		const servers = await Promise.all(
			ports.map(
				(port) =>
					new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
						const server = createServer();
						server.once('error', reject);
						server.listen(port, '127.0.0.1', () => resolve(server));
					}),
			),
		);
		await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
	});
});

describe('lostPortRace', () => {
	test.each([
		[
			"n8n Task Broker's port 39145 is already in use. Do you have another instance of n8n running already?",
			true,
		],
		['Error: listen EADDRINUSE: address already in use 127.0.0.1:5678', true],
		['Error: workflow failed: CLOVA OCR rate limit reached', false],
		['', false],
	])('%s', (output, expected) => {
		expect(lostPortRace(output)).toBe(expected);
	});
});
