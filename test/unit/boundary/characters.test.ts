import { classOf, digitOf, isDigitLike } from '../../../nodes/ClovaOcr/boundary/characters';

describe('digitOf', () => {
	test.each([
		['7', '7'],
		['８', '8'],
		['٣', '3'],
		['۴', '4'],
		['७', '7'],
		['𝟓', '5'],
		['④', '4'],
		['O', '0'],
		['ㅇ', '0'],
		['l', '1'],
		['ｌ', '1'],
		['ㅣ', '1'],
		['Z', '2'],
		['З', '3'],
		['S', '5'],
		['b', '6'],
		['B', '8'],
		['g', '9'],
		['L', '1'],
		['d', null],
		['*', '*'],
		['＊', '*'],
		['x', null],
		['Ⅻ', '?'],
		['a', null],
		['-', null],
		['홍', null],
	])('%s', (char, digit) => {
		expect(digitOf(char)).toBe(digit);
	});
});

describe('classOf', () => {
	test.each([
		['1', 'position'],
		['*', 'position'],
		[' ', 'ignorable'],
		['\n', 'ignorable'],
		['\u200b', 'ignorable'],
		['\ufeff', 'ignorable'],
		['-', 'separator'],
		['–', 'separator'],
		['ㅡ', 'separator'],
		['.', 'separator'],
		['<', 'separator'],
		['－', 'separator'],
		['홍', 'other'],
		['a', 'other'],
	])('%p', (char, kind) => {
		expect(classOf(char)).toBe(kind);
	});

	test('a mask character is a position but not digit-like', () => {
		expect(isDigitLike('*')).toBe(false);
		expect(isDigitLike('I')).toBe(true);
	});
});
