import { mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	burstPlan,
	parseQueueArgs,
	queueSettings,
	QueueArgsError,
	settingLabel,
	type QueueArgs,
} from '../queue/args';
import { poolCaller, shortFrame, stacksOfRunData, summarizeFailed } from '../queue/executionErrors';
import {
	countPoolWaits,
	logsSince,
	markLogs,
	poolWaitSummary,
	POOL_WAIT_PATTERNS,
} from '../queue/poolWaits';
import { parsePoolMetrics, poolWaitDelta, poolWaitFiguresLine } from '../queue/poolMetrics';
import { capBoundMs, cappedEndMs } from '../queue/capBound';
import {
	floorRatio,
	settingLines,
	verdictLines,
	type BurstResult,
	type SettingResult,
} from '../queue/report';
import type { BurstFigures } from '../webhookBurst';

describe('npm run bench -- queue: flags', () => {
	it('defaults: the default pool (unset), idle, 200 uploads, 2 workers at concurrency 100, cap 8, 300 ms, build', () => {
		expect(parseQueueArgs([])).toEqual({
			pools: [null],
			loads: ['idle'],
			busyProcesses: 2,
			uploads: 200,
			rounds: 1,
			workers: 2,
			workerConcurrency: 100,
			cap: 8,
			latencyMs: 300,
			build: true,
			packageDir: null,
			jsonFile: null,
			connectionTimeoutMs: null,
			stackTraceLimit: null,
			metrics: true,
			help: false,
		});
	});

	it('--busy runs each setting idle, then busy; --busy-only busy alone', () => {
		expect(parseQueueArgs(['--busy']).loads).toEqual(['idle', 'busy']);
		expect(parseQueueArgs(['--busy-only']).loads).toEqual(['busy']);
	});

	it('--pool takes default and sizes, as a list, once each', () => {
		expect(parseQueueArgs(['--pool', 'default,10']).pools).toEqual([null, 10]);
		expect(parseQueueArgs(['--pool=2']).pools).toEqual([2]);
		expect(parseQueueArgs(['--pool', '10,default,10']).pools).toEqual([10, null]);
	});

	it('numbers, --no-build, --package and --json, as --flag value or --flag=value', () => {
		const args = parseQueueArgs([
			'--uploads',
			'50',
			'--workers=3',
			'--concurrency',
			'10',
			'--cap',
			'4',
			'--latency=100',
			'--busy-processes',
			'3',
			'--no-build',
			'--package',
			'/tmp/x',
			'--json',
			'out.json',
			'--connection-timeout',
			'5000',
			'--stack-trace-limit',
			'40',
			'--no-metrics',
			'--rounds',
			'3',
		]);
		expect(args).toMatchObject({
			uploads: 50,
			rounds: 3,
			workers: 3,
			workerConcurrency: 10,
			cap: 4,
			latencyMs: 100,
			busyProcesses: 3,
			build: false,
			packageDir: '/tmp/x',
			jsonFile: 'out.json',
			connectionTimeoutMs: 5000,
			stackTraceLimit: 40,
			metrics: false,
		});
	});

	it.each([
		[['--pool', '0']],
		[['--pool', 'two']],
		[['--pool', '']],
		[['--uploads', '1.5']],
		[['--uploads']],
		[['--busy=yes']],
		[['--workers', '0']],
		[['--rounds', '0']],
		[['--rounds', '21']],
		[['--quick']],
		[['queue']],
	])('refuses %j', (argv) => {
		expect(() => parseQueueArgs(argv)).toThrow(QueueArgsError);
	});

	it('the settings: every pool, idle then busy', () => {
		const args = parseQueueArgs(['--busy', '--pool', 'default,10']);
		expect(queueSettings(args)).toEqual([
			{ pool: null, load: 'idle' },
			{ pool: null, load: 'busy' },
			{ pool: 10, load: 'idle' },
			{ pool: 10, load: 'busy' },
		]);
		expect(settingLabel({ pool: null, load: 'busy' }, 2)).toBe(
			"default pool (unset: 2), busy (2 x node -e 'for(;;){}')",
		);
		expect(settingLabel({ pool: 10, load: 'idle' }, 2)).toBe('pool 10, idle');
	});

	it('the bursts of a setting: floor and node per round, in turn first, then HTTP Request once', () => {
		const name = (plan: ReturnType<typeof burstPlan>) =>
			plan.map(({ kind, round }) => `${kind} ${round}`);
		expect(name(burstPlan(1))).toEqual(['floor 1', 'node 1', 'http 1']);
		expect(name(burstPlan(3))).toEqual([
			'floor 1',
			'node 1',
			'node 2',
			'floor 2',
			'floor 3',
			'node 3',
			'http 3',
		]);
	});
});

