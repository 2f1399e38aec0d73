import { growthExponent } from '../hostile/growthExponent';

const series = (time: (size: number) => number) =>
	[1000, 4000, 16_000, 64_000].map((size) => ({ size, ms: time(size) }));

describe('growthExponent: the slope of log time against log size', () => {
	test.each([
		['constant', () => 5, 0],
		['linear', (n: number) => 0.001 * n, 1],
		['quadratic', (n: number) => 1e-6 * n * n, 2],
		['cubic', (n: number) => 1e-9 * n ** 3, 3],
	])('%s time', (_name, time, exponent) => {
		expect(growthExponent(series(time))).toBeCloseTo(exponent, 6);
	});

	test('fewer than two usable sizes, or one size only: no exponent', () => {
		expect(growthExponent([{ size: 10, ms: 1 }])).toBeNull();
		expect(
			growthExponent([
				{ size: 10, ms: 1 },
				{ size: 20, ms: 0 },
			]),
		).toBeNull();
		expect(
			growthExponent([
				{ size: 10, ms: 1 },
				{ size: 10, ms: 2 },
			]),
		).toBeNull();
	});
});
