import {
	parseLenientJson,
	stripTrailingCommas,
	type ReadMeter,
} from '../../../nodes/ClovaOcr/response/lenientJson';
import { clovaFixtureText } from '../../fixtures/clovaFixtures';

describe('stripTrailingCommas', () => {
	test.each([
		['{"a":[1,2,],}', '{"a":[1,2]}'],
		['{"a": [ {"b": 1} ,\n ] }', '{"a": [ {"b": 1} \n ] }'],
		['{"text":"a,]b,}","n":1,}', '{"text":"a,]b,}","n":1}'],
		['{"text":"quote \\" ,}","n":1}', '{"text":"quote \\" ,}","n":1}'],
		['[1,2]', '[1,2]'],
		['{"a":"\\\\",}', '{"a":"\\\\"}'],
		['[1, , ]', '[1,  ]'],
		['{"a":1 ,\r\n\t}', '{"a":1 \r\n\t}'],
		['"unterminated ,}', '"unterminated ,}'],
		[',', ','],
		['', ''],
	])('%s', (input, expected) => {
		expect(stripTrailingCommas(input)).toBe(expected);
	});
});

describe('parseLenientJson', () => {
	test('reads the resident-card example with its trailing comma', () => {
		const text = clovaFixtureText('ic-success.ko');
		expect(() => JSON.parse(text)).toThrow(SyntaxError);
		const json = parseLenientJson(text) as { images: Array<{ name: string }> };
		expect(json.images[0].name).toBe('idcard_test');
	});

	test('keeps commas inside recognized text', () => {
		const text = clovaFixtureText('dl-success.ko');
		const json = parseLenientJson(text) as {
			images: Array<{ idCard: { result: { dl: { type: Array<{ text: string }> } } } }>;
		};
		expect(json.images[0].idCard.result.dl.type[0].text).toBe(
			'1종대형 1종보통 1종소형 특수(대형견인,소형견인, 구난) 2종보통 2종소형 원동기',
		);
	});

	test.each(['<html>502 Bad Gateway</html>', '{"images": [', ''])('rejects %j', (text) => {
		expect(() => parseLenientJson(text)).toThrow(SyntaxError);
	});
});

describe('stripTrailingCommas is linear', () => {
	const KB = 1024;
	// Each backtracked for seconds in the regex the pass replaced (an unterminated string of escapes).
	const adversarial: Array<[string, (size: number) => string]> = [
		['escaped quotes in an unterminated string', (size) => '"' + '\\"'.repeat(size / 2)],
		['commas before long whitespace', (size) => ','.padEnd(size / 2, ' ').repeat(2)],
		['many commas and spaces', (size) => ', '.repeat(size / 2)],
		['quotes and commas', (size) => '",'.repeat(size / 2)],
		['an HTML error page', (size) => '<html>' + 'Bad Gateway, '.repeat(size / 13) + '</html>'],
	];

	test.each(adversarial)('%s: at most 2 reads per character at 80 KB and 2 MB', (_name, body) => {
		for (const size of [80 * KB, 2048 * KB]) {
			const text = body(size);
			const meter: ReadMeter = { reads: 0 };
			stripTrailingCommas(text, meter);
			expect(meter.reads).toBeGreaterThanOrEqual(text.length);
			expect(meter.reads).toBeLessThanOrEqual(2 * text.length);
		}
	});

	test('an 80 KB adversarial error body is refused as not JSON', () => {
		expect(() => parseLenientJson('"' + '\\"'.repeat(40 * KB))).toThrow(SyntaxError);
	});
});
