/** What the hostile-input bench runs: paths of the node, each with cases of growing size. */

/** An input made for one size, and one run of the node's code over it. */
export interface PreparedInput {
	/** What the node is handed: bytes of a file, or characters of a text. */
	readonly inputBytes: number;
	/** One run; returns what the node did: `accepted …`, `applied`, `refused: <reason>`, `<n> items`. */
	readonly run: () => string;
}

export interface HostileCase {
	readonly name: string;
	/** What a size counts: "bytes", "scans", "regions", … */
	readonly unit: string;
	/** Growing, each a few times the one before. */
	readonly sizes: readonly number[];
	/** Builds the input of one size (outside the measurement). */
	readonly prepare: (size: number) => PreparedInput;
}

export interface HostilePath {
	readonly title: string;
	/** What the code before issue 18 did on this path (from the issue; not run here). */
	readonly before: string;
	readonly cases: readonly HostileCase[];
}

/** The errors the node throws to refuse an input: the item fails with its message. */
const REFUSALS: ReadonlySet<string> = new Set(['NodeOperationError', 'ResponseShapeError']);

export function oneLine(text: string, max = 140): string {
	const flat = text.replace(/\s+/g, ' ');
	return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

/**
 * `refused: <message>` of an error the node throws to refuse its input; any other error (a
 * bug, or the process out of memory) as `FAILED <name>: <message>`.
 */
export function outcomeOfError(error: unknown): string {
	if (error instanceof Error && REFUSALS.has(error.name))
		return `refused: ${oneLine(error.message)}`;
	const name = error instanceof Error ? error.name : typeof error;
	return `FAILED ${name}: ${oneLine(error instanceof Error ? error.message : String(error))}`;
}
