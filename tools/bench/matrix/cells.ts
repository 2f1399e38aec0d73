/**
 * The cells of `npm run bench -- matrix`: every combination of the service's latency
 * distribution, how it answers a refusal over its cap, the cap, and the batch size; and
 * the time scale each cell runs at (a profile's choice, to keep the matrix affordable).
 * Pure: no I/O.
 */
import type { EmulatorRuntimeOptions } from '../../clova-emulator';

export const LATENCIES = ['fixed', 'lognormal', 'tail'] as const;
export const REFUSALS = ['at-once', 'delayed'] as const;
export const CAPS = [2, 8, 32] as const;
export const ITEM_COUNTS = [50, 200, 2000] as const;

export type LatencyKind = (typeof LATENCIES)[number];
export type RefusalKind = (typeof REFUSALS)[number];

/** The service at time scale 1: what the matrix names. */
export const SERVICE = {
	/** The fixed latency, and the log-normal's median. */
	latencyMs: 300,
	/** The log-normal's p95 ÷ median. */
	p95Ratio: 2,
	/** `tail`: this share of calls takes `tailFactor` × the median. */
	tailRate: 0.02,
	tailFactor: 10,
	/** `delayed`: a refusal comes back after a delay drawn uniformly from this range. */
	refusalDelayMs: [50, 200] as const,
} as const;

export interface Cell {
	readonly latency: LatencyKind;
	readonly refusal: RefusalKind;
	readonly cap: number;
	readonly items: number;
	/**
	 * Every service time of the cell (latency, refusal delay) is multiplied by this: 1 is
	 * the matrix as named; below 1 the same service runs faster (profiles, `--scale`).
	 */
	readonly scale: number;
}

export type Profile = 'full' | 'quick';

/**
 * The quick profile runs a 2,000-item cell only as fast as keeps the call rate at or below
 * the full matrix's highest (cap 32 at 300 ms: about 107 calls/s), so the machine's CPU
 * does not become what is measured: scale = cap / 32, at least 0.1. The 50- and 200-item
 * cells run at scale 1.
 */
export function quickScale(cap: number, items: number): number {
	if (items < 2000) return 1;
	return Math.min(1, Math.max(0.1, cap / 32));
}

/** Every cell of the matrix, items outermost, then latency, refusal and cap. */
export function allCells(profile: Profile, scaleOverride: number | null = null): Cell[] {
	const cells: Cell[] = [];
	for (const items of ITEM_COUNTS)
		for (const latency of LATENCIES)
			for (const refusal of REFUSALS)
				for (const cap of CAPS) {
					const scale = scaleOverride ?? (profile === 'quick' ? quickScale(cap, items) : 1);
					cells.push({ latency, refusal, cap, items, scale });
				}
	return cells;
}

/** `--cells` keys and the values each accepts. */
const FILTER_VALUES: Record<string, readonly string[]> = {
	latency: LATENCIES,
	refusal: REFUSALS,
	cap: CAPS.map(String),
	items: ITEM_COUNTS.map(String),
};

/** `delayed` also as `50-200`; `at-once` also as `once`/`now`. */
const ALIASES: Record<string, string> = {
	'50-200': 'delayed',
	once: 'at-once',
	now: 'at-once',
	atonce: 'at-once',
};

export type CellFilter = ReadonlyMap<keyof typeof FILTER_VALUES, ReadonlySet<string>>;

export class MatrixArgsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MatrixArgsError';
	}
}

/**
 * `latency=fixed,cap=8` (every cell with both), `cap=2,cap=8` (either cap), `cap=2+8`
 * (the same). Keys: latency (fixed, lognormal, tail), refusal (at-once, delayed), cap
 * (2, 8, 32), items (50, 200, 2000).
 */
export function parseCellFilter(text: string): CellFilter {
	const filter = new Map<string, Set<string>>();
	for (const part of text.split(',')) {
		if (part.trim() === '') continue;
		const [key = '', value = '', ...rest] = part.split('=').map((piece) => piece.trim());
		const allowed = FILTER_VALUES[key];
		if (allowed === undefined || rest.length > 0 || value === '')
			throw new MatrixArgsError(
				`--cells: ${part}: expected key=value with key one of ${Object.keys(FILTER_VALUES).join(', ')}`,
			);
		for (const raw of value.split('+')) {
			const canonical = ALIASES[raw] ?? raw;
			if (!allowed.includes(canonical))
				throw new MatrixArgsError(`--cells: ${key}=${raw}: one of ${allowed.join(', ')}`);
			const values = filter.get(key) ?? new Set<string>();
			values.add(canonical);
			filter.set(key, values);
		}
	}
	return filter;
}

export function cellMatches(cell: Cell, filter: CellFilter): boolean {
	for (const [key, values] of filter) {
		const value = String(cell[key as keyof Cell]);
		if (!values.has(value)) return false;
	}
	return true;
}

export interface MatrixArgs {
	readonly profile: Profile;
	readonly filter: CellFilter;
	/** `--scale S`: every cell at this time scale, whatever the profile. */
	readonly scale: number | null;
	/** The node's Concurrency option (its maximum is 64). */
	readonly concurrency: number;
	readonly seed: number;
	readonly build: boolean;
	/** `--package DIR`: pack that folder (built already) instead of this repo. */
	readonly packageDir: string | null;
	/** `--json FILE`: also write the results there. */
	readonly jsonFile: string | null;
	/** `--timeline MS`: after each cell, its calls in flight, arrivals and refusals per MS. */
	readonly timelineMs: number | null;
	/**
	 * `--floor`: before the cells of each (items, latency, cap, scale), the same batch with the
	 * node's Concurrency set to the cap: a limiter that knew the cap from the start, so what
	 * is left above the ideal is the node's own per-call overhead, not the limiter's.
	 */
	readonly floor: boolean;
	readonly help: boolean;
}

