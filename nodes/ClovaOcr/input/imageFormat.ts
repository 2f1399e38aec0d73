/** The formats the ID-card endpoint accepts, as named in `images[].format`. */
export type ImageFormat = 'jpg' | 'png' | 'pdf' | 'tiff';

export type SniffedFormat =
	| { supported: true; format: ImageFormat; mimeType: string }
	| { supported: false; found: string };

export const ACCEPTED_FORMATS_TEXT = 'JPEG, PNG, PDF (single page) and TIFF (single page)';

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
	return signature.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
	return String.fromCharCode(...bytes.subarray(start, end));
}

const SUPPORTED: Array<{
	test: (b: Uint8Array) => boolean;
	format: ImageFormat;
	mimeType: string;
}> = [
	{ test: (b) => startsWith(b, [0xff, 0xd8, 0xff]), format: 'jpg', mimeType: 'image/jpeg' },
	{
		test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		format: 'png',
		mimeType: 'image/png',
	},
	{ test: (b) => ascii(b, 0, 5) === '%PDF-', format: 'pdf', mimeType: 'application/pdf' },
	{
		test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]),
		format: 'tiff',
		mimeType: 'image/tiff',
	},
];

const HEIF_BRANDS = new Set([
	'heic',
	'heix',
	'hevc',
	'hevx',
	'heim',
	'heis',
	'hevm',
	'hevs',
	'mif1',
	'msf1',
]);

/** Names what an unsupported file is, so the user knows what to convert. */
function unsupportedName(b: Uint8Array): string {
	if (ascii(b, 4, 8) === 'ftyp') {
		const brand = ascii(b, 8, 12);
		if (brand === 'avif' || brand === 'avis') return 'AVIF';
		if (HEIF_BRANDS.has(brand)) return 'HEIC';
	}
	if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'WebP';
	if (ascii(b, 0, 4) === 'GIF8') return 'GIF';
	if (ascii(b, 0, 2) === 'BM') return 'BMP';
	if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return 'ZIP (or an Office document)';
	return 'unknown';
}

/** The format from the file's first bytes: names and MIME types of binaries are often wrong. */
export function sniffImageFormat(bytes: Uint8Array): SniffedFormat {
	const match = SUPPORTED.find(({ test }) => test(bytes));
	return match
		? { supported: true, format: match.format, mimeType: match.mimeType }
		: { supported: false, found: unsupportedName(bytes) };
}