describe('pool waits in n8n logs', () => {
	const worker = [
		'Worker started execution 12 (job 12)',
		'\u001b[31mError: timeout exceeded when trying to connect\u001b[39m',
		'    at /n8n/node_modules/pg-pool/index.js:45:11',
		'Worker finished execution 12 (job 12)',
		'timeout exceeded when trying to connect',
	].join('\n');
	const main = [
		'Editor is now accessible via:',
		'Database ping failed (1): Database connection timed out',
		'Triggering database connection recovery after 3 consecutive ping failures',
		'Received request for unknown webhook',
	].join('\n');

	it('counts each matching line once, per log and per kind, colour codes removed, and keeps the first', () => {
		const count = countPoolWaits([
			{ where: 'main', text: main },
			{ where: 'worker 1', text: worker },
			{ where: 'worker 2', text: 'Worker started execution 13 (job 13)\n' },
		]);
		expect(count.total).toBe(4);
		expect(Object.fromEntries(count.byLog)).toEqual({ main: 2, 'worker 1': 2, 'worker 2': 0 });
		expect(Object.fromEntries(count.byPattern)).toEqual({
			'ping timed out': 1,
			'connection recovery': 1,
			'pool checkout timed out': 2,
		});
		expect(count.sample).toEqual({
			where: 'main',
			line: 'Database ping failed (1): Database connection timed out',
		});
		expect(poolWaitSummary(count)).toBe(
			'4 (main 2, worker 1 2, worker 2 0; ping timed out 1, connection recovery 1, pool checkout timed out 2)',
		);
	});

	it.each([
		'Connection terminated due to connection timeout',
		"Could not establish database connection within the configured timeout of 20,000 ms. You can increase the timeout by setting the 'DB_POSTGRESDB_CONNECTION_TIMEOUT' environment variable.",
		'Timed out after 30000ms waiting for database connection recovery',
		'Postgres pool client error: Connection terminated unexpectedly',
		'FATAL:  sorry, too many clients already',
	])('knows %s', (line) => {
		expect(countPoolWaits([{ where: 'main', text: line }]).total).toBe(1);
	});

	it('nothing matched: 0 and no sample', () => {
		const count = countPoolWaits([{ where: 'main', text: 'n8n ready on ::, port 5678\n' }]);
		expect(count).toMatchObject({ total: 0, sample: null });
		expect(poolWaitSummary(count)).toBe('0');
	});

	it('reads only what a log gained since the mark (a log not written yet reads as empty)', () => {
		const dir = mkdtempSync(join(tmpdir(), 'pool-waits-'));
		try {
			const file = join(dir, 'worker-1.log');
			const later = join(dir, 'later.log');
			writeFileSync(file, 'timeout exceeded when trying to connect\n');
			const mark = markLogs([
				{ where: 'worker 1', file },
				{ where: 'later', file: later },
			]);
			appendFileSync(file, 'Worker started execution 1\ntimeout exceeded when trying to connect\n');
			writeFileSync(later, 'Database ping failed (1): x\n');
			const gained = logsSince(mark);
			expect(gained).toEqual([
				{
					where: 'worker 1',
					text: 'Worker started execution 1\ntimeout exceeded when trying to connect\n',
				},
				{ where: 'later', text: 'Database ping failed (1): x\n' },
			]);
			expect(countPoolWaits(gained).total).toBe(2);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe("the pool in n8n's own metrics", () => {
	const exposition = (
		count: number,
		sum: number,
		within1: number,
		within5: number,
		pending: number,
	) =>
		[
			'# HELP n8n_db_pool_acquire_seconds Time spent acquiring a connection from the database pool (Postgres only).',
			'# TYPE n8n_db_pool_acquire_seconds histogram',
			`n8n_db_pool_acquire_seconds_bucket{le="0.5"} ${within1}`,
			`n8n_db_pool_acquire_seconds_bucket{le="1"} ${within1}`,
			`n8n_db_pool_acquire_seconds_bucket{le="5"} ${within5}`,
			`n8n_db_pool_acquire_seconds_bucket{le="+Inf"} ${count}`,
			`n8n_db_pool_acquire_seconds_sum ${sum}`,
			`n8n_db_pool_acquire_seconds_count ${count}`,
			'# TYPE n8n_db_pool_requests_pending gauge',
			`n8n_db_pool_requests_pending ${pending}`,
			'n8n_db_pool_connections_max 2',
			'n8n_version_info{version="v2.41.1",major="2",minor="41",patch="1"} 1',
		].join('\n');

	it('reads the acquire histogram, the waiting queries and the pool size', () => {
		const metrics = parsePoolMetrics(exposition(10, 3.5, 8, 9, 4));
		expect(metrics).toEqual({
			acquisitions: 10,
			waitedSeconds: 3.5,
			buckets: new Map([
				[0.5, 8],
				[1, 8],
				[5, 9],
				[Number.POSITIVE_INFINITY, 10],
			]),
			pending: 4,
			max: 2,
		});
		expect(parsePoolMetrics('n8n_version_info{version="v2.41.1"} 1\n')).toBeNull();
	});

	it('what a burst added: acquisitions, seconds waited, those over 1 s and over 5 s, the peak waiting', () => {
		const before = parsePoolMetrics(exposition(10, 3.5, 8, 9, 0))!;
		const after = parsePoolMetrics(exposition(110, 53.5, 60, 100, 2))!;
		const delta = poolWaitDelta(before, after, 37);
		expect(delta).toEqual({
			acquisitions: 100,
			waitedSeconds: 50,
			over1s: 48,
			over5s: 9,
			peakPending: 37,
		});
		expect(poolWaitFiguresLine('worker 1', delta)).toBe(
			'worker 1 100 acquisitions, 50.0 s waited, 48 > 1 s, 9 > 5 s, peak 37 waiting',
		);
		expect(poolWaitFiguresLine('main', null)).toBe('main not read');
	});
});

describe("failed executions' stored errors", () => {
	const isPoolWait = (text: string) => POOL_WAIT_PATTERNS.some(({ pattern }) => pattern.test(text));
	// n8n's flatted run data: objects refer to strings by their index
	const runData = (stack: string) =>
		JSON.stringify([
			{ resultData: '1' },
			{ error: '2' },
			{ message: '3', stack: '4' },
			'oops',
			stack,
		]);
	const poolStack = [
		'Error: timeout exceeded when trying to connect',
		'    at /root/.cache/n8n/node_modules/pg-pool/index.js:45:11',
		'    at runNextTicks (node:internal/process/task_queues:65:5)',
		'    at PostgresDriver.obtainMasterConnection (/root/.cache/n8n/node_modules/@n8n/typeorm/dist/driver/postgres/PostgresDriver.js:870:28)',
		'    at DbConnectionMonitor.timeAcquisition (/root/.cache/n8n/node_modules/@n8n/db/src/connection/db-connection-monitor.ts:577:22)',
		'    at BinaryDataService.getAsBuffer (/root/.cache/n8n/node_modules/n8n-core/dist/binary-data.service.js:10:5)',
	].join('\n');
	const fromTheNode = [
		'Error: timeout exceeded when trying to connect',
		'    at /root/.cache/n8n/node_modules/pg-pool/index.js:45:11',
		'    at async PostgresQueryRunner.query (/root/.cache/n8n/node_modules/@n8n/typeorm/dist/driver/postgres/PostgresQueryRunner.js:178:36)',
		'    at async BinaryDataRepository.findOne (/root/.cache/n8n/node_modules/@n8n/db/src/repositories/binary-data.repository.ts:20:3)',
		'    at async BinaryDataService.getAsBuffer (/root/.cache/n8n/node_modules/n8n-core/dist/binary-data.service.js:10:5)',
		'    at async readFile (/tmp/u/.n8n/nodes/node_modules/n8n-nodes-clova-ocr/dist/nodes/ClovaOcr/input.js:7:9)',
	].join('\n');
	const wrapped =
		'NodeOperationError: timeout exceeded when trying to connect\n    at outboundError (/tmp/u/.n8n/nodes/node_modules/n8n-nodes-clova-ocr/dist/nodes/ClovaOcr/boundary/outboundError.js:51:12)';

	it('finds the stacks and splits message from frames', () => {
		expect(stacksOfRunData(runData(wrapped))).toEqual([
			{
				message: 'NodeOperationError: timeout exceeded when trying to connect',
				frames: [
					'at outboundError (/tmp/u/.n8n/nodes/node_modules/n8n-nodes-clova-ocr/dist/nodes/ClovaOcr/boundary/outboundError.js:51:12)',
				],
			},
		]);
		expect(stacksOfRunData('not json')).toEqual([]);
	});

	it('names who waited for the pool: the first frame above pg-pool and the database layer', () => {
		const [stack] = stacksOfRunData(runData(poolStack));
		expect(poolCaller(stack)).toBe(
			'at BinaryDataService.getAsBuffer (n8n-core/dist/binary-data.service.js:10:5)',
		);
		expect(poolCaller(stacksOfRunData(runData(wrapped))[0])).toBeNull();
		expect(poolCaller(stacksOfRunData(runData(fromTheNode))[0])).toBe(
			'at async BinaryDataRepository.findOne (@n8n/db/src/repositories/binary-data.repository.ts:20:3) <- at async readFile (n8n-nodes-clova-ocr/dist/nodes/ClovaOcr/input.js:7:9)',
		);
		const cut = stacksOfRunData(runData(poolStack.split('\n').slice(0, 5).join('\n')))[0];
		expect(poolCaller(cut)).toBe(
			'(the stack ends in the database layer, at DbConnectionMonitor.timeAcquisition (@n8n/db/src/connection/db-connection-monitor.ts:577:22))',
		);
		expect(shortFrame('at f (/a/node_modules/b/node_modules/c/x.js:1:2)')).toBe(
			'at f (c/x.js:1:2)',
		);
	});

	it('counts statuses, messages and callers, and samples a stack through the pool first', () => {
		const other = 'NodeApiError: Bad request\n    at ClovaOcr.execute (/x.js:1:1)';
		const summary = summarizeFailed(
			['success', 'error', 'error', 'success', 'crashed'],
			[runData(other), runData(wrapped), runData(poolStack)],
			isPoolWait,
		);
		expect(Object.fromEntries(summary.byStatus)).toEqual({ success: 2, error: 2, crashed: 1 });
		expect(Object.fromEntries(summary.errors)).toEqual({
			'NodeApiError: Bad request': 1,
			'NodeOperationError: timeout exceeded when trying to connect': 1,
			'Error: timeout exceeded when trying to connect': 1,
		});
		expect(Object.fromEntries(summary.callers)).toEqual({
			'at BinaryDataService.getAsBuffer (n8n-core/dist/binary-data.service.js:10:5)': 1,
		});
		expect(summary.sample?.message).toBe('Error: timeout exceeded when trying to connect');
		expect(
			summarizeFailed(['error'], [runData(other), runData(wrapped)], isPoolWait).sample?.message,
		).toBe('NodeOperationError: timeout exceeded when trying to connect');
	});
});

describe('the verdicts', () => {
	const args: QueueArgs = parseQueueArgs(['--busy']);
	const figures = (wallMs: number, failed = 0): BurstFigures => ({
		uploads: 200,
		wallMs,
		failed,
		refusals: 0,
		p50Ms: 0,
		p95Ms: 0,
	});
	const none = countPoolWaits([]);
	const burst = (
		kind: 'floor' | 'node' | 'http',
		round: number,
		wallMs: number,
		failed = 0,
		capBoundMs?: number,
	): BurstResult => ({
		kind,
		round,
		...(capBoundMs === undefined ? {} : { capBoundMs }),
		figures: figures(wallMs, failed),
		poolWaits: none,
		executions: 'x',
	});
	const settingOf = (load: 'idle' | 'busy', bursts: BurstResult[]): SettingResult => ({
		setting: { pool: null, load },
		loadBefore: '0',
		loadAfter: '0',
		durationMs: 0,
		bursts,
	});
	const setting = (
		load: 'idle' | 'busy',
		floorMs: number,
		nodeMs: number,
		failed: number,
	): SettingResult =>
		settingOf(load, [burst('floor', 1, floorMs), burst('node', 1, nodeMs, failed)]);

	it('0 failed per setting, and wall against the same setting floor (the idle floor beside it when busy)', () => {
		const idle = setting('idle', 10_000, 11_900, 0);
		const busy = setting('busy', 20_000, 40_000, 187);
		expect(floorRatio(idle, idle.bursts[1]!)).toBeCloseTo(1.19);
		expect(floorRatio(idle, idle.bursts[0]!)).toBe(1);
		expect(verdictLines([idle, busy], args)).toEqual([
			"Targets (queue mode, 200 uploads, 2 workers at concurrency 100; this node's burst under cap 8)",
			'  0 failed, default pool (unset: 2), idle:  0 failed   MET',
			"  0 failed, default pool (unset: 2), busy (2 x node -e 'for(;;){}'):  187 failed   NOT MET",
			'  wall <= 1.2 x the queue-mode no-cap floor, default pool (unset: 2), idle:  1.19 x (floor 10.00 s)   MET',
			"  wall <= 1.2 x the queue-mode no-cap floor, default pool (unset: 2), busy (2 x node -e 'for(;;){}'):  2.00 x (floor 20.00 s) (its floor measured beside the busy processes; 4.00 x the idle floor)   NOT MET",
		]);
	});

	it('with rounds, each node burst against its own round floor; the median is judged, every ratio shown', () => {
		const rounds = parseQueueArgs(['--busy', '--rounds', '3']);
		// the order burstPlan(3) runs them in; a node burst paired with another round floor would
		// give 0.80, 1.25 or 1.30 in place of 1.00 / 1.10 / 1.30
		const idle = settingOf('idle', [
			burst('floor', 1, 20_000),
			burst('node', 1, 26_000),
			burst('node', 2, 22_000),
			burst('floor', 2, 20_000),
			burst('floor', 3, 25_000),
			burst('node', 3, 25_000),
			burst('http', 3, 30_000, 17),
		]);
		const busy: SettingResult = {
			...idle,
			setting: { pool: null, load: 'busy' },
			bursts: [
				burst('floor', 1, 30_000),
				burst('node', 1, 33_000, 2),
				burst('node', 2, 45_000),
				burst('floor', 2, 30_000),
				burst('floor', 3, 36_000),
				burst('node', 3, 36_000, 1),
			],
		};
		expect(floorRatio(idle, idle.bursts[6]!)).toBeCloseTo(1.2);
		expect(verdictLines([idle, busy], rounds)).toEqual([
			"Targets (queue mode, 200 uploads, 2 workers at concurrency 100; this node's burst under cap 8, 3 rounds)",
			'  0 failed, default pool (unset: 2), idle:  0 failed   MET',
			"  0 failed, default pool (unset: 2), busy (2 x node -e 'for(;;){}'):  3 failed (in 2 of 3 rounds)   NOT MET",
			'  wall <= 1.2 x the queue-mode no-cap floor, default pool (unset: 2), idle:  median 1.10 x of 3 rounds (1.30, 1.10, 1.00; floor median 20.00 s)   MET',
			"  wall <= 1.2 x the queue-mode no-cap floor, default pool (unset: 2), busy (2 x node -e 'for(;;){}'):  median 1.10 x of 3 rounds (1.10, 1.50, 1.00; floor median 30.00 s) (its floor measured beside the busy processes; 1.80 x the idle floor)   MET",
		]);
		const rows = settingLines(idle, rounds, 1, 2).slice(2, 9);
		// label, wall, x floor (each a round's own)
		expect(rows.map((row) => row.trim().split(/ {2,}/).slice(0, 3))).toEqual([
			['this node, no cap (the floor), round 1', '20.00 s', '1.00'],
			['this node, cap 8, round 1', '26.00 s', '1.30'],
			['this node, cap 8, round 2', '22.00 s', '1.10'],
			['this node, no cap (the floor), round 2', '20.00 s', '1.00'],
			['this node, no cap (the floor), round 3', '25.00 s', '1.00'],
			['this node, cap 8, round 3', '25.00 s', '1.00'],
			['HTTP Request node (Retry On Fail 5 x 1 s), cap 8', '30.00 s', '1.20'],
		]);
	});

	it("beside the target, this node against its round floor's calls put through the cap", () => {
		const idle = settingOf('idle', [
			burst('floor', 1, 20_000, 0, 22_000),
			burst('node', 1, 22_000),
			burst('node', 2, 19_800),
			burst('floor', 2, 14_000, 0, 18_000),
		]);
		expect(verdictLines([idle], parseQueueArgs(['--rounds', '2'])).slice(2)).toEqual([
			'  wall <= 1.2 x the queue-mode no-cap floor, default pool (unset: 2), idle:  median 1.26 x of 2 rounds (1.10, 1.41; floor median 17.00 s)   NOT MET',
			"  (not a target) wall / the floor's calls put through cap 8, default pool (unset: 2), idle:  median 1.05 x (1.00, 1.10); that bound is 1.18 x the floor",
		]);
	});
});

describe("the floor's calls put through the cap", () => {
	const at = (atMs: number, durationMs = 300) => ({ atMs, durationMs });

	it('each call in arrival order takes the first slot to free, not before it arrives', () => {
		expect(cappedEndMs([at(0), at(0), at(0)], 2)).toBe(600);
		expect(cappedEndMs([at(0), at(1000), at(0)], 2)).toBe(1300);
		// a rush of 16 at 10 s through 8 slots: two rounds after it
		expect(
			cappedEndMs(
				Array.from({ length: 16 }, () => at(10_000)),
				8,
			),
		).toBe(10_600);
		expect(cappedEndMs([at(0, 120), at(0, 500), at(50, 100)], 2)).toBe(500);
	});

	it("the bound: the floor's wall, later by what the cap adds to its last answer", () => {
		// the floor's last answer at 10.3 s, n8n answered the last upload at 10.5 s
		const rush = Array.from({ length: 16 }, () => at(10_000));
		expect(capBoundMs(10_500, rush, 8)).toBe(10_800);
		// a trickle under the cap: the cap adds nothing
		expect(capBoundMs(10_500, [at(0), at(500), at(10_000)], 8)).toBe(10_500);
		expect(capBoundMs(10_500, [], 8)).toBeNull();
	});
});
