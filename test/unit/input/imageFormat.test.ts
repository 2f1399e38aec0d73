import { sniffImageFormat } from '../../../nodes/ClovaOcr/input/imageFormat';

const bytes = (...parts: Array<number[] | string>) =>
	Buffer.concat(
		parts.map((part) =>
			typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
		),
	);

describe('sniffImageFormat', () => {
	test.each([
		[
			'JPEG',
			bytes([0xff, 0xd8, 0xff, 0xe0], 'rest'),
			{ supported: true, format: 'jpg', mimeType: 'image/jpeg' },
		],
		[
			'PNG',
			bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'),
			{ supported: true, format: 'png', mimeType: 'image/png' },
		],
		['PDF', bytes('%PDF-1.7\n'), { supported: true, format: 'pdf', mimeType: 'application/pdf' }],
		[
			'TIFF little-endian',
			bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]),
			{ supported: true, format: 'tiff', mimeType: 'image/tiff' },
		],
		[
			'TIFF big-endian',
			bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]),
			{ supported: true, format: 'tiff', mimeType: 'image/tiff' },
		],
		['HEIC', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), { supported: false, found: 'HEIC' }],
		[
			'HEIF (mif1)',
			bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0]),
			{ supported: false, found: 'HEIC' },
		],
		['AVIF', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0]), { supported: false, found: 'AVIF' }],
		['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), { supported: false, found: 'WebP' }],
		['GIF', bytes('GIF89a'), { supported: false, found: 'GIF' }],
		['BMP', bytes('BM', [0, 0, 0, 0]), { supported: false, found: 'BMP' }],
		[
			'ZIP',
			bytes([0x50, 0x4b, 0x03, 0x04]),
			{ supported: false, found: 'ZIP (or an Office document)' },
		],
		['text', bytes('hello world'), { supported: false, found: 'unknown' }],
		['PDF-like but not', bytes('%PD'), { supported: false, found: 'unknown' }],
		['one byte', bytes([0xff]), { supported: false, found: 'unknown' }],
		['nothing', bytes(), { supported: false, found: 'unknown' }],
	])('%s', (_case, input, expected) => {
		expect(sniffImageFormat(input)).toEqual(expected);
	});
});
