/**
 * Finds words on a drawn page: the dark-ink box inside a search box, and a line's ink split into
 * its words at the widest gaps between inked columns (measure-words.ts). Dark ink is what the
 * emulator's specimen tests call dark (r < 110, g < 120, b < 130).
 */
import type { Box } from './document-layouts';

export interface Raster {
	readonly width: number;
	readonly height: number;
	readonly channels: number;
	readonly data: Uint8Array;
}

export function isDark(raster: Raster, x: number, y: number): boolean {
	const i = (y * raster.width + x) * raster.channels;
	return (
		(raster.data[i] ?? 255) < 110 &&
		(raster.data[i + 1] ?? 255) < 120 &&
		(raster.data[i + 2] ?? 255) < 130
	);
}

/** The smallest box holding every dark pixel inside `search`, or null. */
export function inkBox(raster: Raster, [x0, y0, x1, y1]: Box): Box | null {
	let box: [number, number, number, number] | null = null;
	for (let y = y0; y < y1; y++)
		for (let x = x0; x < x1; x++)
			if (isDark(raster, x, y)) {
				if (box === null) box = [x, y, x + 1, y + 1];
				else {
					box[0] = Math.min(box[0], x);
					box[1] = Math.min(box[1], y);
					box[2] = Math.max(box[2], x + 1);
					box[3] = Math.max(box[3], y + 1);
				}
			}
	return box;
}

/** Runs of columns holding dark ink inside `search`: [from, to) each. */
export function inkedColumnRuns(raster: Raster, [x0, y0, x1, y1]: Box): Array<[number, number]> {
	const runs: Array<[number, number]> = [];
	for (let x = x0; x < x1; x++) {
		let inked = false;
		for (let y = y0; y < y1 && !inked; y++) inked = isDark(raster, x, y);
		if (!inked) continue;
		const last = runs[runs.length - 1];
		if (last !== undefined && last[1] === x) last[1] = x + 1;
		else runs.push([x, x + 1]);
	}
	return runs;
}

export interface Split {
	/** One ink box per word, left to right. */
	readonly words: Box[];
	/** The narrowest gap taken as a space and the widest gap inside a word (px). */
	readonly narrowestSpace: number;
	readonly widestInside: number;
}

/**
 * Splits the ink of one line of `count` words at its `count - 1` widest column gaps. Throws
 * when the split is ambiguous: a gap inside a word as wide as one taken for a space.
 */
export function splitWords(raster: Raster, search: Box, count: number): Split {
	const runs = inkedColumnRuns(raster, search);
	if (runs.length < count)
		throw new Error(`${runs.length} ink runs in ${search.join(',')}, ${count} words expected`);
	const gaps = runs.slice(1).map((run, index) => ({ index, width: run[0] - runs[index]![1] }));
	const spaces = [...gaps]
		.sort((a, b) => b.width - a.width || a.index - b.index)
		.slice(0, count - 1)
		.map((gap) => gap.index)
		.sort((a, b) => a - b);
	const narrowestSpace = Math.min(...spaces.map((index) => gaps[index]!.width), Infinity);
	const widestInside = Math.max(
		...gaps.filter((gap) => !spaces.includes(gap.index)).map((gap) => gap.width),
		0,
	);
	if (count > 1 && narrowestSpace <= widestInside)
		throw new Error(
			`ambiguous words in ${search.join(',')}: a space of ${narrowestSpace} px, a gap of ${widestInside} px inside a word`,
		);
	const words: Box[] = [];
	let first = 0;
	for (const space of [...spaces, runs.length - 1]) {
		const from = runs[first]![0];
		const to = runs[space]![1];
		const box = inkBox(raster, [from, search[1], to, search[3]]);
		if (box === null) throw new Error('a word without ink');
		words.push(box);
		first = space + 1;
	}
	return { words, narrowestSpace, widestInside };
}
