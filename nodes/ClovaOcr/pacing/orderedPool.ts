/**
 * Runs `task` for indexes 0..count-1, starting them in order with at most
 * `concurrency` running at once, and returns their results by index. Once
 * `keepStarting` says no, nothing more starts: those results stay undefined.
 * `task` must not reject: it turns its failures into results.
 */
export async function runOrdered<R>(
	count: number,
	concurrency: number,
	task: (index: number) => Promise<R>,
	keepStarting: () => boolean = () => true,
): Promise<Array<R | undefined>> {
	const results = new Array<R | undefined>(count).fill(undefined);
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < count && keepStarting()) {
			const index = next++;
			results[index] = await task(index);
		}
	};
	const workers = Math.max(1, Math.min(concurrency, count));
	await Promise.all(Array.from({ length: workers }, worker));
	return results;
}
