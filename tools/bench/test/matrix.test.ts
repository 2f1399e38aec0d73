import {
	allCells,
	cellMatches,
	emulatorKnobs,
	floorKey,
	parseCellFilter,
	parseMatrixArgs,
	quickScale,
	selectedCells,
	serviceOf,
	type Cell,
} from '../matrix/cells';
import {
	countRefusals,
	FIRST_ROUND_PER_SLOT,
	idealMs,
	onlineMs,
	turnaroundMs,
} from '../matrix/ideal';
import {
	headerLine,
	onlineNote,
	judge,
	latencyLabel,
	refusalLabel,
	resultLine,
	scaleNote,
	TARGETS,
	verdictLine,
	type CellOutcome,
	type CellResult,
} from '../matrix/table';

const cell = (overrides: Partial<Cell> = {}): Cell => ({
	latency: 'fixed',
	refusal: 'at-once',
	cap: 8,
	items: 200,
	scale: 1,
	...overrides,
});

const calls = (codes: Array<string | null>) => codes.map((errorCode) => ({ errorCode }));

describe('the cell list', () => {
	it('full: 3 latencies x 2 refusals x 3 caps x 3 batch sizes, all at 300 ms', () => {
		const cells = allCells('full');
		expect(cells).toHaveLength(54);
		expect(new Set(cells.map((c) => `${c.latency}/${c.refusal}/${c.cap}/${c.items}`)).size).toBe(
			54,
		);
		expect(cells.every((c) => c.scale === 1)).toBe(true);
		expect(cells[0]).toEqual(cell({ cap: 2, items: 50 }));
	});

	it('quick: the same cells; 2,000 items at scale cap / 32 (at least 0.1), the rest at 1', () => {
		const cells = allCells('quick');
		expect(cells).toHaveLength(54);
		const scales = new Map(cells.map((c) => [`${c.items}/${c.cap}`, c.scale]));
		expect(Object.fromEntries(scales)).toEqual({
			'50/2': 1,
			'50/8': 1,
			'50/32': 1,
			'200/2': 1,
			'200/8': 1,
			'200/32': 1,
			'2000/2': 0.1,
			'2000/8': 0.25,
			'2000/32': 1,
		});
		expect(quickScale(64, 2000)).toBe(1);
	});

	it('--scale puts every cell at that scale', () => {
		expect(allCells('quick', 0.5).every((c) => c.scale === 0.5)).toBe(true);
	});

	it('a scaled cell scales the latency and the refusal delay', () => {
		expect(serviceOf(cell({ refusal: 'delayed', scale: 0.1 }))).toEqual({
			latencyMs: 30,
			refusalDelayMs: [5, 20],
		});
		expect(serviceOf(cell())).toEqual({ latencyMs: 300, refusalDelayMs: [0, 0] });
	});

	it('the emulator knobs of a cell', () => {
		expect(emulatorKnobs(cell({ latency: 'tail', refusal: 'delayed', cap: 32 }), 9)).toEqual({
			latencyMs: 300,
			latencyDistribution: 'lognormal',
			latencyP95Ratio: 2,
			latencyTailRate: 0.02,
			latencyTailFactor: 10,
			concurrencyCap: 32,
			refusalDelayMs: [50, 200],
			seed: 9,
		});
		expect(emulatorKnobs(cell(), 1)).toMatchObject({
			latencyDistribution: 'fixed',
			latencyTailRate: 0,
			refusalDelayMs: [0, 0],
		});
		expect(emulatorKnobs(cell({ latency: 'lognormal' }), 1)).toMatchObject({
			latencyDistribution: 'lognormal',
			latencyTailRate: 0,
		});
	});

	it('cells sharing a floor differ only in the refusal timing', () => {
		expect(floorKey(cell({ refusal: 'delayed' }))).toBe(floorKey(cell()));
		expect(floorKey(cell({ cap: 2 }))).not.toBe(floorKey(cell()));
	});
});

