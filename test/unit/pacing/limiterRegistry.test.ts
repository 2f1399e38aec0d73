import { createHash } from 'crypto';

import {
	domainKey,
	LimiterRegistry,
	PROCESS_LIMITERS,
} from '../../../nodes/ClovaOcr/pacing/limiterRegistry';
import { createExecutionScheduler } from '../../../nodes/ClovaOcr/pacing/executionScheduler';

const URL_A = 'https://a.apigw.ntruss.com/custom/v1/1/key/document/id-card';
const SECRET = 'S3cr3t-value-that-must-not-leak';

describe('LimiterRegistry: one limiter per domain in the process', () => {
	test('the same endpoint and secret share one limiter; another endpoint or secret has its own', () => {
		const registry = new LimiterRegistry();
		const first = registry.limiterFor({ url: URL_A, secretKey: SECRET }, 4);
		expect(registry.limiterFor({ url: URL_A, secretKey: SECRET }, 4)).toBe(first);
		expect(registry.limiterFor({ url: URL_A, secretKey: 'other' }, 4)).not.toBe(first);
		expect(registry.limiterFor({ url: `${URL_A}x`, secretKey: SECRET }, 4)).not.toBe(first);
		expect(registry.size).toBe(3);
	});

	test('the key holds a hash of the secret, never the secret', () => {
		const key = domainKey({ url: URL_A, secretKey: SECRET });
		expect(key).toBe(`${URL_A}\n${createHash('sha256').update(SECRET).digest('hex')}`);
		expect(key).not.toContain(SECRET);
		expect(key).not.toContain(SECRET.slice(0, 8));
	});

	test('it starts at the first Concurrency; a higher one lifts it', () => {
		const registry = new LimiterRegistry();
		const limiter = registry.limiterFor({ url: URL_A, secretKey: SECRET }, 4);
		expect(limiter.limit).toBe(4);
		registry.limiterFor({ url: URL_A, secretKey: SECRET }, 16);
		expect(limiter.limit).toBe(16);
	});

	test('an idle limiter is forgotten at the next look-up after the expiry; one in use is kept', async () => {
		let now = 0;
		const registry = new LimiterRegistry(() => now, 1000);
		const idle = registry.limiterFor({ url: URL_A, secretKey: 'idle' }, 4);
		const busy = registry.limiterFor({ url: URL_A, secretKey: 'busy' }, 4);
		const permit = await busy.acquire();
		now = 999;
		expect(registry.limiterFor({ url: URL_A, secretKey: 'idle' }, 4)).toBe(idle);
		now = 2500;
		expect(registry.limiterFor({ url: URL_A, secretKey: 'busy' }, 4)).toBe(busy);
		expect(registry.size).toBe(1); // 'idle' was forgotten on that look-up
		permit.release('accepted');
		now = 3499;
		expect(registry.limiterFor({ url: URL_A, secretKey: 'busy' }, 4)).toBe(busy);
		now = 4600;
		expect(registry.limiterFor({ url: URL_A, secretKey: 'busy' }, 4)).not.toBe(busy);
	});

	test("an execution's requests go through the process's limiter for their domain", async () => {
		const domain = { url: URL_A, secretKey: 'process-wide' };
		const scheduler = createExecutionScheduler(
			{ concurrency: 2, maxRetries: 0, timeoutMs: 1000 },
			{ sleep: async () => undefined, random: () => 0 },
		);
		let finish!: () => void;
		const sent = scheduler.send(0, domain, () => new Promise<void>((r) => (finish = r)));
		await new Promise((resolve) => setImmediate(resolve));
		expect(PROCESS_LIMITERS.limiterFor(domain, 2).inFlight).toBe(1);
		finish();
		await sent;
		expect(PROCESS_LIMITERS.limiterFor(domain, 2).inFlight).toBe(0);
	});
});
