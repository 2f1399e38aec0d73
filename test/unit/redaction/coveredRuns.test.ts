import { RedactionBudget } from '../../../nodes/ClovaOcr/redaction';
import { forEachCoveredRun } from '../../../nodes/ClovaOcr/redaction/coveredRuns';
import type { PixelBox } from '../../../nodes/ClovaOcr/redaction/regions';
import { rng } from './testImages';

function randomBoxes(count: number, width: number, height: number, seed: number): PixelBox[] {
	const r = rng(seed);
	return Array.from({ length: count }, () => {
		const x0 = Math.floor(r() * width);
		const y0 = Math.floor(r() * height);
		return {
			x0,
			y0,
			x1: Math.min(width, x0 + Math.floor(r() * 12)),
			y1: Math.min(height, y0 + Math.floor(r() * 12)),
		};
	});
}

/** How many times each cell was painted, and the runs in call order. */
function paintCounts(width: number, height: number, boxes: PixelBox[], budget: RedactionBudget) {
	const counts = new Uint8Array(width * height);
	const runs: Array<[number, number, number]> = [];
	forEachCoveredRun(width, height, boxes, budget, (y, x0, x1) => {
		runs.push([y, x0, x1]);
		for (let x = x0; x < x1; x++) counts[y * width + x]++;
	});
	return { counts, runs };
}

describe('forEachCoveredRun: the region mask', () => {
	it.each([1, 7, 300, 3000])(
		'%i random boxes: exactly the union, each cell once, maximal runs top to bottom',
		(count) => {
			const [width, height] = [90, 70];
			const boxes = randomBoxes(count, width, height, count);
			const { counts, runs } = paintCounts(width, height, boxes, new RedactionBudget(0));
			const wrong: Array<[number, number]> = [];
			for (let y = 0; y < height; y++) {
				for (let x = 0; x < width; x++) {
					const covered = boxes.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1);
					if (counts[y * width + x] !== (covered ? 1 : 0)) wrong.push([x, y]);
				}
			}
			expect(wrong).toEqual([]);
			for (let i = 1; i < runs.length; i++) {
				const [[py, , px1], [y, x0]] = [runs[i - 1], runs[i]];
				expect(y > py || (y === py && x0 > px1)).toBe(true); // ordered, and never touching
			}
		},
	);

	it('20,000 boxes over the whole grid: each cell painted once, one row merged', () => {
		const [width, height] = [856, 540];
		const whole = { x0: 0, y0: 0, x1: width, y1: height };
		const budget = new RedactionBudget(0);
		const { counts } = paintCounts(width, height, new Array(20_000).fill(whole), budget);
		expect(counts.every((c) => c === 1)).toBe(true);
		expect(budget.cellsPainted).toBe(width * height);
		expect(budget.maskCells).toBe(width);
	});

	it('work is at most the area plus the boxes: mask cells ≤ width × rows where boxes start or end', () => {
		const [width, height] = [400, 300];
		const boxes = randomBoxes(20_000, width, height, 5);
		const budget = new RedactionBudget(0);
		paintCounts(width, height, boxes, budget);
		const changeRows = new Set(boxes.flatMap((b) => [b.y0, b.y1]).filter((y) => y < height));
		expect(budget.cellsPainted).toBeLessThanOrEqual(width * height);
		expect(budget.maskCells).toBeLessThanOrEqual(width * changeRows.size);
	});

	it('skips empty boxes and draws nothing without boxes', () => {
		const budget = new RedactionBudget(0);
		const empty = [{ x0: 3, y0: 3, x1: 3, y1: 9 }];
		expect(paintCounts(10, 10, empty, budget).runs).toEqual([]);
		expect(paintCounts(10, 10, [], budget).runs).toEqual([]);
		expect(budget.cellsPainted).toBe(0);
	});
});
