import { startEmulator } from '../emulator';
import { jsonMessage, pngWith, postJson, SECRET } from './test-support';

describe('logging', () => {
	it('logs nothing by default', async () => {
		const writes = [jest.spyOn(process.stdout, 'write'), jest.spyOn(process.stderr, 'write')];
		const consoles = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
			jest.spyOn(console, method),
		);
		const emulator = await startEmulator({ secretKey: SECRET });
		try {
			await postJson(emulator, jsonMessage(pngWith('x')));
			await postJson(emulator, 'bad', { secret: 'wrong' });
		} finally {
			await emulator.close();
		}
		for (const spy of [...writes, ...consoles]) {
			expect(spy).not.toHaveBeenCalled();
			spy.mockRestore();
		}
	});

	it('with a logger, writes one line per request without values, secret or invoke key', async () => {
		const lines: string[] = [];
		const emulator = await startEmulator({ secretKey: SECRET, logger: (line) => lines.push(line) });
		try {
			await postJson(
				emulator,
				jsonMessage(pngWith('x'), { name: '홍길동.png' }, { requestId: 'req-secretive' }),
			);
			await postJson(emulator, jsonMessage(pngWith('x')), { secret: 'wrong' });
			await postJson(emulator, jsonMessage(pngWith('x')), {
				url: `${emulator.url}/custom/v1/12345/leaky/document/id-card`,
			});
		} finally {
			await emulator.close();
		}
		expect(lines.map((line) => line.replace(/\(\d+ ms\)/, '(N ms)'))).toEqual([
			'POST /document/id-card -> 200 ic-success (N ms)',
			'POST /document/id-card -> 401 0002 (N ms)',
			'POST (other path) -> 400 0001 (N ms)',
		]);
		const all = lines.join('\n');
		for (const forbidden of [
			SECRET,
			'wrong',
			'홍',
			'req-secretive',
			'emulatorinvokekey',
			'leaky',
			'800***',
		]) {
			expect(all).not.toContain(forbidden);
		}
	});
});
