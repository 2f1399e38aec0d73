import { polygonPartFrom } from '../../../nodes/ClovaOcr/redaction';

const polygon = (...points: Array<[number, number]>) => ({
	vertices: points.map(([x, y]) => ({ x, y })),
});

describe('polygonPartFrom', () => {
	test.each([
		[
			'a level box, from half way',
			polygon([0, 0], [140, 0], [140, 10], [0, 10]),
			0.5,
			polygon([70, 0], [140, 0], [140, 10], [70, 10]),
		],
		[
			'skewed text: the points at the share of the top and bottom edges',
			polygon([0, 0], [100, 10], [98, 30], [-2, 20]),
			0.25,
			polygon([25, 2.5], [100, 10], [98, 30], [23, 22.5]),
		],
		[
			'text turned by 180° (reading right to left in the image)',
			polygon([100, 20], [0, 20], [0, 0], [100, 0]),
			0.5,
			polygon([50, 20], [0, 20], [0, 0], [50, 0]),
		],
		[
			'text turned by 90°, corners in reading order',
			polygon([10, 0], [10, 100], [0, 100], [0, 0]),
			0.5,
			polygon([10, 50], [10, 100], [0, 100], [0, 50]),
		],
		[
			'a share below 0 is the whole text',
			polygon([0, 0], [140, 0], [140, 10], [0, 10]),
			-1,
			polygon([0, 0], [140, 0], [140, 10], [0, 10]),
		],
		[
			'a share above 1 is the end edge',
			polygon([0, 0], [140, 0], [140, 10], [0, 10]),
			2,
			polygon([140, 0], [140, 0], [140, 10], [140, 10]),
		],
	])('%s', (_case, whole, share, part) => {
		expect(polygonPartFrom(whole, share)).toEqual(part);
	});

	test.each([
		['a first edge shorter than the second', polygon([0, 0], [10, 0], [10, 100], [0, 100]), 0.5],
		['three vertices', polygon([0, 0], [100, 0], [100, 10]), 0.5],
		['five vertices', polygon([0, 0], [50, 0], [100, 0], [100, 10], [0, 10]), 0.5],
		['no vertices', { vertices: [] }, 0.5],
		['a vertex that is not finite', polygon([0, 0], [Infinity, 0], [100, 10], [0, 10]), 0.5],
		['a share that is not a number', polygon([0, 0], [140, 0], [140, 10], [0, 10]), NaN],
	])('whole: %s', (_case, whole, share) => {
		expect(polygonPartFrom(whole, share)).toBe(whole);
	});
});
