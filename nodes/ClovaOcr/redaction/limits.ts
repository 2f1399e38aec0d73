import { RedactionError } from './redactionError';

/** Largest image (width × height) the library decodes; checked before any pixel buffer is allocated. */
export const MAX_PIXELS = 100_000_000;

const MiB = 1024 * 1024;

/**
 * Most memory one redaction may allocate for buffers that grow with the image (JPEG DCT
 * coefficients, PNG image data incl. the interlace copy and widened palette indices, the
 * region mask, the compressed output). A 48–50 MP phone photo at 4:2:0 needs 140–145 MiB of
 * coefficients plus its output, a 12 MP one at 4:4:4 69 MiB, a 12 MP 16-bit RGBA PNG 92 MiB
 * plus its output; the 100 MP worst cases (0.6–1.6 GB) would kill n8n in a 1–2 GB container.
 */
export const MAX_DECODED_BYTES = 256 * MiB;

/**
 * Memory any file may use whatever its size, and how much more each byte of the file may add:
 * a cap on decoded bytes per file byte, so that a small file cannot make the codecs allocate
 * hundreds of MiB (a 100 kB file: at most 60 MiB). Any 12 MP photo at 4:2:0 (35 MiB plus its
 * output) fits under the floor; the sample cards use 17–43 bytes per file byte (135 for the
 * near-blank unreadable.jpg), a smooth 12 MP photo or a card scaled to 10 MP about 50.
 */
export const DECODED_BYTES_FLOOR = 48 * MiB;
export const DECODED_BYTES_PER_FILE_BYTE = 128;

/**
 * Scans a JPEG may have. libjpeg-turbo's own decompression fuzz target sets its scan limit
 * (TJPARAM_SCANLIMIT) to 100; real encoders write at most about 10 (libjpeg's progression 10,
 * mozjpeg's optimized ones 7–10).
 */
export const MAX_JPEG_SCANS = 100;

/**
 * Entropy-decoded blocks over all scans, as a multiple of the frame's blocks. Progressive
 * scans that cost a few bytes each (EOB runs) can otherwise make decoding take hours; encoders'
 * progressive files decode each block at most 6 times (libjpeg's progression: Y 6, chroma 4;
 * mozjpeg's fewer).
 */
export const MAX_JPEG_DECODES_PER_BLOCK = 16;

export function checkPixelCount(format: string, width: number, height: number): void {
	if (width < 1 || height < 1)
		throw new RedactionError('damaged', `damaged ${format}: image size ${width}×${height}`);
	if (width * height > MAX_PIXELS) {
		throw new RedactionError(
			'tooLarge',
			`${format} of ${width}×${height} pixels is over the limit of ${MAX_PIXELS / 1_000_000} megapixels`,
		);
	}
}
