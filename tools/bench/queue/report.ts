/**
 * The printed figures of `npm run bench -- queue` and the verdict per target (pure: tested in
 * tools/bench/test/queueProfile.test.ts).
 */
import type { BurstFigures } from '../webhookBurst';
import { rangeOf } from '../range';
import { settingLabel, type BurstKind, type QueueArgs, type QueueSetting } from './args';
import { shortFrame, type ExecutionSummary } from './executionErrors';
import { poolWaitFiguresLine, type PoolWaitFigures } from './poolMetrics';
import { poolWaitSummary, type PoolWaitCount } from './poolWaits';

export type { BurstKind } from './args';

export interface BurstResult {
	readonly kind: BurstKind;
	/** Its round of --rounds, from 1 (args.ts burstPlan). */
	readonly round: number;
	/** A floor burst: the least the same calls could have taken under the cap (capBound.ts). */
	readonly capBoundMs?: number;
	readonly figures: BurstFigures;
	/** Pool waits in the main's and the workers' logs during this burst. */
	readonly poolWaits: PoolWaitCount;
	/** What n8n recorded of the burst's executions; a string when it could not be read. */
	readonly executions: ExecutionSummary | string;
	/** The pool as n8n's own metrics saw it during the burst, per process (absent with --no-metrics). */
	readonly poolMetrics?: ReadonlyArray<{ where: string; figures: PoolWaitFigures | null }>;
	/** Load averages when the burst began. */
	readonly load?: string;
}

export interface SettingResult {
	readonly setting: QueueSetting;
	/** Load averages (1 / 5 / 15 min) before the setting started and after it ended. */
	readonly loadBefore: string;
	readonly loadAfter: string;
	readonly durationMs: number;
	readonly bursts: readonly BurstResult[];
}

/** The target: wall time at most this many times the queue-mode no-cap floor. */
export const WALL_TARGET = 1.2;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The burst's name; with more than one round, the floor's and this node's name their round. */
export function burstLabel(kind: BurstKind, cap: number, round = 1, rounds = 1): string {
	const ofRound = rounds > 1 && kind !== 'http' ? `, round ${round}` : '';
	switch (kind) {
		case 'floor':
			return `this node, no cap (the floor)${ofRound}`;
		case 'node':
			return `this node, cap ${cap}${ofRound}`;
		case 'http':
			return `HTTP Request node (Retry On Fail 5 x 1 s), cap ${cap}`;
	}
}

export function burstsOf(result: SettingResult, kind: BurstKind): BurstResult[] {
	return result.bursts.filter((burst) => burst.kind === kind);
}

function floorOfRound(result: SettingResult, round: number): BurstResult | undefined {
	return result.bursts.find((burst) => burst.kind === 'floor' && burst.round === round);
}

/** A burst's wall ÷ the floor of its own round (measured beside it); null without that floor. */
export function floorRatio(result: SettingResult, burst: BurstResult): number | null {
	const floor = floorOfRound(result, burst.round);
	if (!floor || floor.figures.wallMs <= 0) return null;
	return burst.figures.wallMs / floor.figures.wallMs;
}

/** This node's wall ÷ a figure of its round's floor, one per round that has both. */
function perRound(result: SettingResult, of: (floor: BurstResult) => number | undefined): number[] {
	return burstsOf(result, 'node').flatMap((burst) => {
		const floor = floorOfRound(result, burst.round);
		const divisor = floor && of(floor);
		return divisor === undefined || divisor <= 0 ? [] : [burst.figures.wallMs / divisor];
	});
}

/** This node's wall ÷ its round's floor, one per round that has both. */
export const nodeRatios = (result: SettingResult) =>
	perRound(result, (floor) => floor.figures.wallMs);

/** This node's wall ÷ the cap bound of its round's floor, one per round that has both. */
export const boundRatios = (result: SettingResult) => perRound(result, (floor) => floor.capBoundMs);

const medianWall = (bursts: readonly BurstResult[]) =>
	rangeOf(bursts.map((burst) => burst.figures.wallMs))?.median ?? null;

