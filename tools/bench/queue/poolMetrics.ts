/**
 * The Postgres pool as n8n measures it itself (N8N_METRICS_INCLUDE_DB_POOL_METRICS, n8n 2.41's
 * DbPoolMetricsService): per process, `n8n_db_pool_acquire_seconds` (a histogram of the time each
 * query waited for a pooled connection; buckets up to 5 s) and `n8n_db_pool_requests_pending`
 * (queries waiting now). Read from each process's `/metrics` before and after a burst, and
 * sampled during it for the peak of waiting queries. The parsing is pure (tested in
 * tools/bench/test/queueProfile.test.ts).
 */

export interface PoolMetrics {
	/** Connections handed out so far, and the seconds they were waited for in all. */
	readonly acquisitions: number;
	readonly waitedSeconds: number;
	/** Cumulative: acquisitions that took at most `le` seconds. */
	readonly buckets: ReadonlyMap<number, number>;
	readonly pending: number;
	readonly max: number;
}

const METRIC_LINE = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})?\s+(\S+)/;

function value(text: string): number {
	if (text === '+Inf') return Number.POSITIVE_INFINITY;
	return Number(text);
}

/** The pool's figures in a Prometheus text exposition; null when it has none (metrics off, SQLite). */
export function parsePoolMetrics(text: string, prefix = 'n8n_'): PoolMetrics | null {
	const name = (suffix: string) => `${prefix}db_pool_${suffix}`;
	let acquisitions: number | null = null;
	let waitedSeconds = 0;
	let pending = 0;
	let max = 0;
	const buckets = new Map<number, number>();
	for (const line of text.split('\n')) {
		const match = METRIC_LINE.exec(line.trim());
		if (!match || line.startsWith('#')) continue;
		const [, metric, labels = '', raw] = match;
		const number = Number(raw);
		if (!Number.isFinite(number)) continue;
		if (metric === name('acquire_seconds_count')) acquisitions = number;
		else if (metric === name('acquire_seconds_sum')) waitedSeconds = number;
		else if (metric === name('acquire_seconds_bucket')) {
			const le = /le="([^"]+)"/.exec(labels)?.[1];
			if (le !== undefined) buckets.set(value(le), number);
		} else if (metric === name('requests_pending')) pending = number;
		else if (metric === name('connections_max')) max = number;
	}
	if (acquisitions === null) return null;
	return { acquisitions, waitedSeconds, buckets, pending, max };
}

export interface PoolWaitFigures {
	readonly acquisitions: number;
	readonly waitedSeconds: number;
	/** Acquisitions during the burst that waited longer than 1 s, and longer than 5 s. */
	readonly over1s: number;
	readonly over5s: number;
	/** The most queries seen waiting for a connection at once (sampled about once a second). */
	readonly peakPending: number;
}

function atMost(metrics: PoolMetrics, le: number): number {
	return metrics.buckets.get(le) ?? 0;
}

/** What a burst added, between two readings of one process. */
export function poolWaitDelta(
	before: PoolMetrics,
	after: PoolMetrics,
	peakPending: number,
): PoolWaitFigures {
	const acquisitions = after.acquisitions - before.acquisitions;
	const within = (le: number) => atMost(after, le) - atMost(before, le);
	return {
		acquisitions,
		waitedSeconds: after.waitedSeconds - before.waitedSeconds,
		over1s: acquisitions - within(1),
		over5s: acquisitions - within(5),
		peakPending: Math.max(peakPending, after.pending),
	};
}

/** `main 812 calls, 35.2 s waited, 3 > 1 s, 0 > 5 s, peak 14 waiting` */
export function poolWaitFiguresLine(where: string, figures: PoolWaitFigures | null): string {
	if (figures === null) return `${where} not read`;
	return `${where} ${figures.acquisitions} acquisitions, ${figures.waitedSeconds.toFixed(1)} s waited, ${figures.over1s} > 1 s, ${figures.over5s} > 5 s, peak ${figures.peakPending} waiting`;
}

async function read(url: string): Promise<PoolMetrics | null> {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
		return response.ok ? parsePoolMetrics(await response.text()) : null;
	} catch {
		return null;
	}
}

export interface PoolWatch {
	/** Per process: its figures for the burst, or null when its metrics could not be read. */
	stop(): Promise<Array<{ where: string; figures: PoolWaitFigures | null }>>;
}

/** Reads every process's pool metrics now and about once a second until `stop()`. */
export async function watchPools(
	endpoints: ReadonlyArray<{ where: string; url: string }>,
	intervalMs = 1_000,
): Promise<PoolWatch> {
	const before = await Promise.all(endpoints.map(({ url }) => read(url)));
	const peaks = endpoints.map(() => 0);
	let sampling = false;
	const timer = setInterval(() => {
		if (sampling) return;
		sampling = true;
		void Promise.all(
			endpoints.map(async ({ url }, i) => {
				const now = await read(url);
				if (now) peaks[i] = Math.max(peaks[i], now.pending);
			}),
		).finally(() => (sampling = false));
	}, intervalMs);
	return {
		async stop() {
			clearInterval(timer);
			const after = await Promise.all(endpoints.map(({ url }) => read(url)));
			return endpoints.map(({ where }, i) => {
				const start = before[i];
				const end = after[i];
				return {
					where,
					figures: start && end ? poolWaitDelta(start, end, peaks[i]) : null,
				};
			});
		},
	};
}
