import fc from 'fast-check';

import { imageFromText } from '../../../nodes/ClovaOcr/input/readInputImage';

describe('imageFromText: one text that is a URL or base64, told apart by its start', () => {
	test.each([
		['https://example.com/card.png', 'url'],
		['HTTP://example.com/card.png', 'url'],
		['ftp://example.com/card.png', 'url'],
		['file:///etc/passwd', 'url'],
		['data:image/png;base64,iVBORw0KGgo=', 'base64'],
		['iVBORw0KGgoAAAANSUhEUgAA', 'base64'],
		['http:example.com', 'base64'],
		['', 'base64'],
	])('%s is read as %s', (text, kind) => {
		expect(imageFromText(text, undefined, false).kind).toBe(kind);
	});

	test('a URL keeps the private-host setting and the name; base64 keeps the name', () => {
		expect(imageFromText('https://a.example/x.png', 'card.png', true)).toEqual({
			kind: 'url',
			url: 'https://a.example/x.png',
			name: 'card.png',
			allowPrivateHosts: true,
		});
		expect(imageFromText('QUJD', 'card.png', true)).toEqual({
			kind: 'base64',
			data: 'QUJD',
			name: 'card.png',
			field: 'Image',
		});
	});

	test('no base64 text (data URLs included) is ever taken for a URL', () => {
		const base64 = fc.base64String({ maxLength: 200 });
		const dataUrl = base64.map((data) => `data:image/jpeg;base64,${data}`);
		fc.assert(
			fc.property(fc.oneof(base64, dataUrl), (text) => {
				return imageFromText(text, undefined, false).kind === 'base64';
			}),
			{ numRuns: 2000, seed: 19 },
		);
	});
});
