import fc from 'fast-check';

import {
	businessCheckDigit,
	checkBusinessNumber,
	middleCodeOf,
	type BusinessNumberCheck,
} from '../../../../nodes/ClovaOcr/validation/business/businessNumber';
import { MAX_FIELD_TEXT_LENGTH } from '../../../../nodes/ClovaOcr/validation/fieldTextLimit';

/*
 * Published business registration numbers (사업자등록번호). Online sellers must print theirs
 * (전자상거래법), so company sites show them in their footers; those footers were read in
 * public copies of the pages:
 *   220-81-62517 NAVER Corp. (네이버㈜), naver.com footer, beside 통신판매업신고번호
 *                2006-경기성남-0692호
 *   124-81-00998 Samsung Electronics (삼성전자 주식회사), samsung.com/sec footer, beside
 *                통신판매업 신고 2000-경기수원-0515; also its company profile with 법인등록번호
 *                130111-0006246
 *   120-81-47521 Kakao Corp. ((주)카카오), kakao footer, beside 통신판매업신고번호
 *                제2015-제주아라-0032호
 *   119-81-54852 Eduwill (㈜에듀윌), site footer, beside 법인등록번호 110111-2450031
 *   212-81-25544 emart, the receipt example of NAVER's CLOVA OCR API reference (storeInfo.bizNum)
 * and numbers read from certificate images, listed in python-stdnum issue #101
 * (github.com/arthurdejong/python-stdnum/issues/101), one per middle-code kind:
 *   116-82-00276 (82, non-profit corporation; also python-stdnum's own kr.brn example),
 *   221-83-01195 (83, state or local government), 113-85-26486 (85, corporation branch).
 * Worked check, 220-81-62517: 2·1+2·3+0·7+8·1+1·3+6·7+2·1+5·3+1·5 = 83, plus ⌊1·5/10⌋ = 0;
 * (10 − 83 mod 10) mod 10 = 7. The invalid rows change one digit or swap two of a valid one.
 */
const PUBLISHED = [
	'220-81-62517',
	'124-81-00998',
	'120-81-47521',
	'119-81-54852',
	'212-81-25544',
	'116-82-00276',
	'221-83-01195',
	'113-85-26486',
];

const VALID = (number: string): BusinessNumberCheck => ({
	valid: true,
	warnings: [],
	number,
	checks: { format: true, checkDigit: true },
});

const BAD_CHECK_DIGIT = (number: string): BusinessNumberCheck => ({
	valid: false,
	warnings: ['check digit does not match'],
	number,
	checks: { format: true, checkDigit: false },
});

const BAD_SHAPE: BusinessNumberCheck = {
	valid: false,
	warnings: ['not in the NNN-NN-NNNNN shape (10 digits)'],
	number: null,
	checks: { format: false, checkDigit: null },
};

const UNKNOWN: BusinessNumberCheck = {
	valid: null,
	warnings: [],
	number: null,
	checks: { format: null, checkDigit: null },
};

describe('businessCheckDigit', () => {
	test.each(PUBLISHED)('published %s', (number) => {
		const digits = number.replace(/-/g, '');
		expect(businessCheckDigit(digits.slice(0, 9))).toBe(Number(digits[9]));
	});

	test('the ninth digit counts once more as the tens of its product with 5', () => {
		// 124-81-00998: ninth digit 9, 9·5 = 45 adds 4 beyond the weighted sum.
		expect(businessCheckDigit('124810099')).toBe(8);
	});
});

describe('checkBusinessNumber', () => {
	test.each(PUBLISHED)('published %s is valid', (number) => {
		expect(checkBusinessNumber(number)).toEqual(VALID(number));
	});

	test.each<[string, string, BusinessNumberCheck]>([
		['plain digits', '2208162517', VALID('220-81-62517')],
		['spaces', ' 124 81 00998 ', VALID('124-81-00998')],
		['last digit changed', '220-81-62518', BAD_CHECK_DIGIT('220-81-62518')],
		['serial digit changed', '220-81-62617', BAD_CHECK_DIGIT('220-81-62617')],
		['office digits swapped', '202-81-62517', BAD_CHECK_DIGIT('202-81-62517')],
		['middle digits swapped', '124-18-00998', BAD_CHECK_DIGIT('124-18-00998')],
		['serial digits swapped', '120-81-45721', BAD_CHECK_DIGIT('120-81-45721')],
		['last two digits swapped', '120-81-47512', BAD_CHECK_DIGIT('120-81-47512')],
		['9 digits', '220-81-6251', BAD_SHAPE],
		['11 digits', '220-81-625170', BAD_SHAPE],
		['a corporate registration number', '130111-0006246', BAD_SHAPE],
		['a letter', '220-81-6251O', BAD_SHAPE],
		['masked', '220-81-*****', UNKNOWN],
		['masked but too long', '220-81-******', BAD_SHAPE],
		['empty', '', UNKNOWN],
		['spaces', '  ', UNKNOWN],
	])('%s', (_name, text, expected) => {
		expect(checkBusinessNumber(text)).toEqual(expected);
	});

	test('middle code 00 is a note (no kind of business has it), the number still valid', () => {
		// Synthetic: 123-00-6789? → check digit 0.
		expect(checkBusinessNumber('123-00-67890')).toEqual({
			...VALID('123-00-67890'),
			notes: ['middle code 00 is not in the National Tax Service numbering (01-99)'],
		});
	});

	test('warnings never echo the number', () => {
		for (const text of ['220-81-62518', '220-81-6251', '9876543210x']) {
			for (const warning of checkBusinessNumber(text).warnings) {
				expect(warning).not.toMatch(/\d{3}/);
			}
		}
	});

	test(`text over ${MAX_FIELD_TEXT_LENGTH} characters is not read`, () => {
		expect(checkBusinessNumber('220-81-62517'.padEnd(MAX_FIELD_TEXT_LENGTH))).toEqual(
			VALID('220-81-62517'),
		);
		expect(checkBusinessNumber('220-81-62517'.padEnd(MAX_FIELD_TEXT_LENGTH + 1))).toEqual(
			BAD_SHAPE,
		);
	});

	test('property: the computed check digit validates, every other last digit fails', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[0-9]{9}$/), (prefix) => {
				const check = businessCheckDigit(prefix);
				for (let last = 0; last <= 9; last++) {
					const result = checkBusinessNumber(`${prefix}${last}`);
					expect(result.checks.format).toBe(true);
					expect(result.checks.checkDigit).toBe(last === check);
					expect(result.valid).toBe(last === check);
				}
			}),
			{ numRuns: 500 },
		);
	});
});

describe('middleCodeOf', () => {
	test.each<[string, string | null]>([
		['220-81-62517', '81'],
		['2218301195', '83'],
		['123 90 67891', '90'],
		['220-81-6251', null],
		['220-81-*****', null],
		['', null],
	])('%s → %s', (text, expected) => {
		expect(middleCodeOf(text)).toBe(expected);
	});
});
