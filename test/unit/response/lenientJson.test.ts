import {
	parseLenientJson,
	stripTrailingCommas,
} from '../../../nodes/ClovaOcr/response/lenientJson';
import { clovaFixtureText } from '../../fixtures/clovaFixtures';

describe('stripTrailingCommas', () => {
	test.each([
		['{"a":[1,2,],}', '{"a":[1,2]}'],
		['{"a": [ {"b": 1} ,\n ] }', '{"a": [ {"b": 1} \n ] }'],
		['{"text":"a,]b,}","n":1,}', '{"text":"a,]b,}","n":1}'],
		['{"text":"quote \\" ,}","n":1}', '{"text":"quote \\" ,}","n":1}'],
		['[1,2]', '[1,2]'],
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
