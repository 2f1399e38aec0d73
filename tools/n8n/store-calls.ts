/**
 * n8n's store calls, counted from Postgres's statement log (`log_statement=all`, which
 * `startQueueMode({ logStatements: true })` turns on): every statement on n8n's binary data
 * table (`binary_data`, the database binary store, n8n 2.x) and on its credentials table
 * (`credentials_entity`), by kind. A statement is logged when it starts, by the backend that
 * runs it, so once a call has returned its statement is in the log.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

import { pollUntil } from './poll';

export interface StoreCalls {
	/** `credentials_entity` SELECTs of the whole row, secret data included: a credential loaded (getCredentials). */
	readonly credentialLoad: number;
	/**
	 * Any other statement on `credentials_entity`: n8n 2.41 checks the credentials of a workflow
	 * when an execution starts (by id, without their data).
	 */
	readonly credentialOther: number;
	/** `binary_data` SELECTs of its metadata columns only (n8n's getBinaryMetadata). */
	readonly binaryMetadata: number;
	/** `binary_data` SELECTs of the file's bytes (getBinaryDataBuffer, getBinaryStream). */
	readonly binaryRead: number;
	/** Any other statement on `binary_data`: INSERT (a file stored), UPDATE, DELETE, copies. */
	readonly binaryOther: number;
}

export type StoreCallKind = keyof StoreCalls;

export const STORE_CALL_KINDS: readonly StoreCallKind[] = [
	'credentialLoad',
	'credentialOther',
	'binaryMetadata',
	'binaryRead',
	'binaryOther',
];

/** `2026-01-01 00:00:00.000 UTC [1234] LOG:  execute <unnamed>: SELECT …` (and `statement: …`). */
const STATEMENT = /^\S+ \S+ \S+ \[\d+\] LOG: {2}(?:statement|execute [^:]*): (.*)$/;
/** The start of any log entry (LOG, DETAIL, ERROR…): the end of a multi-line statement. */
const ENTRY = /^\S+ \S+ \S+ \[\d+\] [A-Z]+: {2}/;

/** The statements in a stretch of Postgres's log, multi-line ones joined. */
export function loggedStatements(logText: string): string[] {
	const statements: string[] = [];
	let current: string[] | null = null;
	for (const line of logText.split('\n')) {
		const start = STATEMENT.exec(line);
		if (start) {
			if (current) statements.push(current.join('\n'));
			current = [start[1]];
		} else if (ENTRY.test(line)) {
			if (current) statements.push(current.join('\n'));
			current = null;
		} else if (current) {
			current.push(line);
		}
	}
	if (current) statements.push(current.join('\n'));
	return statements;
}

/**
 * Whether a SELECT reads the table's `data` column (a file's bytes, a credential's encrypted
 * secrets): TypeORM names each selected column `"Alias"."column"` before the FROM.
 */
function selectsData(statement: string): boolean {
	return /^\s*SELECT\b/i.test(statement) && /\."data"/.test(statement.split(/\bFROM\b/i)[0]);
}

/** Which store call a statement is, or null when it touches neither table. */
export function storeCallKind(statement: string): StoreCallKind | null {
	if (/\bcredentials_entity\b/.test(statement))
		return selectsData(statement) ? 'credentialLoad' : 'credentialOther';
	if (!/\bbinary_data\b/.test(statement)) return null;
	if (!/^\s*SELECT\b/i.test(statement)) return 'binaryOther';
	return selectsData(statement) ? 'binaryRead' : 'binaryMetadata';
}

export function countStoreCalls(statements: readonly string[]): StoreCalls {
	const counts: Record<StoreCallKind, number> = {
		credentialLoad: 0,
		credentialOther: 0,
		binaryMetadata: 0,
		binaryRead: 0,
		binaryOther: 0,
	};
	for (const statement of statements) {
		const kind = storeCallKind(statement);
		if (kind) counts[kind] += 1;
	}
	return counts;
}

export function totalStoreCalls(calls: StoreCalls): number {
	return STORE_CALL_KINDS.reduce((sum, kind) => sum + calls[kind], 0);
}

/** `credential loads 1, other credential 2, binary metadata 1, binary reads 1, other binary 1 (total 6)` */
export function formatStoreCalls(calls: StoreCalls): string {
	return `credential loads ${calls.credentialLoad}, other credential ${calls.credentialOther}, binary metadata ${calls.binaryMetadata}, binary reads ${calls.binaryRead}, other binary ${calls.binaryOther} (total ${totalStoreCalls(calls)})`;
}

function readFrom(file: string, offset: number): string {
	const size = statSync(file).size;
	if (size <= offset) return '';
	const buffer = Buffer.alloc(size - offset);
	const fd = openSync(file, 'r');
	try {
		readSync(fd, buffer, 0, buffer.length, offset);
	} finally {
		closeSync(fd);
	}
	return buffer.toString('utf8');
}

export interface MeasuredStoreCalls {
	readonly calls: StoreCalls;
	/** The counted statements, in log order (to show what each call was). */
	readonly statements: string[];
}

/** The statements on the two tables logged from `offset` on. */
function countedSince(postgresLog: string, offset: number): string[] {
	return loggedStatements(readFrom(postgresLog, offset)).filter((s) => storeCallKind(s) !== null);
}

/**
 * Waits until no statement on the two tables has been logged for `quietMs` from `offset` on
 * (what n8n still does once a webhook has answered: saving the execution); returns them.
 */
async function settledSince(
	postgresLog: string,
	offset: number,
	quietMs: number,
	timeoutMs: number,
): Promise<string[]> {
	let seen = countedSince(postgresLog, offset).length;
	let quietSince = Date.now();
	const settled = await pollUntil(() => {
		const now = countedSince(postgresLog, offset).length;
		if (now !== seen) [seen, quietSince] = [now, Date.now()];
		return Date.now() - quietSince >= quietMs;
	}, timeoutMs);
	if (!settled) throw new Error(`n8n's store calls did not settle within ${timeoutMs} ms`);
	return countedSince(postgresLog, offset);
}

/**
 * The store calls logged while `action` runs and until the two tables have been quiet for
 * `quietMs` after it, counted from a moment they had been quiet for as long. Run one action
 * at a time: every statement on the tables in that window is counted.
 */
export async function storeCallsDuring(
	postgresLog: string,
	action: () => Promise<void>,
	quietMs = 1_000,
	timeoutMs = 30_000,
): Promise<MeasuredStoreCalls> {
	await settledSince(postgresLog, statSync(postgresLog).size, quietMs, timeoutMs);
	const start = statSync(postgresLog).size;
	await action();
	const statements = await settledSince(postgresLog, start, quietMs, timeoutMs);
	return { calls: countStoreCalls(statements), statements };
}
