import type { CheckResult } from '../../../../nodes/ClovaOcr/validation/checkResult';
import {
	checkTaxTypeAgainstNumber,
	middleCodeKindOf,
	readTaxType,
	type MiddleCodeKind,
	type TaxTypeInput,
	type TaxTypeKind,
} from '../../../../nodes/ClovaOcr/validation/business/taxType';

/*
 * Corporation numbers are published ones (sources in businessNumber.test.ts): 220-81-62517
 * (81), 116-82-00276 (82), 221-83-01195 (83), 113-85-26486 (85). Individuals' numbers are
 * synthetic, with the check digit computed: 123-45-6789? → 1, 123-90-6789? → 1,
 * 123-80-6789? → 2, 123-89-6789? → 5, 123-00-6789? → 0.
 */
const TAXABLE_INDIVIDUAL = '123-45-67891';
const TAX_EXEMPT_INDIVIDUAL = '123-90-67891';
const CORPORATION = '220-81-62517';

const EXEMPT_BUT_TAXABLE_CODE =
	"taxType: tax-exempt, but the business registration number's middle code is for taxable individuals";
const TAXABLE_BUT_EXEMPT_CODE =
	"taxType: taxable individual, but the business registration number's middle code is for tax-exempt individuals";
const TAXABLE_BUT_NOT_INDIVIDUAL =
	"taxType: taxable individual, but the business registration number's middle code is not for an individual";
const CORPORATION_BUT_INDIVIDUAL =
	"taxType: corporation, but the business registration number's middle code is for an individual";
const CORP_NUMBER_BUT_INDIVIDUAL =
	"corpRegisterNum: present, but the business registration number's middle code is for an individual";

describe('middleCodeKindOf', () => {
	test.each<[string, MiddleCodeKind | null]>([
		['00', null],
		['01', 'individualTaxable'],
		['45', 'individualTaxable'],
		['79', 'individualTaxable'],
		['80', 'individualOther'],
		['81', 'forProfitHeadOffice'],
		['82', 'nonProfitCorporation'],
		['83', 'government'],
		['84', 'foreignCorporation'],
		['85', 'forProfitBranch'],
		['86', 'forProfitHeadOffice'],
		['87', 'forProfitHeadOffice'],
		['88', 'forProfitHeadOffice'],
		['89', 'religiousGroup'],
		['90', 'individualTaxExempt'],
		['99', 'individualTaxExempt'],
		['8', null],
		['8a', null],
		['', null],
	])('%s → %s', (code, expected) => {
		expect(middleCodeKindOf(code)).toBe(expected);
	});
});

describe('readTaxType', () => {
	test.each<[string, TaxTypeKind | null]>([
		['일반과세자', 'general'],
		['(일반과세자)', 'general'],
		['일 반 과 세 자', 'general'],
		['간이과세자', 'simplified'],
		['면세사업자', 'taxExempt'],
		['법인사업자', 'corporation'],
		['( 법인사업자 )', 'corporation'],
		['과세특례자', null],
		['사업자등록증', null],
		['', null],
	])('%s → %s', (text, expected) => {
		expect(readTaxType(text)).toBe(expected);
	});
});

