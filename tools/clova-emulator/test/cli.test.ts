import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { parseCliArgs } from '../cli-args';
import { jsonMessage, pngWith } from './test-support';

const ROOT = join(__dirname, '..', '..', '..');

describe('parseCliArgs', () => {
	it('maps every flag onto emulator options', () => {
		const argv = [
			'--port',
			'9000',
			'--secret',
			's3',
			'--domain',
			'1',
			'--invoke-key',
			'k',
			'--base-path',
			'/p',
			'--scenario',
			'dl-success',
			'--latency',
			'300',
			'--latency-dist',
			'lognormal',
			'--latency-p95',
			'3',
			'--tail-rate',
			'0.02',
			'--tail-factor',
			'12',
			'--cap',
			'8',
			'--refusal-delay',
			'50-200',
			'--retry-after',
			'2',
			'--fault-rate',
			'0.2',
			'--faults',
			'drop,quota',
			'--seed',
			'5',
			'--slow-ms',
			'100',
			'--max-pages',
			'12',
			'--no-table-detection',
			'--templates',
			'390:출장 신청서,7:Invoice',
			'--template-not-matched',
			'error',
			'--no-control',
			'--verbose',
		];
		expect(parseCliArgs(argv)).toEqual({
			options: {
				port: 9000,
				secretKey: 's3',
				domainId: '1',
				invokeKey: 'k',
				basePath: '/p',
				defaultScenario: 'dl-success',
				latencyMs: 300,
				latencyDistribution: 'lognormal',
				latencyP95Ratio: 3,
				latencyTailRate: 0.02,
				latencyTailFactor: 12,
				concurrencyCap: 8,
				refusalDelayMs: [50, 200],
				retryAfterSeconds: 2,
				faultRate: 0.2,
				faultScenarios: ['drop', 'quota'],
				seed: 5,
				slowMs: 100,
				maxPages: 12,
				tableDetection: false,
				templates: [
					{ id: 390, name: '출장 신청서' },
					{ id: 7, name: 'Invoice' },
				],
				templateNotMatched: 'error',
				controlApi: false,
			},
			verbose: true,
			help: false,
		});
	});

	it('takes a single --refusal-delay as a fixed delay', () => {
		expect(parseCliArgs(['--refusal-delay', '120']).options.refusalDelayMs).toEqual([120, 120]);
	});

	it('defaults to port 8080 and takes the secret from CLOVA_EMULATOR_SECRET', () => {
		expect(parseCliArgs([], { CLOVA_EMULATOR_SECRET: 'from-env' })).toEqual({
			options: { port: 8080, secretKey: 'from-env' },
			verbose: false,
			help: false,
		});
	});

	it.each([
		[['--bogus'], 'unknown flag --bogus'],
		[['--port'], '--port needs a value'],
		[['--latency', 'soon'], '--latency: not a number: soon'],
		[['--cap', '1.5'], '--cap: not an integer: 1.5'],
		[['--scenario', 'nope'], '--scenario: unknown scenario nope'],
		[['--refusal-delay', '50-'], '--refusal-delay: not a number: '],
		[['--refusal-delay', '1-2-3'], '--refusal-delay: MS or MIN-MAX, not 1-2-3'],
	])('rejects %j', (argv, message) => {
		expect(() => parseCliArgs(argv)).toThrow(message);
	});
});

describe('cli.ts as a process', () => {
	it('prints the invoke URLs, serves the API and the control API, and exits 0 on SIGTERM', async () => {
		const child = spawn(
			join(ROOT, 'node_modules', '.bin', 'tsx'),
			[
				'tools/clova-emulator/cli.ts',
				'--port',
				'0',
				'--secret',
				'cli-secret',
				'--latency',
				'5',
				'--cap',
				'8',
			],
			{
				cwd: ROOT,
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		const exited = new Promise<number | null>((resolve) =>
			child.on('exit', (code) => resolve(code)),
		);

		try {
			const deadline = Date.now() + 10_000;
			while (stdout.split('\n').length < 8 && Date.now() < deadline)
				await new Promise((resolve) => setTimeout(resolve, 20));
			const match =
				/^CLOVA emulator listening on (http:\/\/127\.0\.0\.1:\d+\/custom\/v1\/12345\/emulatorinvokekey)\n/.exec(
					stdout,
				);
			expect(match).not.toBeNull();
			const invokeUrl = match?.[1] ?? '';
			// Then one line per product's domain: product, path, invoke URL.
			expect(
				stdout
					.split('\n')
					.slice(1, -1)
					.map((line) => line.trim().split(/\s+/)),
			).toEqual(
				[
					['idCard', '/document/id-card', '12345'],
					['businessRegistration', '/document/biz-license', '12346'],
					['receipt', '/document/receipt', '12347'],
					['creditCard', '/document/credit-card', '12348'],
					['nameCard', '/document/name-card', '12349'],
					['passport', '/document/passport', '12350'],
					['general', '/general', '12351'],
					['template', '/infer', '12352'],
				].map(([product, path, domainId]) => [
					product,
					path,
					`${new URL(invokeUrl).origin}/custom/v1/${domainId}/emulatorinvokekey`,
				]),
			);

			const ocr = await fetch(`${invokeUrl}/document/id-card`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'X-OCR-SECRET': 'cli-secret' },
				body: JSON.stringify(jsonMessage(pngWith('cli'))),
			});
			expect(ocr.status).toBe(200);
			const stats = (await (
				await fetch(`${new URL(invokeUrl).origin}/__emulator/stats`)
			).json()) as {
				stats: { total: number };
				options: { latencyMs: number; concurrencyCap: number };
			};
			expect([stats.stats.total, stats.options.latencyMs, stats.options.concurrencyCap]).toEqual([
				1, 5, 8,
			]);
		} finally {
			child.kill('SIGTERM');
		}
		expect(await exited).toBe(0);
		expect(stdout.split('\n')).toHaveLength(10);
		expect(stderr.replace(/^npm warn .*\n/gm, '')).toBe('');
	});
});