describe('--cells', () => {
	it('ANDs keys, ORs the values of one key (repeated or joined with +)', () => {
		const filter = parseCellFilter('latency=fixed,cap=2,cap=8');
		expect(cellMatches(cell({ cap: 2 }), filter)).toBe(true);
		expect(cellMatches(cell({ cap: 32 }), filter)).toBe(false);
		expect(cellMatches(cell({ latency: 'tail', cap: 2 }), filter)).toBe(false);
		expect(parseCellFilter('cap=2+8')).toEqual(parseCellFilter('cap=2,cap=8'));
		expect(selectedCells(parseMatrixArgs(['--cells', 'latency=fixed,cap=8']))).toHaveLength(6);
		expect(selectedCells(parseMatrixArgs(['--cells', 'items=2000', '--quick']))).toHaveLength(18);
	});

	it('takes aliases for the refusal timing', () => {
		expect(parseCellFilter('refusal=50-200')).toEqual(parseCellFilter('refusal=delayed'));
		expect(parseCellFilter('refusal=once')).toEqual(parseCellFilter('refusal=at-once'));
	});

	it.each([
		['cap=3', '--cells: cap=3: one of 2, 8, 32'],
		['speed=fast', '--cells: speed=fast: expected key=value'],
		['latency', '--cells: latency: expected key=value'],
		['latency=fixed=1', '--cells: latency=fixed=1: expected key=value'],
	])('rejects %s', (text, message) => {
		expect(() => parseCellFilter(text)).toThrow(message);
	});
});

describe('parseMatrixArgs', () => {
	it('defaults: the full matrix, Concurrency 64, seed 1, built from this repo', () => {
		expect(parseMatrixArgs([])).toEqual({
			profile: 'full',
			filter: new Map(),
			scale: null,
			concurrency: 64,
			seed: 1,
			build: true,
			packageDir: null,
			jsonFile: null,
			floor: false,
			timelineMs: null,
			help: false,
		});
	});

	it('every flag', () => {
		expect(
			parseMatrixArgs([
				'--quick',
				'--cells',
				'cap=8',
				'--scale',
				'0.5',
				'--concurrency',
				'16',
				'--seed',
				'3',
				'--no-build',
				'--package',
				'/tmp/x',
				'--json',
				'out.json',
				'--floor',
				'--timeline',
				'50',
			]),
		).toMatchObject({
			profile: 'quick',
			scale: 0.5,
			concurrency: 16,
			seed: 3,
			build: false,
			packageDir: '/tmp/x',
			jsonFile: 'out.json',
			floor: true,
			timelineMs: 50,
		});
	});

	it.each([
		[['--concurrency', '65'], '--concurrency: an integer from 1 to 64, not 65'],
		[['--scale', 'x'], '--scale: a number from 0.01 to 10, not x'],
		[['--json'], '--json needs a value'],
		[['--timeline', '0'], '--timeline: an integer from 1 to 60000, not 0'],
		[['matrix'], 'unknown flag matrix'],
	])('rejects %j', (argv, message) => {
		expect(() => parseMatrixArgs(argv)).toThrow(message);
	});
});

describe('the ideal', () => {
	const none = { calls: 0, totalMs: 0, maxMs: 0 };

	it('fixed latency: ceil(N / cap) x latency, whatever was drawn', () => {
		expect(idealMs(cell({ items: 200, cap: 8 }), 300, none)).toBe(7500);
		expect(idealMs(cell({ items: 50, cap: 8 }), 300, none)).toBe(2100);
		expect(idealMs(cell({ items: 2000, cap: 2 }), 30, none)).toBe(30_000);
	});

	it('otherwise: the drawn latencies / cap, never below the longest call', () => {
		const drawn = { calls: 200, totalMs: 64_000, maxMs: 3000 };
		expect(idealMs(cell({ latency: 'lognormal', cap: 8 }), 300, drawn)).toBe(8000);
		expect(idealMs(cell({ latency: 'tail', cap: 32 }), 300, drawn)).toBe(3000);
	});
});

describe('the online bound', () => {
	const drawn = (receivedAt: number, delayMs: number | null, errorCode: string | null = null) => ({
		receivedAt,
		delayMs,
		errorCode,
	});

	it('fixed latency: the ideal, ceil(N / cap) x latency', () => {
		const calls = Array.from({ length: 200 }, (_, index) => drawn(index, 300));
		expect(onlineMs(calls, 8)).toBe(7500);
		expect(onlineMs(calls.slice(0, 50), 32)).toBe(600);
	});

	it('each call in arrival order takes the slot that frees first', () => {
		// cap 2: 3 and 1 start at 0; the third (1) takes the slot freed at 1, the fourth (1)
		// the one freed at 2: done at 3, as a clairvoyant scheduler would be.
		expect(onlineMs([drawn(0, 3), drawn(1, 1), drawn(2, 1), drawn(3, 1)], 2)).toBe(3);
		// The slow call drawn last ends late: 1 + 3, where the ideal is max(5 / 2, 3) = 3.
		expect(onlineMs([drawn(0, 1), drawn(1, 1), drawn(2, 3)], 2)).toBe(4);
		// Arrival order, not log order.
		expect(onlineMs([drawn(2, 3), drawn(0, 1), drawn(1, 1)], 2)).toBe(4);
	});

	it('refusals and calls that drew nothing hold no slot; none admitted: null', () => {
		const calls = [drawn(0, 300), drawn(1, 0, '0025'), drawn(2, null), drawn(3, 300)];
		expect(onlineMs(calls, 1)).toBe(600);
		expect(onlineMs([drawn(0, 120, '0025')], 1)).toBeNull();
	});
});

