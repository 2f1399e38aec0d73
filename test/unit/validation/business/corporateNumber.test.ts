import fc from 'fast-check';

import {
	checkCorporateNumber,
	corporateCheckDigit,
	type CorporateNumberCheck,
} from '../../../../nodes/ClovaOcr/validation/business/corporateNumber';

/*
 * Published corporate registration numbers (법인등록번호):
 *   130111-0006246 Samsung Electronics, its company profile (종목코드 005930, 사업자등록번호
 *                  124-81-00998), as read in a public copy
 *   110111-2450031 Eduwill (㈜에듀윌), site footer beside 사업자등록번호 119-81-54852
 *   110111-4089606 Jacob F&B ((주)제이콥에프앤비), online shop footer beside 사업자 등록번호
 *                  560-87-00390
 *   110111-0062432 the worked example of the rule itself (법인 및 재외국민의
 *                  부동산등기용등록번호 부여에 관한 규칙, 오류검색번호 산출방식: 110111-006243 →
 *                  1+2+0+2+1+2+0+0+6+4+4+6 = 28 → 10 − 8 = 2), as quoted at allinfo.tistory.com/1283
 * 110111-1234567, a common placeholder, is not a valid number.
 */
const PUBLISHED = ['130111-0006246', '110111-2450031', '110111-4089606', '110111-0062432'];

const VALID = (number: string): CorporateNumberCheck => ({
	valid: true,
	warnings: [],
	number,
	checks: { format: true, checkDigit: true },
});

const BAD_CHECK_DIGIT = (number: string): CorporateNumberCheck => ({
	valid: false,
	warnings: ['check digit does not match'],
	number,
	checks: { format: true, checkDigit: false },
});

const BAD_SHAPE: CorporateNumberCheck = {
	valid: false,
	warnings: ['not in the NNNNNN-NNNNNNN shape (13 digits)'],
	number: null,
	checks: { format: false, checkDigit: null },
};

const UNKNOWN: CorporateNumberCheck = {
	valid: null,
	warnings: [],
	number: null,
	checks: { format: null, checkDigit: null },
};

describe('corporateCheckDigit', () => {
	test.each(PUBLISHED)('published %s', (number) => {
		const digits = number.replace('-', '');
		expect(corporateCheckDigit(digits.slice(0, 12))).toBe(Number(digits[12]));
	});
});

describe('checkCorporateNumber', () => {
	test.each(PUBLISHED)('published %s is valid', (number) => {
		expect(checkCorporateNumber(number)).toEqual(VALID(number));
	});

	test.each<[string, string, CorporateNumberCheck]>([
		['plain digits', '1301110006246', VALID('130111-0006246')],
		['spaces', ' 130111 - 0006246 ', VALID('130111-0006246')],
		['the usual placeholder', '110111-1234567', BAD_CHECK_DIGIT('110111-1234567')],
		['last digit changed', '130111-0006247', BAD_CHECK_DIGIT('130111-0006247')],
		['office digits swapped', '131011-0006246', BAD_CHECK_DIGIT('131011-0006246')],
		['serial digits swapped', '130111-0060246', BAD_CHECK_DIGIT('130111-0060246')],
		['last two digits swapped', '110111-2450013', BAD_CHECK_DIGIT('110111-2450013')],
		['12 digits', '130111-000624', BAD_SHAPE],
		['14 digits', '130111-00062460', BAD_SHAPE],
		['a business registration number', '124-81-00998', BAD_SHAPE],
		['masked', '130111-*******', UNKNOWN],
		['empty', '', UNKNOWN],
	])('%s', (_name, text, expected) => {
		expect(checkCorporateNumber(text)).toEqual(expected);
	});

	test('warnings never echo the number', () => {
		for (const text of ['130111-0006247', '130111-000624']) {
			for (const warning of checkCorporateNumber(text).warnings) {
				expect(warning).not.toMatch(/\d{3}/);
			}
		}
	});

	test('property: the computed check digit validates, every other last digit fails', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[0-9]{12}$/), (prefix) => {
				const check = corporateCheckDigit(prefix);
				for (let last = 0; last <= 9; last++) {
					expect(checkCorporateNumber(`${prefix}${last}`).valid).toBe(last === check);
				}
			}),
			{ numRuns: 300 },
		);
	});
});
