/**
 * `npm run bench -- overhead [--runs 8] [--documents 5000] [--package DIR]`: the node's own work
 * per document without the network (nodeOverhead.ts), several times in one process, with the
 * fastest and the median run. One run moves with whatever else the machine does; the fastest of
 * several is the figure to compare builds by (`--package` measures another built checkout).
 */
import { resolve } from 'node:path';

import { readFlags } from './flagReader';
import { measureNodeOverhead, OWN_PACKAGE_DIR } from './nodeOverhead';
import { rangeOf } from './range';

export interface OverheadArgs {
	readonly runs: number;
	readonly documents: number;
	readonly packageDir: string;
	readonly help: boolean;
}

export const OVERHEAD_USAGE = `npm run bench -- overhead [--runs N] [--documents N] [--package DIR]
  --runs N         measurements in one process, 1-50 (default 8)
  --documents N    documents per measurement, 100-100000 (default 5000)
  --package DIR    a built checkout to measure instead of this one (its dist/)`;

export function parseOverheadArgs(argv: readonly string[]): OverheadArgs {
	let runs = 8;
	let documents = 5000;
	let packageDir = OWN_PACKAGE_DIR;
	const { help } = readFlags(
		argv,
		(message) => new Error(message),
		(flag) => {
			switch (flag.name) {
				case '--runs':
					runs = flag.integer(1, 50);
					return true;
				case '--documents':
					documents = flag.integer(100, 100_000);
					return true;
				case '--package':
					packageDir = resolve(flag.value());
					return true;
				default:
					return false;
			}
		},
	);
	return { runs, documents, packageDir, help };
}

export interface OverheadRuns {
	/** Each run's ms per document, in order. */
	readonly figures: readonly number[];
	readonly fastest: number;
	readonly median: number;
}

/** `runs` measurements of `documents` documents each, in this process. */
export async function measureOverheadRuns(
	runs: number,
	documents: number,
	packageDir = OWN_PACKAGE_DIR,
): Promise<OverheadRuns> {
	const figures: number[] = [];
	for (let run = 0; run < runs; run++)
		figures.push((await measureNodeOverhead(documents, packageDir)).msPerDocument);
	const range = rangeOf(figures);
	return { figures, fastest: range?.min ?? Number.NaN, median: range?.median ?? Number.NaN };
}

export async function runOverheadBench(argv: readonly string[]): Promise<void> {
	const args = parseOverheadArgs(argv);
	if (args.help) {
		process.stdout.write(`${OVERHEAD_USAGE}\n`);
		return;
	}
	const { figures, fastest, median } = await measureOverheadRuns(
		args.runs,
		args.documents,
		args.packageDir,
	);
	const ms = (value: number) => value.toFixed(3);
	process.stdout.write(
		`Node overhead without network (read, parse, check, review, flatten, exit), ${args.documents} documents per run, ${args.packageDir}\n` +
			`  runs (ms per document): ${figures.map(ms).join(' ')}\n` +
			`  fastest ${ms(fastest)} ms, median ${ms(median)} ms per document\n`,
	);
}
