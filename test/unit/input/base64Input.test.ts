import type { INode } from 'n8n-workflow';

import { decodeBase64Image, decodedLength } from '../../../nodes/ClovaOcr/input/base64Input';
import { MAX_FILE_BYTES } from '../../../nodes/ClovaOcr/input/checkedImage';

const NODE: INode = {
	id: '1',
	name: 'CLOVA OCR',
	type: 'n8n-nodes-clova-ocr.clovaOcr',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

// The 8-byte PNG signature and an IHDR start: enough for the format check.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('decodedLength', () => {
	test.each(['', 'A', 'AA', 'AAA', 'AAAA', 'AAAAA', 'AAAAAA', 'AAAAAAA'])('%j', (text) => {
		expect(decodedLength(text)).toBe(Buffer.from(text, 'base64').length);
	});
	test.each([PNG, Buffer.alloc(1), Buffer.alloc(2), Buffer.alloc(3), Buffer.alloc(100)])(
		'padded base64 of %d bytes',
		(bytes) => {
			expect(decodedLength(bytes.toString('base64'))).toBe(bytes.length);
			expect(decodedLength(bytes.toString('base64url'))).toBe(bytes.length);
		},
	);
});

describe('decodeBase64Image', () => {
	test.each([
		['plain', PNG.toString('base64')],
		['data URL', `data:image/png;base64,${PNG.toString('base64')}`],
		['data URL with a charset', `data:image/png;charset=utf-8;base64,${PNG.toString('base64')}`],
		[
			'data URL with two parameters',
			`DATA:image/png;name=card.png;x=1;BASE64,${PNG.toString('base64')}`,
		],
		['data URL without a media type', `data:;base64,${PNG.toString('base64')}`],
	])('%s', (_case, text) => {
		const image = decodeBase64Image(NODE, 0, text, undefined);
		expect(image.bytes.equals(PNG)).toBe(true);
		expect(image.format).toBe('png');
	});

	test.each([
		['a data URL that is not base64', `data:image/png,${PNG.toString('base64')}`],
		['parameters after base64', `data:image/png;base64;charset=utf-8,${PNG.toString('base64')}`],
	])('refuses %s', (_case, text) => {
		expect(() => decodeBase64Image(NODE, 0, text, undefined)).toThrow(
			'The Base64 Image is not valid base64 text',
		);
	});

	test('checks the size before decoding: a text over 50 MiB is never decoded', () => {
		const text = 'A'.repeat(Math.ceil(((MAX_FILE_BYTES + 1) * 4) / 3));
		const from = jest.spyOn(Buffer, 'from');
		try {
			expect(() => decodeBase64Image(NODE, 0, text, undefined)).toThrow(
				"The file is too large: 52,428,801 bytes, over this node's limit of 52,428,800 bytes (50 MiB)",
			);
			expect(from).not.toHaveBeenCalled();
		} finally {
			from.mockRestore();
		}
	});

	test('a text of exactly 50 MiB is decoded', () => {
		const bytes = Buffer.alloc(MAX_FILE_BYTES);
		PNG.copy(bytes);
		expect(decodeBase64Image(NODE, 0, bytes.toString('base64'), undefined).bytes.length).toBe(
			MAX_FILE_BYTES,
		);
	});
});