export const MATRIX_USAGE = `Usage: npm run bench -- matrix [flags]
  --quick            2,000-item cells faster (time scale cap / 32, at least 0.1); the rest at 300 ms
  --cells FILTER     only the matching cells, e.g. latency=fixed,cap=8 or cap=2+8,items=200
                     (keys latency: fixed|lognormal|tail, refusal: at-once|delayed, cap: 2|8|32, items: 50|200|2000)
  --scale S          every selected cell at time scale S (latency 300 x S ms, refusal delay 50-200 x S ms)
  --concurrency N    the node's Concurrency option (default 64, its maximum)
  --seed N           the emulator's seed for latencies and refusal delays (default 1)
  --no-build         pack dist/ as it is instead of building first
  --package DIR      pack DIR (a built checkout, e.g. another limiter) instead of this repo
  --json FILE        also write the results as JSON
  --floor            also run each (items, latency, cap) with Concurrency = cap (the cap known):
                     the node's floor without the limiter's learning, printed beside each cell
  --timeline MS      after each cell, per MS from its first call: the fewest and most calls in
                     flight at the service, the calls that arrived and the refusals among them
                     (without it, a cell over 1.15 x its online bound prints its timeline anyway)
  --help             this text`;

export function parseMatrixArgs(argv: readonly string[]): MatrixArgs {
	let profile: Profile = 'full';
	let filter: CellFilter = new Map();
	let scale: number | null = null;
	let concurrency = 64;
	let seed = 1;
	let build = true;
	let packageDir: string | null = null;
	let jsonFile: string | null = null;
	let floor = false;
	let timelineMs: number | null = null;
	let help = false;
	for (let index = 0; index < argv.length; index++) {
		const flag = argv[index] ?? '';
		const value = (): string => {
			const next = argv[index + 1];
			if (next === undefined) throw new MatrixArgsError(`${flag} needs a value`);
			index++;
			return next;
		};
		const number = (min: number, max: number, integer: boolean): number => {
			const raw = value();
			const parsed = Number(raw);
			if (
				raw.trim() === '' ||
				!Number.isFinite(parsed) ||
				parsed < min ||
				parsed > max ||
				(integer && !Number.isInteger(parsed))
			)
				throw new MatrixArgsError(
					`${flag}: ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, not ${raw}`,
				);
			return parsed;
		};
		switch (flag) {
			case '--quick':
				profile = 'quick';
				break;
			case '--cells':
				filter = parseCellFilter(value());
				break;
			case '--scale':
				scale = number(0.01, 10, false);
				break;
			case '--concurrency':
				concurrency = number(1, 64, true);
				break;
			case '--seed':
				seed = number(0, 2 ** 32 - 1, true);
				break;
			case '--no-build':
				build = false;
				break;
			case '--package':
				packageDir = value();
				break;
			case '--json':
				jsonFile = value();
				break;
			case '--floor':
				floor = true;
				break;
			case '--timeline':
				timelineMs = number(1, 60_000, true);
				break;
			case '--help':
			case '-h':
				help = true;
				break;
			default:
				throw new MatrixArgsError(`unknown flag ${flag}`);
		}
	}
	return {
		profile,
		filter,
		scale,
		concurrency,
		seed,
		build,
		packageDir,
		jsonFile,
		floor,
		timelineMs,
		help,
	};
}

export function selectedCells(args: MatrixArgs): Cell[] {
	return allCells(args.profile, args.scale).filter((cell) => cellMatches(cell, args.filter));
}

/** The cell's service at its scale: latency (or median), refusal delay range. */
export function serviceOf(cell: Cell): { latencyMs: number; refusalDelayMs: [number, number] } {
	const at = (ms: number) => Math.round(ms * cell.scale * 1000) / 1000;
	return {
		latencyMs: at(SERVICE.latencyMs),
		refusalDelayMs:
			cell.refusal === 'delayed'
				? [at(SERVICE.refusalDelayMs[0]), at(SERVICE.refusalDelayMs[1])]
				: [0, 0],
	};
}

/** The emulator's knobs for a cell. */
export function emulatorKnobs(
	cell: Cell,
	seed: number,
): Pick<
	EmulatorRuntimeOptions,
	| 'latencyMs'
	| 'latencyDistribution'
	| 'latencyP95Ratio'
	| 'latencyTailRate'
	| 'latencyTailFactor'
	| 'concurrencyCap'
	| 'refusalDelayMs'
	| 'seed'
> {
	const { latencyMs, refusalDelayMs } = serviceOf(cell);
	return {
		latencyMs,
		latencyDistribution: cell.latency === 'fixed' ? 'fixed' : 'lognormal',
		latencyP95Ratio: SERVICE.p95Ratio,
		latencyTailRate: cell.latency === 'tail' ? SERVICE.tailRate : 0,
		latencyTailFactor: SERVICE.tailFactor,
		concurrencyCap: cell.cap,
		refusalDelayMs,
		seed,
	};
}

/** Cells that share a floor run: the same batch, latency, cap and scale (the refusal timing does not matter when nothing is refused). */
export function floorKey(cell: Cell): string {
	return `${cell.items}/${cell.latency}/${cell.cap}/${cell.scale}`;
}

/** Short, stable name of a cell, e.g. `fixed/at-once/cap 8/200` (for progress and targets). */
export function cellName(cell: Cell): string {
	const scale = cell.scale === 1 ? '' : ` @${cell.scale}`;
	return `${cell.items} items, ${cell.latency}, refusal ${cell.refusal}, cap ${cell.cap}${scale}`;
}
