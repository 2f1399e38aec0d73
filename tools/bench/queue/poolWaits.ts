/**
 * The Postgres pool waits n8n logs, counted in its processes' logs (pure: tested in
 * tools/bench/test/queueProfile.test.ts), and the logs read from a mark onwards.
 *
 * n8n 2.41 (@n8n/config PostgresConfig, @n8n/db DbConnectionOptions): each process has its own
 * pg pool of DB_POSTGRESDB_POOL_SIZE connections (default 2), and a query waits for one at most
 * DB_POSTGRESDB_CONNECTION_TIMEOUT ms (default 20,000; pg-pool's connectionTimeoutMillis) before
 * pg-pool fails it with "timeout exceeded when trying to connect". The other messages are what
 * pg-pool and n8n's connection monitor say when a connection cannot be had in time.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

export interface PoolWaitPattern {
	readonly name: string;
	readonly pattern: RegExp;
}

export const POOL_WAIT_PATTERNS: readonly PoolWaitPattern[] = [
	// pg-pool: no connection of the pool free within connectionTimeoutMillis
	{ name: 'pool checkout timed out', pattern: /timeout exceeded when trying to connect/i },
	// pg-pool: a new connection to Postgres not made within connectionTimeoutMillis
	{
		name: 'connect timed out',
		pattern:
			/Connection terminated due to connection timeout|Could not establish database connection within/i,
	},
	// n8n's connection monitor: its ping (every 2 s, DB_PING_TIMEOUT_MS 5 s) got no connection in time
	{
		name: 'ping timed out',
		pattern: /Database ping failed|Database connection timed out|n8n ping timed out/i,
	},
	// ... and, after 3 failed pings, tore the pool down and built it again
	{
		name: 'connection recovery',
		pattern:
			/database connection recovery|recover database connection|Recovery attempt \d+ failed|Database pool teardown|Cannot use a pool after calling end|Driver not Connected/i,
	},
	{
		name: 'pool client error',
		pattern: /Postgres pool client error|Connection terminated unexpectedly/i,
	},
	// Postgres itself (max_connections, 100 by default) when the pools together ask for more
	{ name: 'too many clients', pattern: /too many clients already|remaining connection slots/i },
];

export interface LogText {
	/** e.g. `main`, `worker 1` */
	readonly where: string;
	readonly text: string;
}

export interface PoolWaitCount {
	/** Lines that matched any pattern (each line counted once, under its first pattern). */
	readonly total: number;
	readonly byPattern: ReadonlyMap<string, number>;
	readonly byLog: ReadonlyMap<string, number>;
	/** The first matching line, trimmed, with its log's name; null when none matched. */
	readonly sample: { readonly where: string; readonly line: string } | null;
}

/** Terminal colour codes n8n writes into its log lines (ESC, built so no lint reads a control character). */
const ANSI = new RegExp(`${String.fromCharCode(0x1b)}\\[[0-9;]*m`, 'g');

export function countPoolWaits(
	logs: readonly LogText[],
	patterns: readonly PoolWaitPattern[] = POOL_WAIT_PATTERNS,
): PoolWaitCount {
	const byPattern = new Map<string, number>();
	const byLog = new Map<string, number>();
	let total = 0;
	let sample: PoolWaitCount['sample'] = null;
	for (const { where, text } of logs) {
		byLog.set(where, 0);
		for (const rawLine of text.split('\n')) {
			const line = rawLine.replace(ANSI, '');
			const match = patterns.find(({ pattern }) => pattern.test(line));
			if (match === undefined) continue;
			total++;
			byPattern.set(match.name, (byPattern.get(match.name) ?? 0) + 1);
			byLog.set(where, (byLog.get(where) ?? 0) + 1);
			sample ??= { where, line: line.trim() };
		}
	}
	return { total, byPattern, byLog, sample };
}

/** `main 3, worker 1 0, worker 2 12; pool checkout timed out 15` */
export function poolWaitSummary(count: PoolWaitCount): string {
	if (count.total === 0) return '0';
	const logs = [...count.byLog].map(([where, n]) => `${where} ${n}`).join(', ');
	const kinds = [...count.byPattern].map(([name, n]) => `${name} ${n}`).join(', ');
	return `${count.total} (${logs}; ${kinds})`;
}

/** Where each log ends now, so what a burst adds can be read alone. */
export type LogMark = ReadonlyArray<{
	readonly where: string;
	readonly file: string;
	readonly at: number;
}>;

export function markLogs(files: ReadonlyArray<{ where: string; file: string }>): LogMark {
	return files.map(({ where, file }) => ({
		where,
		file,
		at: existsSync(file) ? statSync(file).size : 0,
	}));
}

/** What each log gained since `mark`. */
export function logsSince(mark: LogMark): LogText[] {
	return mark.map(({ where, file, at }) => {
		if (!existsSync(file)) return { where, text: '' };
		const size = statSync(file).size;
		if (size <= at) return { where, text: '' };
		const buffer = Buffer.alloc(size - at);
		const fd = openSync(file, 'r');
		try {
			readSync(fd, buffer, 0, buffer.length, at);
		} finally {
			closeSync(fd);
		}
		return { where, text: buffer.toString('utf8') };
	});
}
