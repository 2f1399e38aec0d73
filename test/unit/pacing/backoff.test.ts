import { backoffDelayMs } from '../../../nodes/ClovaOcr/pacing/backoff';

const SETTINGS = { baseMs: 250, maxMs: 4000 };

describe('backoffDelayMs: exponential steps, half of each step jittered', () => {
	test.each([
		// [retry number, random, delay]
		[1, 0, 125],
		[1, 0.5, 188],
		[1, 1, 250],
		[2, 0, 250],
		[2, 1, 500],
		[3, 0, 500],
		[3, 0.25, 625],
		[4, 1, 2000],
		[5, 1, 4000],
		[6, 0, 2000],
		[6, 1, 4000],
		[50, 1, 4000],
		[0, 1, 250],
		[1, -3, 125],
		[1, 7, 250],
	])('retry %d, random %d: %d ms', (retryNumber, random, delay) => {
		expect(backoffDelayMs(retryNumber, SETTINGS, random)).toBe(delay);
	});
});
