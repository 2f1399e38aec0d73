/** What a case's child process reports for one size (one JSON line on its stdout). */
export interface CaseMeasurement {
	readonly inputBytes: number;
	/** What the node did, from the first call. */
	readonly outcome: string;
	/** The first (cold) call. */
	readonly firstMs: number;
	/** Per warm call, the median batch of repeated calls (timedRuns.ts). */
	readonly ms: number;
	/** CPU time per warm call, of the same batch. */
	readonly cpuMs: number;
	readonly calls: number;
	/** Peak RSS during the first call above the RSS before it. */
	readonly peakBytes: number;
	readonly memoryMethod: string;
}
