import { RedactionError } from './redactionError';

/** Largest image (width × height) the library decodes; checked before any pixel buffer is allocated. */
export const MAX_PIXELS = 100_000_000;

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
