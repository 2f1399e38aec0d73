/** The spread of a bench's repeated figures. Pure: no I/O. */

export interface Range {
	readonly min: number;
	readonly max: number;
	readonly median: number;
}

/** The smallest, the largest and the median (the mean of the two middle ones for an even count); null when empty. */
export function rangeOf(values: readonly number[]): Range | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median =
		sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
	return { min: sorted[0]!, max: sorted[sorted.length - 1]!, median };
}
