import { DECODED_BYTES_FLOOR, DECODED_BYTES_PER_FILE_BYTE, MAX_DECODED_BYTES } from './limits';
import { RedactionError } from './redactionError';

/** Charges `bytes` before they are allocated; throws `tooLarge` past the budget. */
export type ChargeBytes = (bytes: number) => void;

const mib = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024))} MiB`;

/**
 * What one redaction may spend, and what it has spent (counters read by the tests).
 *
 * Memory: every buffer whose size grows with the image is charged before it is allocated,
 * against min(MAX_DECODED_BYTES, DECODED_BYTES_FLOOR + DECODED_BYTES_PER_FILE_BYTE × file
 * size). The work counters are kept by the code that does the work (see jpeg/scanWork.ts and
 * coveredRuns.ts).
 */
export class RedactionBudget {
	readonly fileLength: number;
	readonly maxBytes: number;
	/** Bytes charged so far (buffers that become garbage stay counted). */
	bytes = 0;
	/** JPEG: scans decoded, and blocks entropy-decoded over all scans. */
	scans = 0;
	blocksDecoded = 0;
	/** Cells painted black: pixels (PNG) or blocks summed over components (JPEG). */
	cellsPainted = 0;
	/** Cells the region mask scanned to merge the regions of a row into runs. */
	maskCells = 0;

	constructor(fileLength: number) {
		this.fileLength = fileLength;
		this.maxBytes = Math.min(
			MAX_DECODED_BYTES,
			DECODED_BYTES_FLOOR + DECODED_BYTES_PER_FILE_BYTE * fileLength,
		);
	}

	/** Charges `bytes` for `what` (e.g. "the DCT coefficients of a 4000×3000 JPEG"). */
	allocate(bytes: number, what: string): void {
		const total = this.bytes + bytes;
		if (total > this.maxBytes) throw new RedactionError('tooLarge', this.refusal(total, what));
		this.bytes = total;
	}

	/** `allocate` for one purpose, to hand to code that does not know the budget. */
	charger(what: string): ChargeBytes {
		return (bytes) => this.allocate(bytes, what);
	}

	private refusal(total: number, what: string): string {
		if (total > MAX_DECODED_BYTES)
			return `${what} would take the redaction to ${mib(total)} of memory, over the limit of ${mib(MAX_DECODED_BYTES)}`;
		return (
			`${what} would take the redaction to ${mib(total)} of memory, over the limit for a file ` +
			`of ${Math.ceil(this.fileLength / 1024)} KiB (${mib(DECODED_BYTES_FLOOR)} + ` +
			`${DECODED_BYTES_PER_FILE_BYTE} × the file size)`
		);
	}
}
