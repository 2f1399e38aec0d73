/**
 * How time grows with size: the least-squares slope of log(time) against log(size). About 1 is
 * linear, 2 quadratic; about 0 is time that does not grow (the input is refused at a limit).
 */
export function growthExponent(points: ReadonlyArray<{ size: number; ms: number }>): number | null {
	const usable = points.filter((p) => p.size > 0 && p.ms > 0);
	if (usable.length < 2) return null;
	const xs = usable.map((p) => Math.log(p.size));
	const ys = usable.map((p) => Math.log(p.ms));
	const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
	const [mx, my] = [mean(xs), mean(ys)];
	let covariance = 0;
	let variance = 0;
	for (let i = 0; i < xs.length; i++) {
		covariance += (xs[i] - mx) * (ys[i] - my);
		variance += (xs[i] - mx) ** 2;
	}
	return variance === 0 ? null : covariance / variance;
}