function executionsLine(executions: ExecutionSummary | string): string {
	if (typeof executions === 'string') return `executions: not read (${executions})`;
	const statuses = [...executions.byStatus].map(([status, n]) => `${status} ${n}`).join(', ');
	if (executions.errors.size === 0) return `executions recorded: ${statuses || 'none'}`;
	const errors = [...executions.errors]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 4)
		.map(
			([message, n]) => `${n} x ${message.length > 140 ? `${message.slice(0, 140)}...` : message}`,
		)
		.join('; ');
	return `executions: ${statuses}; errors: ${errors}`;
}

/** The lines of one setting: a header, a row per burst, then what failed and what waited. */
export function settingLines(
	result: SettingResult,
	args: QueueArgs,
	index: number,
	of: number,
): string[] {
	const lines = [
		`Setting ${index}/${of}: ${settingLabel(result.setting, args.busyProcesses)}; load average ${result.loadBefore} before, ${result.loadAfter} after; ${(result.durationMs / 60_000).toFixed(1)} min`,
		`  ${'burst'.padEnd(48)} ${'wall'.padStart(8)}  ${'x floor'.padStart(7)}  ${'failed'.padStart(6)}  ${'0025 answers'.padEnd(14)}  ${'per upload p50 / p95'.padEnd(20)}  pool waits logged`,
	];
	const label = (burst: BurstResult) => burstLabel(burst.kind, args.cap, burst.round, args.rounds);
	for (const burst of result.bursts) {
		const f = burst.figures;
		const ratio = floorRatio(result, burst);
		lines.push(
			`  ${label(burst).padEnd(48)} ${seconds(f.wallMs).padStart(8)}  ${(ratio === null ? '' : ratio.toFixed(2)).padStart(7)}  ${String(f.failed).padStart(6)}  ${`${f.refusals} (${((100 * f.refusals) / f.uploads).toFixed(1)} %)`.padEnd(14)}  ${`${seconds(f.p50Ms)} / ${seconds(f.p95Ms)}`.padEnd(20)}  ${poolWaitSummary(burst.poolWaits)}`,
		);
	}
	for (const burst of result.bursts) {
		const notes: string[] = [];
		if (burst.load !== undefined) notes.push(`load average at its start: ${burst.load}`);
		if (burst.capBoundMs !== undefined)
			notes.push(
				`its calls put through cap ${args.cap} in the order n8n made them (the least any pacing could take): ${seconds(burst.capBoundMs)}`,
			);
		if (burst.poolMetrics)
			notes.push(
				`pool, n8n's metrics (wait for a connection): ${burst.poolMetrics.map(({ where, figures }) => poolWaitFiguresLine(where, figures)).join('; ')}`,
			);
		if (burst.poolWaits.sample)
			notes.push(
				`first pool wait logged: [${burst.poolWaits.sample.where}] ${burst.poolWaits.sample.line}`,
			);
		const failures = burst.figures.failures ?? [];
		if (failures.length > 0)
			notes.push(
				`failed uploads' answers: ${failures
					.slice(0, 3)
					.map(({ answer, count }) => `${count} x ${answer}`)
					.join('; ')}`,
			);
		notes.push(executionsLine(burst.executions));
		if (
			typeof burst.executions !== 'string' &&
			burst.executions.sample &&
			burst.executions.errors.size > 0
		) {
			if (burst.executions.callers.size > 0)
				notes.push(
					`who waited for the pool (first frame above it, failed executions): ${[
						...burst.executions.callers,
					]
						.sort((a, b) => b[1] - a[1])
						.map(([caller, n]) => `${n} x ${caller}`)
						.join('; ')}`,
				);
			const { message, frames } = burst.executions.sample;
			notes.push(`a failed execution's stack: ${message}`);
			for (const frame of frames.filter((f) => !/node:internal/.test(f)).slice(0, 20))
				notes.push(`    ${shortFrame(frame)}`);
		}
		if (notes.length === 0) continue;
		lines.push(`  ${label(burst)}:`);
		for (const note of notes) lines.push(`    ${note}`);
	}
	return lines;
}

