import type { RedactionBudget } from './budget';
import type { PixelBox } from './regions';

/**
 * Calls `paint(y, x0, x1)` once for every maximal run [x0, x1) of row y covered by at least one
 * box, rows top to bottom: every cell is painted at most once, however many boxes cover it.
 *
 * A sweep over the rows: each box adds its interval to a difference array at its first row
 * and takes it away after its last; a row's runs are merged anew (one pass over the row) only
 * where a box starts or ends, and reused for the rows in between. The cost is O(boxes + height
 * + width × rows where a box starts or ends + cells painted), at most O(boxes + area).
 *
 * `boxes` are in the grid's cells and must lie inside it; empty boxes are skipped.
 */
export function forEachCoveredRun(
	width: number,
	height: number,
	boxes: readonly PixelBox[],
	budget: RedactionBudget,
	paint: (y: number, x0: number, x1: number) => void,
): void {
	const n = boxes.length;
	if (n === 0 || width <= 0 || height <= 0) return;
	budget.allocate(4 * (2 * (height + 1) + 2 * n + 2 * (width + 2)), 'the region mask');
	// Boxes listed by first row and by the row after their last (linked lists: O(boxes + height)).
	const firstAt = new Int32Array(height + 1).fill(-1);
	const endAt = new Int32Array(height + 1).fill(-1);
	const nextFirst = new Int32Array(n);
	const nextEnd = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const b = boxes[i];
		if (b.x1 <= b.x0 || b.y1 <= b.y0) continue;
		nextFirst[i] = firstAt[b.y0];
		firstAt[b.y0] = i;
		nextEnd[i] = endAt[b.y1];
		endAt[b.y1] = i;
	}
	const diff = new Int32Array(width + 1);
	const runs = new Int32Array(width + 1); // x0, x1 pairs: at most ⌈width / 2⌉ runs
	let runCount = 0;
	let active = 0;
	for (let y = 0; y < height; y++) {
		let changed = false;
		for (let i = endAt[y]; i >= 0; i = nextEnd[i]) {
			diff[boxes[i].x0]--;
			diff[boxes[i].x1]++;
			active--;
			changed = true;
		}
		for (let i = firstAt[y]; i >= 0; i = nextFirst[i]) {
			diff[boxes[i].x0]++;
			diff[boxes[i].x1]--;
			active++;
			changed = true;
		}
		if (changed) {
			runCount = active > 0 ? mergeRuns(diff, width, runs) : 0;
			if (active > 0) budget.maskCells += width;
		}
		for (let r = 0; r < runCount; r += 2) {
			paint(y, runs[r], runs[r + 1]);
			budget.cellsPainted += runs[r + 1] - runs[r];
		}
	}
}

/** The covered runs of one row from its difference array, as x0, x1 pairs in `runs`; returns their count × 2. */
function mergeRuns(diff: Int32Array, width: number, runs: Int32Array): number {
	let count = 0;
	let cover = 0;
	for (let x = 0; x < width; x++) {
		const before = cover;
		cover += diff[x];
		if (before === 0 && cover > 0) runs[count++] = x;
		else if (before > 0 && cover === 0) runs[count++] = x;
	}
	if (cover > 0) runs[count++] = width;
	return count;
}