describe('checkTaxTypeAgainstNumber', () => {
	const input = (overrides: Partial<TaxTypeInput>): TaxTypeInput => ({
		taxType: null,
		registerNumber: null,
		corpRegisterNum: null,
		...overrides,
	});
	const AGREES: CheckResult = { valid: true, warnings: [] };
	const UNKNOWN: CheckResult = { valid: null, warnings: [] };
	const mismatch = (...notes: string[]): CheckResult => ({ valid: false, warnings: [], notes });

	test.each<[string, TaxTypeInput, CheckResult]>([
		// agreeing
		[
			'general, 01-79',
			input({ taxType: '일반과세자', registerNumber: TAXABLE_INDIVIDUAL }),
			AGREES,
		],
		[
			'simplified, 01-79',
			input({ taxType: '간이과세자', registerNumber: TAXABLE_INDIVIDUAL }),
			AGREES,
		],
		[
			'tax-exempt, 90-99',
			input({ taxType: '면세사업자', registerNumber: TAX_EXEMPT_INDIVIDUAL }),
			AGREES,
		],
		[
			'corporation, 81, with its corporate number',
			input({
				taxType: '법인사업자',
				registerNumber: '124-81-00998',
				corpRegisterNum: '130111-0006246',
			}),
			AGREES,
		],
		['corporation, 82', input({ taxType: '법인사업자', registerNumber: '116-82-00276' }), AGREES],
		['corporation, 85', input({ taxType: '법인사업자', registerNumber: '113-85-26486' }), AGREES],
		[
			'corporate number only, corporation code',
			input({ registerNumber: '124-81-00998', corpRegisterNum: '130111-0006246' }),
			AGREES,
		],
		// mismatches: notes, never warnings
		[
			'tax-exempt, but 01-79',
			input({ taxType: '면세사업자', registerNumber: TAXABLE_INDIVIDUAL }),
			mismatch(EXEMPT_BUT_TAXABLE_CODE),
		],
		[
			'general, but 90-99',
			input({ taxType: '일반과세자', registerNumber: TAX_EXEMPT_INDIVIDUAL }),
			mismatch(TAXABLE_BUT_EXEMPT_CODE),
		],
		[
			'simplified, but a corporation code',
			input({ taxType: '간이과세자', registerNumber: CORPORATION }),
			mismatch(TAXABLE_BUT_NOT_INDIVIDUAL),
		],
		[
			'general, but a government code',
			input({ taxType: '일반과세자', registerNumber: '221-83-01195' }),
			mismatch(TAXABLE_BUT_NOT_INDIVIDUAL),
		],
		[
			'corporation, but 01-79',
			input({ taxType: '법인사업자', registerNumber: TAXABLE_INDIVIDUAL }),
			mismatch(CORPORATION_BUT_INDIVIDUAL),
		],
		[
			'a corporate number with an individual code',
			input({
				taxType: '일반과세자',
				registerNumber: TAXABLE_INDIVIDUAL,
				corpRegisterNum: '130111-0006246',
			}),
			mismatch(CORP_NUMBER_BUT_INDIVIDUAL),
		],
		[
			'a corporate number, even masked, with a religious-group code (89)',
			input({ registerNumber: '123-89-67895', corpRegisterNum: '130111-*******' }),
			mismatch(CORP_NUMBER_BUT_INDIVIDUAL),
		],
		[
			'both mismatches at once',
			input({
				taxType: '법인사업자',
				registerNumber: '123-80-67892',
				corpRegisterNum: '130111-0006246',
			}),
			mismatch(CORPORATION_BUT_INDIVIDUAL, CORP_NUMBER_BUT_INDIVIDUAL),
		],
		// nothing to compare
		['no tax type, no corporate number', input({ registerNumber: CORPORATION }), UNKNOWN],
		[
			'unreadable tax type',
			input({ taxType: '과세특례자', registerNumber: TAXABLE_INDIVIDUAL }),
			UNKNOWN,
		],
		['no number', input({ taxType: '면세사업자' }), UNKNOWN],
		[
			'number not 10 digits',
			input({ taxType: '면세사업자', registerNumber: '123-45-6789' }),
			UNKNOWN,
		],
		['masked number', input({ taxType: '면세사업자', registerNumber: '123-45-*****' }), UNKNOWN],
		['middle code 00', input({ taxType: '면세사업자', registerNumber: '123-00-67890' }), UNKNOWN],
		[
			'an empty corporate number is absent',
			input({ registerNumber: TAXABLE_INDIVIDUAL, corpRegisterNum: '  ' }),
			UNKNOWN,
		],
	])('%s', (_name, given, expected) => {
		expect(checkTaxTypeAgainstNumber(given)).toEqual(expected);
	});

	test('the middle code is read whatever the check digit says (the check digit is checked elsewhere)', () => {
		expect(
			checkTaxTypeAgainstNumber(input({ taxType: '면세사업자', registerNumber: '123-45-67890' })),
		).toEqual(mismatch(EXEMPT_BUT_TAXABLE_CODE));
	});
});