describe('the turnaround', () => {
	const timed = (
		receivedAt: number,
		durationMs: number | null,
		errorCode: string | null = null,
	) => ({
		receivedAt,
		durationMs,
		errorCode,
	});

	it('the k-th call against the (k - cap)-th answer, by arrival and by end; the median', () => {
		// cap 2: arrivals 0, 1, 310, 319, 622, 642; ends 300, 305, 612, 620, 922, 942:
		// the slots stood empty 310 - 300, 319 - 305, 622 - 612 and 642 - 620 ms.
		const served = [
			timed(0, 300),
			timed(1, 304),
			timed(310, 302),
			timed(319, 301),
			timed(642, 300),
			timed(622, 300),
		];
		expect(turnaroundMs(served, 2)).toBe((10 + 14) / 2);
		// Without the call that arrived at 622, the one at 642 took the slot freed at 612.
		expect(turnaroundMs(served.slice(0, 5), 2)).toBe(14);
	});

	it('refusals and unanswered calls held no slot; too few calls: null', () => {
		const served = [timed(0, 300), timed(5, 0, '0025'), timed(7, null), timed(320, 300)];
		expect(turnaroundMs(served, 1)).toBe(20);
		expect(turnaroundMs([timed(0, 300)], 1)).toBeNull();
	});
});

describe('refusals and the first round', () => {
	it('the first round is the first 2 x cap calls in arrival order, or the opening burst when larger', () => {
		expect(FIRST_ROUND_PER_SLOT).toBe(2);
		const sequence = calls([null, null, '0025', '0025', null, '0025', null, '0025', null, null]);
		expect(countRefusals(sequence, 2, 6)).toMatchObject({
			firstRoundCalls: 6,
			firstRoundRefusals: 3,
			lateCalls: 4,
			lateRefusals: 1,
		});
		const counts = countRefusals(sequence, 2, 1);
		expect(counts).toEqual({
			calls: 10,
			refusals: 4,
			firstRoundCalls: 4,
			firstRoundRefusals: 2,
			lateCalls: 6,
			lateRefusals: 2,
			latePercent: (100 * 2) / 6,
		});
	});

	it('counts only 0025 as a refusal; fewer calls than a round: no late share', () => {
		expect(countRefusals(calls(['0025', '0500', null]), 8, 1)).toMatchObject({
			refusals: 1,
			firstRoundCalls: 3,
			lateCalls: 0,
			latePercent: 0,
		});
	});
});

function result(overrides: Partial<CellResult> = {}): CellResult {
	return {
		cell: cell(),
		wallMs: 7875,
		leadMs: 400,
		spanMs: 7400,
		turnMs: 12.5,
		idealMs: 7500,
		onlineMs: 7500,
		refusals: countRefusals(calls([...Array(16).fill('0025'), ...Array(200).fill(null)]), 8, 16),
		failedItems: 0,
		peakInFlight: 8,
		drawnCalls: 200,
		...overrides,
	};
}

