import {
	businessNumberOf,
	corporateNumberOf,
	numberCharactersOf,
} from '../../../nodes/ClovaOcr/model/businessNumbers';

// NAVER's business registration number and Samsung Electronics' corporate registration number,
// as the companies publish them (sources in test/unit/validation/business/businessNumber.test.ts).

describe('businessNumberOf', () => {
	test.each<[string, string, string | null]>([
		['hyphenated', '220-81-62517', '220-81-62517'],
		['plain digits', '2208162517', '220-81-62517'],
		['spaces', '220 81 62517', '220-81-62517'],
		['dots', '220.81.62517', '220-81-62517'],
		['spaces around separators', ' 220 - 81 - 62517 ', '220-81-62517'],
		['other dashes', '220–81—62517', '220-81-62517'],
		['ideographic space and tab', '220\u300081\t62517', '220-81-62517'],
		['separators anywhere', '2-2-0-8-1-6-2-5-1-7', '220-81-62517'],
		['9 digits', '220-81-6251', null],
		['11 digits', '220-81-625170', null],
		['13 digits', '130111-0006246', null],
		['masked digit', '220-81-6251*', null],
		['a letter (no look-alike reading here)', '220-81-6251O', null],
		['full-width digits are not read', '２２０-８１-６２５１７', null],
		['a label', '등록번호 220-81-62517', null],
		['slash', '220/81/62517', null],
		['empty', '', null],
		['spaces only', '   ', null],
	])('%s', (_name, text, expected) => {
		expect(businessNumberOf(text)).toBe(expected);
	});
});

describe('corporateNumberOf', () => {
	test.each<[string, string, string | null]>([
		['hyphenated', '130111-0006246', '130111-0006246'],
		['plain digits', '1301110006246', '130111-0006246'],
		['spaces and dots', '130111 . 0006246', '130111-0006246'],
		['12 digits', '130111-000624', null],
		['14 digits', '130111-00062460', null],
		['10 digits', '220-81-62517', null],
		['masked', '130111-*******', null],
		['a letter', '130111-OOO6246', null],
		['empty', '', null],
	])('%s', (_name, text, expected) => {
		expect(corporateNumberOf(text)).toBe(expected);
	});
});

describe('numberCharactersOf', () => {
	test.each<[string, string, number, string | null]>([
		['digits and masks, separators dropped', '220-81-*****', 10, '22081*****'],
		['fewer than the limit', '12-3', 10, '123'],
		['one over the limit', '12345678901', 10, null],
		['anything else', '12a', 10, null],
		['empty', '', 10, ''],
	])('%s', (_name, text, maxLength, expected) => {
		expect(numberCharactersOf(text, maxLength)).toBe(expected);
	});

	test('stops at the first character past the limit or out of place, without a regex', () => {
		const exec = jest.spyOn(RegExp.prototype, 'exec');
		try {
			expect(numberCharactersOf('1'.repeat(100_000), 13)).toBeNull();
			expect(businessNumberOf(`x${' '.repeat(100_000)}`)).toBeNull();
			expect(exec).not.toHaveBeenCalled();
		} finally {
			exec.mockRestore();
		}
	});
});
