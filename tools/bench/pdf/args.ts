/**
 * The flags of `npm run bench -- pdf` (pure: tested in tools/bench/test/pdfBench.test.ts).
 */

import { readFlags } from '../flagReader';

export class PdfArgsError extends Error {}

export const PDF_OUTPUTS = ['lines', 'text', 'words'] as const;
export type PdfOutput = (typeof PDF_OUTPUTS)[number];

/** General OCR's answers hold at most 100 pages in the node (ANSWER_LIMITS.pagesPerAnswer). */
export const MAX_BENCH_PAGES = 100;

export interface PdfArgs {
	readonly pages: number;
	readonly runs: number;
	/** The measured node's Output. */
	readonly output: PdfOutput;
	/** The emulator's fixed latency per request. */
	readonly latencyMs: number;
	/** Added per page of a request: a request of n pages waits latency + n x pageMs. */
	readonly pageMs: number;
	/** The node's Concurrency option (its default is 4). */
	readonly concurrency: number;
	readonly build: boolean;
	readonly packageDir: string | null;
	readonly jsonFile: string | null;
	readonly help: boolean;
}

export const PDF_USAGE = `Usage: npm run bench -- pdf [flags]
  One N-page PDF (one item) through CLOVA OCR's Read Text, against the same N pages as N PNG
  items, in a real n8n (n8n execute, this package installed as a community package), each run
  on the same emulator settings. Per run and as a range: the node's wall time (n8n's execution
  time), the emulator's service time (the union of the calls' spans at the service), the node's
  overhead (wall - service) in all and per page, items out, and the peak RSS of the n8n process
  (and above the same workflow without the measured node).
  --pages N         pages of the PDF and PNG items (default 20, at most ${MAX_BENCH_PAGES})
  --runs N          runs of each input, alternating which goes first (default 3)
  --output MODE     the node's Output: ${PDF_OUTPUTS.join(', ')} (default lines)
  --latency MS      the emulator's fixed latency per request (default 300)
  --page-ms MS      added per page of a request: the PDF's call waits latency + N x MS, each
                    PNG's latency + MS (default 0: every request the same latency)
  --concurrency N   the node's Concurrency (default 4, the node's default)
  --no-build        pack dist/ as it is instead of building first
  --package DIR     pack DIR (a built checkout) instead of this repo
  --json FILE       also write the figures as JSON
  --help            this text`;

export function parsePdfArgs(argv: readonly string[]): PdfArgs {
	let pages = 20;
	let runs = 3;
	let output: PdfOutput = 'lines';
	let latencyMs = 300;
	let pageMs = 0;
	let concurrency = 4;
	let build = true;
	let packageDir: string | null = null;
	let jsonFile: string | null = null;
	const { help } = readFlags(
		argv,
		(message) => new PdfArgsError(message),
		(flag) => {
			switch (flag.name) {
				case '--pages':
					pages = flag.integer(1, MAX_BENCH_PAGES);
					break;
				case '--runs':
					runs = flag.integer(1, 50);
					break;
				case '--output': {
					const text = flag.value();
					if (!(PDF_OUTPUTS as readonly string[]).includes(text))
						throw new PdfArgsError(`--output: one of ${PDF_OUTPUTS.join(', ')}, not ${text}`);
					output = text as PdfOutput;
					break;
				}
				case '--latency':
					latencyMs = flag.integer(0, 60_000);
					break;
				case '--page-ms':
					pageMs = flag.integer(0, 60_000);
					break;
				case '--concurrency':
					concurrency = flag.integer(1, 64);
					break;
				case '--no-build':
					flag.bare();
					build = false;
					break;
				case '--package':
					packageDir = flag.value();
					break;
				case '--json':
					jsonFile = flag.value();
					break;
				default:
					return false;
			}
			return true;
		},
	);
	return {
		pages,
		runs,
		output,
		latencyMs,
		pageMs,
		concurrency,
		build,
		packageDir,
		jsonFile,
		help,
	};
}

/** The fixed latency of a run whose every request carries `pagesPerRequest` pages. */
export function runLatencyMs(args: Pick<PdfArgs, 'latencyMs' | 'pageMs'>, pagesPerRequest: number) {
	return args.latencyMs + args.pageMs * pagesPerRequest;
}
