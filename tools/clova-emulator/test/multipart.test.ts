import FormDataPackage from 'form-data';

import { boundaryFromContentType, MultipartError, parseMultipart } from '../multipart';
import { encodeMultipart, trickyPngBytes } from './test-support';

describe('boundaryFromContentType', () => {
	it.each([
		['multipart/form-data; boundary=abc123', 'abc123'],
		['multipart/form-data; boundary="quoted boundary:x"', 'quoted boundary:x'],
		['Multipart/Form-Data;boundary=----x; charset=utf-8', '----x'],
		['multipart/form-data; charset=utf-8; BOUNDARY="a\\"b"', 'a"b'],
	])('%s -> %s', (header, expected) => {
		expect(boundaryFromContentType(header)).toBe(expected);
	});

	it.each([
		'multipart/form-data',
		'multipart/form-data; boundary=',
		'multipart/form-data; boundary=""',
		`multipart/form-data; boundary=${'x'.repeat(71)}`,
		'multipart/mixed; boundary=abc',
		'application/json; boundary=abc',
	])('rejects %s', (header) => {
		expect(boundaryFromContentType(header)).toBeNull();
	});
});

describe('parseMultipart against independent encoders', () => {
	const file = trickyPngBytes();
	const message = JSON.stringify({
		version: 'V2',
		requestId: '한글-id',
		timestamp: 1,
		images: [{ format: 'png', name: '신분증 "a".png' }],
	});

	it('reads what the form-data package writes, byte for byte', () => {
		const form = new FormDataPackage();
		form.append('message', message);
		form.append('file', file, { filename: 'card.png', contentType: 'image/png' });
		const boundary = boundaryFromContentType(String(form.getHeaders()['content-type']));
		expect(boundary).toBe(form.getBoundary());

		const parts = parseMultipart(form.getBuffer(), boundary ?? '');

		expect(parts.map((part) => [part.name, part.filename, part.contentType])).toEqual([
			['message', null, null],
			['file', 'card.png', 'image/png'],
		]);
		expect(parts[0]?.data.toString('utf8')).toBe(message);
		expect(parts[1]?.data.equals(file)).toBe(true);
	});

	it("reads what Node's FormData/Blob (fetch's encoder) writes, byte for byte", async () => {
		const form = new FormData();
		form.append('message', message);
		form.append('file', new Blob([file], { type: 'image/png' }), 'card.png');
		const encoded = new Response(form);
		const contentType = encoded.headers.get('content-type') ?? '';
		const body = Buffer.from(await encoded.arrayBuffer());

		const parts = parseMultipart(body, boundaryFromContentType(contentType) ?? '');

		expect(parts.map((part) => [part.name, part.filename, part.contentType])).toEqual([
			['message', null, null],
			['file', 'card.png', 'image/png'],
		]);
		expect(parts[0]?.data.toString('utf8')).toBe(message);
		expect(parts[1]?.data.equals(file)).toBe(true);
	});
});

describe('parseMultipart edge cases', () => {
	it('skips preamble and epilogue, keeps empty parts and headerless parts', () => {
		const body = encodeMultipart(
			'b0undary',
			[
				{ headers: ['Content-Disposition: form-data; name="empty"'], body: '' },
				{ headers: [], body: 'no headers' },
				{ headers: ['content-disposition: form-data; name=unquoted'], body: 'x' },
			],
			'this is a preamble\r\n',
			'and an epilogue',
		);
		const parts = parseMultipart(body, 'b0undary');
		expect(parts.map((part) => [part.name, part.data.toString('latin1')])).toEqual([
			['empty', ''],
			[null, 'no headers'],
			['unquoted', 'x'],
		]);
	});

	it('does not split on boundary look-alikes inside content', () => {
		const content = Buffer.from('a\r\n--b0undaryX\r\n--b0undary-not\r\nz', 'latin1');
		const body = encodeMultipart('b0undary', [
			{ headers: ['Content-Disposition: form-data; name="file"'], body: content },
		]);
		const parts = parseMultipart(body, 'b0undary');
		expect(parts).toHaveLength(1);
		expect(parts[0]?.data.equals(content)).toBe(true);
	});

	it('accepts whitespace after a boundary and a missing final CRLF', () => {
		const body = Buffer.from(
			'--q \t\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue\r\n--q--',
			'latin1',
		);
		expect(parseMultipart(body, 'q').map((part) => part.data.toString('latin1'))).toEqual([
			'value',
		]);
	});

	it('decodes RFC 8187 filename*', () => {
		const body = encodeMultipart('q', [
			{
				headers: [
					'Content-Disposition: form-data; name="file"; filename*=UTF-8\'\'%EC%8B%A0%EB%B6%84.png',
				],
				body: 'x',
			},
		]);
		expect(parseMultipart(body, 'q')[0]?.filename).toBe('신분.png');
	});

	it.each([
		['no boundary at all', 'Content-Disposition: form-data; name="a"\r\n\r\nvalue'],
		[
			'only a close delimiter after a preamble',
			'Content-Disposition: form-data; name="a"\r\n\r\nvalue\r\n--q--',
		],
		['no closing boundary', '--q\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue'],
		['unterminated headers', '--q\r\nContent-Disposition: form-data; name="a"\r\nvalue\r\n--q--'],
		[
			'junk after boundary',
			'--qjunk\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--q--',
		],
		['LF-only line breaks', '--q\nContent-Disposition: form-data; name="a"\n\nvalue\n--q--'],
		['header without colon', '--q\r\nContent-Disposition form-data\r\n\r\nvalue\r\n--q--'],
		[
			'not form-data disposition',
			'--q\r\nContent-Disposition: attachment; name="a"\r\n\r\nvalue\r\n--q--',
		],
		['empty body', ''],
	])('throws MultipartError on %s', (_label, raw) => {
		expect(() => parseMultipart(Buffer.from(raw, 'latin1'), 'q')).toThrow(MultipartError);
	});
});
