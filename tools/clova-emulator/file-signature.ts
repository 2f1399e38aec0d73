/** The image formats the ID-card endpoint takes, and magic-byte sniffing for them. */

export const IMAGE_FORMATS = ['jpg', 'jpeg', 'png', 'pdf', 'tif', 'tiff'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export function isImageFormat(value: unknown): value is ImageFormat {
	return typeof value === 'string' && (IMAGE_FORMATS as readonly string[]).includes(value);
}

const SIGNATURES: Record<ImageFormat, readonly Buffer[]> = {
	jpg: [Buffer.from([0xff, 0xd8, 0xff])],
	jpeg: [Buffer.from([0xff, 0xd8, 0xff])],
	png: [Buffer.from([0x89, 0x50, 0x4e, 0x47])],
	pdf: [Buffer.from('%PDF', 'latin1')],
	tif: [Buffer.from([0x49, 0x49, 0x2a, 0x00]), Buffer.from([0x4d, 0x4d, 0x00, 0x2a])],
	tiff: [Buffer.from([0x49, 0x49, 0x2a, 0x00]), Buffer.from([0x4d, 0x4d, 0x00, 0x2a])],
};

/** True when the bytes start with a signature of the declared format. */
export function bytesMatchFormat(bytes: Buffer, format: ImageFormat): boolean {
	return SIGNATURES[format].some(
		(signature) =>
			bytes.length >= signature.length && bytes.subarray(0, signature.length).equals(signature),
	);
}
