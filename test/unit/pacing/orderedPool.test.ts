import { runOrdered } from '../../../nodes/ClovaOcr/pacing/orderedPool';

/** A task per index that finishes when told, recording how many ran at once. */
function controlledTasks() {
	const finish = new Map<number, () => void>();
	const started: number[] = [];
	let running = 0;
	let peak = 0;
	const task = (index: number) =>
		new Promise<string>((resolve) => {
			started.push(index);
			running++;
			peak = Math.max(peak, running);
			finish.set(index, () => {
				running--;
				resolve(`result ${index}`);
			});
		});
	return { task, finish, started, peak: () => peak };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('runOrdered', () => {
	test('results by index whatever order the tasks end in; started in order, at most `concurrency` at once', async () => {
		const tasks = controlledTasks();
		const running = runOrdered(6, 3, tasks.task);
		const startedAfter: number[][] = [];
		for (const index of [2, 0, 1, 5, 4, 3]) {
			await flush();
			startedAfter.push([...tasks.started]);
			tasks.finish.get(index)!();
		}
		expect(await running).toEqual([
			'result 0',
			'result 1',
			'result 2',
			'result 3',
			'result 4',
			'result 5',
		]);
		expect(startedAfter).toEqual([
			[0, 1, 2],
			[0, 1, 2, 3],
			[0, 1, 2, 3, 4],
			[0, 1, 2, 3, 4, 5],
			[0, 1, 2, 3, 4, 5],
			[0, 1, 2, 3, 4, 5],
		]);
		expect(tasks.peak()).toBe(3);
	});

	test.each([
		[0, 4, []],
		[3, 1, ['result 0', 'result 1', 'result 2']],
		[2, 10, ['result 0', 'result 1']],
	])('%d items, concurrency %d', async (count, concurrency, expected) => {
		expect(await runOrdered(count, concurrency, async (i) => `result ${i}`)).toEqual(expected);
	});

	test('once told to stop, nothing more starts; what did not start stays undefined', async () => {
		let stop = false;
		const results = await runOrdered(
			5,
			1,
			async (index) => {
				if (index === 1) stop = true;
				return index;
			},
			() => !stop,
		);
		expect(results).toEqual([0, 1, undefined, undefined, undefined]);
	});
});
