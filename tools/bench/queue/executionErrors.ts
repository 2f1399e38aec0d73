/**
 * What n8n recorded of a burst's executions in its Postgres: how many ended in which status,
 * and the errors of the failed ones (message and stack), read with `psql` (the Debian client
 * next to the `postgres` tools/n8n/queue-mode.ts runs). The parsing of n8n's stored run data
 * is pure (tested in tools/bench/test/queueProfile.test.ts).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface ExecutionDb {
	readonly pgBin: string;
	readonly port: string;
	readonly user: string;
	readonly database: string;
}

function psql(db: ExecutionDb, sql: string): Promise<string> {
	return new Promise((resolve, reject) =>
		execFile(
			join(db.pgBin, 'psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				db.port,
				'-U',
				db.user,
				'-d',
				db.database,
				'-At',
				'-F',
				'\t',
				'-c',
				sql,
			],
			{ maxBuffer: 512 * 1024 * 1024, env: { PATH: process.env.PATH, PGCONNECT_TIMEOUT: '10' } },
			(error, stdout, stderr) =>
				error ? reject(new Error(`psql: ${stderr.trim() || error.message}`)) : resolve(stdout),
		),
	);
}

export async function lastExecutionId(db: ExecutionDb): Promise<number> {
	const out = await psql(db, 'select coalesce(max(id::bigint), 0) from execution_entity');
	return Number(out.trim()) || 0;
}

export interface StackSummary {
	/** The error's first line (`Error: ...`) */
	readonly message: string;
	/** Its `at ...` frames, in order. */
	readonly frames: readonly string[];
}

/**
 * The stacks in one execution's stored run data (n8n stores it in the `flatted` format: a JSON
 * array whose elements are the objects and the strings, each string once).
 */
export function stacksOfRunData(data: string): StackSummary[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(data);
	} catch {
		return [];
	}
	const values = Array.isArray(parsed) ? parsed : [parsed];
	const stacks: StackSummary[] = [];
	for (const value of values) {
		if (typeof value !== 'string' || !/\n\s+at /.test(value)) continue;
		const lines = value.split('\n');
		const frames = lines.slice(1).filter((line) => /^\s+at /.test(line));
		const message = lines
			.slice(0, lines.length - frames.length)
			.join(' ')
			.trim();
		stacks.push({ message, frames: frames.map((frame) => frame.trim()) });
	}
	return stacks;
}

/** `at fn (/root/.cache/.../node_modules/pkg/dist/x.js:1:2)` → `at fn (pkg/dist/x.js:1:2)` */
export function shortFrame(frame: string): string {
	return frame.replace(/\/[^\s()]*\/node_modules\//g, '');
}

/** Frames of the pool and the layers between it and whoever asked for a connection. */
const POOL_LAYERS =
	/pg-pool|\/pg\/lib|typeorm|@n8n\/db\/(?:src|dist)\/connection\/|node:internal|node:events|processTicksAndRejections|runNextTicks|listOnTimeout|processTimers|new Promise|<anonymous>/;
const NODE_PACKAGE = /node_modules\/n8n-nodes-clova-ocr\//;

/**
 * Who waited: in a stack through pg-pool, the first frame above the pool and n8n's database
 * layer (its connection monitor, TypeORM), and the first frame of this package's node when
 * there is one (`caller <- node frame`); null when the stack does not go through the pool.
 */
export function poolCaller(stack: StackSummary): string | null {
	if (!stack.frames.some((frame) => /pg-pool|obtainMasterConnection/.test(frame))) return null;
	const caller = stack.frames.find((frame) => !POOL_LAYERS.test(frame));
	const fromNode = stack.frames.find((frame) => NODE_PACKAGE.test(frame));
	if (caller !== undefined)
		return fromNode === undefined || fromNode === caller
			? shortFrame(caller)
			: `${shortFrame(caller)} <- ${shortFrame(fromNode)}`;
	const last = stack.frames[stack.frames.length - 1];
	return `(the stack ends in the database layer${last === undefined ? '' : `, ${shortFrame(last)}`})`;
}

export interface ExecutionSummary {
	/** status (success, error, crashed, ...) to count, over the executions after the mark. */
	readonly byStatus: ReadonlyMap<string, number>;
	/** Error first lines over the failed executions (each execution counts a message once). */
	readonly errors: ReadonlyMap<string, number>;
	/** Over the failed executions' stacks through the pool: who asked for the connection (poolCaller). */
	readonly callers: ReadonlyMap<string, number>;
	/**
	 * A failed execution's stack: the first through the pool (it names the caller), else the first
	 * that mentions a pool wait, else the first.
	 */
	readonly sample: StackSummary | null;
}

export function summarizeFailed(
	statuses: ReadonlyArray<string>,
	runData: readonly string[],
	isPoolWait: (text: string) => boolean,
): ExecutionSummary {
	const byStatus = new Map<string, number>();
	for (const status of statuses) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
	const errors = new Map<string, number>();
	const callers = new Map<string, number>();
	let sample: StackSummary | null = null;
	let sampleRank = 0;
	for (const data of runData) {
		const stacks = stacksOfRunData(data);
		for (const message of new Set(stacks.map((stack) => stack.message)))
			errors.set(message, (errors.get(message) ?? 0) + 1);
		const found = new Set<string>();
		for (const stack of stacks) {
			const caller = poolCaller(stack);
			if (caller !== null) found.add(caller);
			const rank =
				caller !== null ? 3 : isPoolWait(`${stack.message}\n${stack.frames.join('\n')}`) ? 2 : 1;
			if (rank > sampleRank) {
				sample = stack;
				sampleRank = rank;
			}
		}
		for (const caller of found) callers.set(caller, (callers.get(caller) ?? 0) + 1);
	}
	return { byStatus, errors, callers, sample };
}

/** The executions after `afterId`: statuses, and the failed ones' stored errors (at most `limit` read). */
export async function executionsAfter(
	db: ExecutionDb,
	afterId: number,
	isPoolWait: (text: string) => boolean,
	limit = 500,
): Promise<ExecutionSummary> {
	const statuses = (
		await psql(db, `select status from execution_entity where id::bigint > ${afterId}`)
	)
		.split('\n')
		.filter(Boolean);
	const failed = (
		await psql(
			db,
			`select d.data from execution_data d join execution_entity e on e.id = d."executionId"` +
				` where e.id::bigint > ${afterId} and e.status not in ('success', 'running', 'new', 'waiting')` +
				` order by e.id::bigint limit ${limit}`,
		)
	)
		.split('\n')
		.filter(Boolean);
	return summarizeFailed(statuses, failed, isPoolWait);
}