describe('the table', () => {
	it('labels the latency and the refusal at the cell scale', () => {
		expect(latencyLabel(cell({ latency: 'tail' }))).toBe('lognormal+tail 300 ms');
		expect(latencyLabel(cell({ scale: 0.25 }))).toBe('fixed 75 ms');
		expect(refusalLabel(cell({ refusal: 'delayed', scale: 0.25 }))).toBe('12.5-50 ms');
		expect(refusalLabel(cell())).toBe('at once');
	});

	it('lines up a result under the header', () => {
		const header = headerLine();
		const line = resultLine(result());
		expect(header).toMatch(
			/^items\s+latency\s+refusal\s+cap\s+wall\s+lead\s+span\s+turn\s+ideal\s+x ideal\s+online\s+x online/,
		);
		expect(line).toContain('  12.5 ms  ');
		expect(line).toContain('fixed 300 ms');
		expect(line).toContain('7.88 s');
		expect(line).toContain('1.05');
		expect(line).toContain('0 = 0.0 %');
		// right-aligned columns end where their titles end
		expect(line.indexOf('1.05') + 4).toBe(header.indexOf('x ideal') + 'x ideal'.length);
		expect(line.lastIndexOf('1.05') + 4).toBe(header.indexOf('x online') + 'x online'.length);
		expect(resultLine(result({ onlineMs: null }))).toMatch(/1\.05\s+-\s+-\s+216/);
		expect(line.length).toBe(header.length);
	});

	it('marks a scaled cell and explains the scale; says when a cell did not run', () => {
		expect(resultLine(result({ cell: cell({ items: 2000, scale: 0.1 }) }))).toContain(
			'fixed 30 ms*',
		);
		expect(scaleNote([result()])).toEqual([]);
		expect(scaleNote([result({ cell: cell({ scale: 0.25 }) })])[0]).toContain('(0.25)');
		expect(resultLine({ cell: cell(), error: 'n8n exit 1' })).toMatch(/did not run: n8n exit 1$/);
	});

	it('floor columns when asked: the floor and wall / floor, "!" if the floor met refusals', () => {
		const line = resultLine(result({ floor: { wallMs: 7500, refusals: 1, failedItems: 0 } }), true);
		expect(line).toMatch(/7\.50 s!\s+1\.05$/);
		expect(headerLine(true)).toMatch(/floor\s+x floor$/);
		expect(resultLine(result(), true)).toMatch(/-\s+-$/);
	});
});

describe('the online note', () => {
	it('names the worst wall / online bound; nothing when no cell has one', () => {
		const slow = result({ cell: cell({ latency: 'tail', cap: 32 }), wallMs: 6000, onlineMs: 4000 });
		expect(onlineNote([result(), slow, { cell: cell(), error: 'n8n exit 1' }])).toEqual([
			'  (not a target) wall / online bound: worst 1.50 x (200 items, tail, refusal at-once, cap 32)',
		]);
		expect(onlineNote([result({ onlineMs: null })])).toEqual([]);
	});
});

describe('the targets', () => {
	const [fixedTarget, otherTarget, lateTarget, failedTarget] = TARGETS;
	const outcomes: CellOutcome[] = [
		result({ cell: cell({ items: 200 }), wallMs: 7800 }),
		result({ cell: cell({ items: 2000, cap: 32 }), wallMs: 20_000, idealMs: 18_900 }),
		result({ cell: cell({ items: 50 }), wallMs: 2400, idealMs: 2100 }),
		result({ cell: cell({ latency: 'lognormal' }), wallMs: 8000 }),
		{ cell: cell({ latency: 'tail' }), error: 'timed out' },
	];

	it('fixed latency at 200 and 2,000 items: worst of those two, <= 1.05', () => {
		const verdict = judge(fixedTarget!, outcomes);
		expect(verdict).toMatchObject({ cells: 2, over: 1, missing: 0 });
		expect(verdict.worst?.cell.items).toBe(2000);
		expect(verdictLine(verdict)).toBe(
			'  <= 1.05 x ideal, fixed latency at 200 and 2,000 items: worst 1.06 x (2000 items, fixed, refusal at-once, cap 32); 1 of 2 cells over   NOT MET',
		);
	});

	it('every other cell: <= 1.10; a cell that did not run is not met', () => {
		const verdict = judge(otherTarget!, outcomes);
		expect(verdict).toMatchObject({ cells: 2, over: 1, missing: 1 });
		expect(verdict.worst?.cell.items).toBe(50);
		expect(verdictLine(verdict)).toMatch(/1 of 2 cells over, 1 did not run {3}NOT MET$/);
	});

	it('late refusals and failed items, every cell', () => {
		expect(judge(lateTarget!, outcomes).worstValue).toBe(0);
		expect(verdictLine(judge(failedTarget!, outcomes.slice(0, 4)))).toMatch(/MET$/);
		expect(verdictLine(judge(fixedTarget!, outcomes.slice(2, 4)))).toBe(
			'  <= 1.05 x ideal, fixed latency at 200 and 2,000 items: no cell of this kind ran',
		);
	});
});
