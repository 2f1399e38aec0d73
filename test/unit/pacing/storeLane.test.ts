import fc from 'fast-check';

import {
	executionStoreLane,
	PROCESS_STORE_LANE_WIDTH,
	StoreLane,
	STORE_LANE_WIDTH,
} from '../../../nodes/ClovaOcr/pacing/storeLane';

const flush = () => new Promise((resolve) => setImmediate(resolve));

/** Work the test finishes by hand: `finish(index)` settles the item's work. */
function manualWork() {
	const started: number[] = [];
	const finishers = new Map<number, (fail: boolean) => void>();
	const work = (index: number) => () =>
		new Promise<number>((resolve, reject) => {
			started.push(index);
			finishers.set(index, (fail) => (fail ? reject(new Error(`item ${index}`)) : resolve(index)));
		});
	const finish = async (index: number, fail = false) => {
		const finisher = finishers.get(index);
		if (!finisher) throw new Error(`item ${index} has not started`);
		finishers.delete(index);
		finisher(fail);
		await flush();
	};
	return { started, work, finish, running: () => [...finishers.keys()].sort((a, b) => a - b) };
}

describe('StoreLane', () => {
	it('is four wide in the node, per execution and per process', () => {
		expect(STORE_LANE_WIDTH).toBe(4);
		expect(PROCESS_STORE_LANE_WIDTH).toBe(4);
	});

	it('runs at most its width at once and lets the lowest waiting item in next', async () => {
		const lane = new StoreLane(2);
		const { started, work, finish, running } = manualWork();
		const results = [5, 9, 7, 3, 8].map((index) => lane.run(index, work(index)));
		await flush();
		expect(started).toEqual([5, 9]);

		await finish(9);
		expect(started).toEqual([5, 9, 3]);
		await finish(5);
		expect(started).toEqual([5, 9, 3, 7]);
		await finish(3);
		await finish(7);
		await finish(8);
		expect(started).toEqual([5, 9, 3, 7, 8]);
		expect(running()).toEqual([]);
		await expect(Promise.all(results)).resolves.toEqual([5, 9, 7, 3, 8]);
	});

	it('frees the place of work that fails, and hands the failure back', async () => {
		const lane = new StoreLane(1);
		const { started, work, finish } = manualWork();
		const failing = lane.run(0, work(0));
		const next = lane.run(1, work(1));
		const failed = expect(failing).rejects.toThrow('item 0');
		await flush();
		await finish(0, true);
		await failed;
		expect(started).toEqual([0, 1]);
		await finish(1);
		await expect(next).resolves.toBe(1);
	});

	it('holds, for any arrivals and finishing order, its width and the lowest-first order', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 1, max: 5 }),
				fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 30 }),
				fc.array(fc.nat(), { maxLength: 60 }),
				async (width, indexes, picks) => {
					const lane = new StoreLane(width);
					const { started, work, finish, running } = manualWork();
					const settled = indexes.map((index, order) =>
						lane.run(index * 100 + order, work(index * 100 + order)).then(
							() => 'done',
							() => 'failed',
						),
					);
					await flush();
					const waiting = () => {
						const begun = new Set(started);
						return indexes.map((index, order) => index * 100 + order).filter((i) => !begun.has(i));
					};
					let pick = 0;
					while (running().length > 0) {
						expect(running().length).toBeLessThanOrEqual(width);
						// Below the width only when nothing waits.
						if (running().length < width) expect(waiting()).toEqual([]);
						const choice = running()[(picks[pick] ?? 0) % running().length] as number;
						const before = waiting();
						await finish(choice, (picks[pick++] ?? 0) % 3 === 0);
						if (before.length > 0) expect(started.at(-1)).toBe(Math.min(...before));
					}
					expect(started).toHaveLength(indexes.length);
					expect(await Promise.all(settled)).toHaveLength(indexes.length);
				},
			),
			{ numRuns: 200 },
		);
	});

	it("puts an execution's lane inside the process's by default", async () => {
		const { started, work, finish } = manualWork();
		const lanes = [executionStoreLane(undefined), executionStoreLane(undefined)];
		const results = [0, 1, 2].flatMap((index) =>
			lanes.map((lane, execution) => lane.run(index, work(execution * 10 + index))),
		);
		await flush();
		// Four places in the process, taken in the order the reads came: the executions alternate.
		expect(started).toEqual([0, 10, 1, 11]);
		await finish(11);
		expect(started).toEqual([0, 10, 1, 11, 2]);
		for (const index of [0, 10, 1, 2, 12]) await finish(index);
		expect(started).toEqual([0, 10, 1, 11, 2, 12]);
		await expect(Promise.all(results)).resolves.toEqual([0, 10, 1, 11, 2, 12]);
	});

	it('takes a read out of both lanes when its execution is cancelled while it waits', async () => {
		const process = new StoreLane(1);
		const cancel = new AbortController();
		const cancelled = new StoreLane(2, process, cancel.signal);
		const other = new StoreLane(2, process);
		const { started, work, finish } = manualWork();
		const first = other.run(0, work(0));
		const waitingInProcess = cancelled.run(0, work(10));
		const waitingInExecution = [1, 2].map((index) => cancelled.run(index, work(10 + index)));
		const after = other.run(1, work(1));
		await flush();
		expect(started).toEqual([0]);

		cancel.abort(new Error('cancelled'));
		for (const waiting of [waitingInProcess, ...waitingInExecution])
			await expect(waiting).rejects.toThrow('cancelled');
		await finish(0);
		expect(started).toEqual([0, 1]);
		await finish(1);
		await expect(Promise.all([first, after])).resolves.toEqual([0, 1]);
		// A read asked for after the cancel never starts either.
		await expect(cancelled.run(3, work(13))).rejects.toThrow('cancelled');
		expect(started).toEqual([0, 1]);
	});

	it('holds, for reads of several executions in any order, every width and leaves no place idle', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 1, max: 4 }),
				fc.integer({ min: 1, max: 4 }),
				fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 50 })), {
					minLength: 1,
					maxLength: 30,
				}),
				fc.array(fc.nat(), { maxLength: 60 }),
				async (processWidth, executionWidth, reads, picks) => {
					const process = new StoreLane(processWidth);
					const lanes = [0, 1, 2].map(() => new StoreLane(executionWidth, process));
					const { started, work, finish, running } = manualWork();
					const executionOf = (order: number) => reads[order]![0];
					const runningIn = (execution: number) =>
						running().filter((order) => executionOf(order) === execution).length;
					const settled = reads.map(([execution, index], order) =>
						lanes[execution]!.run(index, work(order)).then(
							() => 'done',
							() => 'failed',
						),
					);
					await flush();
					let pick = 0;
					while (running().length > 0) {
						expect(running().length).toBeLessThanOrEqual(processWidth);
						const begun = new Set(started);
						for (const execution of [0, 1, 2]) {
							expect(runningIn(execution)).toBeLessThanOrEqual(executionWidth);
							// A read that both widths would let in is running, not waiting.
							const waits = reads.some((read, order) => read[0] === execution && !begun.has(order));
							if (waits && runningIn(execution) < executionWidth)
								expect(running().length).toBe(processWidth);
						}
						const choice = running()[(picks[pick] ?? 0) % running().length] as number;
						await finish(choice, (picks[pick++] ?? 0) % 3 === 0);
					}
					expect(started).toHaveLength(reads.length);
					expect(await Promise.all(settled)).toHaveLength(reads.length);
				},
			),
			{ numRuns: 200 },
		);
	});
});
