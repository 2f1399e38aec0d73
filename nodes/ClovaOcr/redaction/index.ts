/**
 * Redacted copies of ID-card images (issue 13): the given boxes painted black, metadata
 * stripped, as a pure library (no dependencies, Uint8Array in and out).
 *
 * - JPEG (baseline, extended 8-bit, progressive; gray or 3 components; any sampling; restart
 *   intervals) is edited in the DCT domain and rewritten as baseline with optimized Huffman
 *   tables; blocks that touch no box keep their coefficients exactly. See jpeg/.
 * - PNG (every colour type and bit depth, interlaced or not) is decoded, painted and
 *   recompressed. See png/.
 * - Anything else (PDF, TIFF, …) and the JPEG variants listed in jpeg/jpegFrame.ts are
 *   `unsupported`, as are damaged files and files over a limit of limits.ts: pixels, memory
 *   (absolute and per file byte) and JPEG scans and decode work. The work is linear in the
 *   image's area plus the number of regions, whatever the file holds (see budget.ts).
 *
 * Regions are in the file's stored pixel grid; EXIF orientation is kept (see jpegMetadata).
 */
import { RedactionBudget } from './budget';
import { isJpeg, readJpegSize, redactJpeg } from './jpeg/redactJpeg';
import { isPng } from './png/pngChunks';
import { readPngHeader, redactPng } from './png/redactPng';
import { RedactionError } from './redactionError';
import { clipRegions, type ImageSize, type PixelBox, type RedactionRegion } from './regions';

export { RedactionError, type RedactionErrorKind } from './redactionError';
export { RedactionBudget } from './budget';
export {
	DECODED_BYTES_FLOOR,
	DECODED_BYTES_PER_FILE_BYTE,
	MAX_DECODED_BYTES,
	MAX_JPEG_DECODES_PER_BLOCK,
	MAX_JPEG_SCANS,
	MAX_PIXELS,
} from './limits';
export { polygonPartFrom } from './polygonPart';
export {
	maskingMargin,
	regionsFromPolygons,
	type ImageSize,
	type MaskingPolygon,
	type RedactionRegion,
} from './regions';

export type RedactionResult =
	| {
			status: 'applied' | 'noRegions';
			data: Uint8Array;
			mimeType: 'image/jpeg' | 'image/png';
			fileExtension: 'jpg' | 'png';
	  }
	| { status: 'unsupported'; reason: string };

function describeFormat(file: Uint8Array): string {
	const ascii = (from: number, to: number): string =>
		String.fromCharCode(...file.subarray(from, to));
	if (file.length >= 5 && ascii(0, 5) === '%PDF-') return 'PDF';
	if (file.length >= 4 && (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*')) return 'TIFF';
	if (file.length >= 6 && ascii(0, 3) === 'GIF') return 'GIF';
	if (file.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'WebP';
	if (file.length >= 2 && ascii(0, 2) === 'BM') return 'BMP';
	if (file.length >= 12 && ascii(4, 8) === 'ftyp') return 'HEIF/AVIF';
	return 'this file type';
}

/** What redaction knows of one format: how to recognize it, read its size and paint it. */
interface ImageCodec {
	readonly matches: (file: Uint8Array) => boolean;
	readonly readSize: (file: Uint8Array) => ImageSize;
	/** `boxes` is given the stored size and returns the boxes to paint. */
	readonly redact: (
		file: Uint8Array,
		boxes: (size: ImageSize) => PixelBox[],
		budget: RedactionBudget,
	) => Uint8Array;
	readonly mimeType: 'image/jpeg' | 'image/png';
	readonly fileExtension: 'jpg' | 'png';
}

const CODECS: readonly ImageCodec[] = [
	{
		matches: isJpeg,
		readSize: readJpegSize,
		redact: redactJpeg,
		mimeType: 'image/jpeg',
		fileExtension: 'jpg',
	},
	{
		matches: isPng,
		readSize: (file) => {
			const { width, height } = readPngHeader(file);
			return { width, height };
		},
		redact: redactPng,
		mimeType: 'image/png',
		fileExtension: 'png',
	},
];

const codecOf = (file: Uint8Array) => CODECS.find((codec) => codec.matches(file));

/** Width and height of a JPEG or PNG as stored (un-rotated); undefined if it is neither or unreadable. */
export function readImageSize(file: Uint8Array): ImageSize | undefined {
	const outcome = attempt(() => codecOf(file)?.readSize(file));
	if (outcome.ok) return outcome.value;
	if (outcome.error instanceof RedactionError && outcome.error.kind !== 'internal')
		return undefined;
	throw asRedactionError(outcome.error);
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

function attempt<T>(run: () => T): Outcome<T> {
	try {
		return { ok: true, value: run() };
	} catch (error) {
		return { ok: false, error };
	}
}

/** Our own errors as they are; anything else (a RangeError or TypeError would be a bug here) wrapped. */
function asRedactionError(error: unknown): RedactionError {
	if (error instanceof RedactionError) return error;
	return new RedactionError('internal', `redaction failed unexpectedly: ${String(error)}`);
}

/**
 * A copy of `file` with every region painted black and metadata stripped (`noRegions` when no
 * region falls inside the image: still a stripped copy). Never throws for a bad file: damaged,
 * truncated, too large or unsupported files give `{ status: 'unsupported', reason }`. It throws
 * a RedactionError only for a bad argument (`regions` not an array of numeric boxes) or an
 * internal fault. `budget` is for tests, to read what the redaction spent.
 */
export function redactImage(
	file: Uint8Array,
	regions: RedactionRegion[],
	budget: RedactionBudget = new RedactionBudget(file?.length ?? 0),
): RedactionResult {
	if (!(file instanceof Uint8Array))
		throw new RedactionError('invalidArgument', 'file must be a Uint8Array');
	// Validate the boxes before decoding (clipRegions throws on a non-numeric coordinate).
	clipRegions(regions, { width: Number.MAX_SAFE_INTEGER, height: Number.MAX_SAFE_INTEGER });
	const outcome = attempt((): RedactionResult | undefined => {
		const codec = codecOf(file);
		if (!codec) return undefined;
		let applied = false;
		const data = codec.redact(
			file,
			(size) => {
				const boxes = clipRegions(regions, size);
				applied = boxes.length > 0;
				return boxes;
			},
			budget,
		);
		return {
			status: applied ? 'applied' : 'noRegions',
			data,
			mimeType: codec.mimeType,
			fileExtension: codec.fileExtension,
		};
	});
	if (!outcome.ok) {
		const error = asRedactionError(outcome.error);
		if (error.kind === 'internal' || error.kind === 'invalidArgument') throw error;
		return { status: 'unsupported', reason: error.message };
	}
	if (outcome.value) return outcome.value;
	return {
		status: 'unsupported',
		reason: `${describeFormat(file)} is not supported (only JPEG and PNG can be redacted)`,
	};
}