const verdict = (met: boolean) => (met ? 'MET' : 'NOT MET');

/**
 * Per setting: this node's bursts failed none; its wall time ≤ 1.2 × the floor (a busy
 * setting's floor is measured beside the busy processes too). With --rounds, each round's
 * node burst is divided by that round's floor and the median ratio is judged, the ratios
 * listed beside it. The issue's target is the default pool; a set pool is judged alike, its
 * label says which.
 */
export function verdictLines(results: readonly SettingResult[], args: QueueArgs): string[] {
	const lines = [
		`Targets (queue mode, ${args.uploads} uploads, ${args.workers} workers at concurrency ${args.workerConcurrency}` +
			`${args.connectionTimeoutMs === null ? '' : `, DB_POSTGRESDB_CONNECTION_TIMEOUT ${args.connectionTimeoutMs} ms (not n8n's default)`}` +
			`; this node's burst under cap ${args.cap}${args.rounds > 1 ? `, ${args.rounds} rounds` : ''})`,
	];
	for (const result of results) {
		const nodes = burstsOf(result, 'node');
		if (nodes.length === 0) continue;
		const label = settingLabel(result.setting, args.busyProcesses);
		const failed = nodes.reduce((sum, burst) => sum + burst.figures.failed, 0);
		const where =
			nodes.length > 1 && failed > 0
				? ` (in ${nodes.filter((burst) => burst.figures.failed > 0).length} of ${nodes.length} rounds)`
				: '';
		lines.push(`  0 failed, ${label}:  ${failed} failed${where}   ${verdict(failed === 0)}`);
	}
	for (const result of results) {
		const ratios = nodeRatios(result);
		const spread = rangeOf(ratios);
		if (spread === null) continue;
		const floorMs = medianWall(burstsOf(result, 'floor')) ?? 0;
		const label = settingLabel(result.setting, args.busyProcesses);
		const figure =
			ratios.length === 1
				? `${spread.median.toFixed(2)} x (floor ${seconds(floorMs)})`
				: `median ${spread.median.toFixed(2)} x of ${ratios.length} rounds (${ratios.map((ratio) => ratio.toFixed(2)).join(', ')}; floor median ${seconds(floorMs)})`;
		let note = '';
		if (result.setting.load === 'busy') {
			const idle = results.find(
				(other) => other.setting.pool === result.setting.pool && other.setting.load === 'idle',
			);
			const idleFloorMs = idle && medianWall(burstsOf(idle, 'floor'));
			const nodeMs = medianWall(burstsOf(result, 'node'));
			if (idleFloorMs && nodeMs !== null)
				note = ` (its floor measured beside the busy processes; ${(nodeMs / idleFloorMs).toFixed(2)} x the idle floor)`;
		}
		lines.push(
			`  wall <= ${WALL_TARGET} x the queue-mode no-cap floor, ${label}:  ${figure}${note}   ${verdict(spread.median <= WALL_TARGET)}`,
		);
	}
	for (const result of results) {
		const ratios = boundRatios(result);
		const spread = rangeOf(ratios);
		if (spread === null) continue;
		const bounds = burstsOf(result, 'floor').flatMap((floor) =>
			floor.capBoundMs === undefined ? [] : [floor.capBoundMs],
		);
		const floorMs = medianWall(burstsOf(result, 'floor')) ?? 0;
		const boundMs = rangeOf(bounds)?.median ?? 0;
		lines.push(
			`  (not a target) wall / the floor's calls put through cap ${args.cap}, ${settingLabel(result.setting, args.busyProcesses)}:  ` +
				`${ratios.length === 1 ? '' : 'median '}${spread.median.toFixed(2)} x${ratios.length === 1 ? '' : ` (${ratios.map((ratio) => ratio.toFixed(2)).join(', ')})`}; ` +
				`that bound is ${(boundMs / floorMs).toFixed(2)} x the floor`,
		);
	}
	return lines;
}
