import {
	businessFieldChecksOf,
	validateBusinessDocument,
} from '../../../../nodes/ClovaOcr/validation/business/businessDocumentValidation';
import type {
	DocumentValidationResult,
	ValidationContext,
} from '../../../../nodes/ClovaOcr/validation/types';

/*
 * Business and corporate numbers are published ones (sources in businessNumber.test.ts and
 * corporateNumber.test.ts); names, addresses and the individual's number are synthetic:
 * 123-45-6789? → 1, 123-90-6789? → 1; 800101-123456 → 0 (rrn.test.ts).
 */

// The business rules read only runDate and fields, never documentType.
function context(fields: Record<string, string[]>, runDate = '2024-06-01'): ValidationContext {
	return { documentType: 'unknown', runDate, fields };
}

function validate(given: ValidationContext): DocumentValidationResult {
	return validateBusinessDocument(given, businessFieldChecksOf(given));
}

const CORPORATION: Record<string, string[]> = {
	documentType: ['사업자등록증'],
	taxType: ['법인사업자'],
	registerNumber: ['124-81-00998'],
	corpName: ['삼성전자 주식회사'],
	repName: ['홍길동'],
	openDate: ['1969 년 01 월 13 일'],
	corpRegisterNum: ['130111-0006246'],
	bisAddress: ['경기도 수원시 영통구 삼성로 129'],
	headAddress: ['경기도 수원시 영통구 삼성로 129'],
	bisType: ['제조업'],
	bisItem: ['전자부품'],
	issuanceDate: ['2020 년 03 월 05 일'],
};

const CORPORATION_CHECKS = {
	registerNumberFormat: true,
	registerNumberCheckDigit: true,
	corpRegisterNumFormat: true,
	corpRegisterNumCheckDigit: true,
	openDateValid: true,
	openDateNotAfterIssuance: true,
	openDateNotAfterRunDate: true,
	issuanceDateValid: true,
	issuanceNotAfterRunDate: true,
	taxTypeMatchesNumber: true,
};

const INDIVIDUAL: Record<string, string[]> = {
	taxType: ['일반과세자'],
	registerNumber: ['123-45-67891'],
	companyName: ['견본상회'],
	repName: ['홍길동'],
	birth: ['1980 년 01 월 01 일'],
	socialNumber: ['800101-1234560'],
	openDate: ['2018.05.10'],
	issuanceDate: ['2018.05.14'],
};

const INDIVIDUAL_CHECKS = {
	registerNumberFormat: true,
	registerNumberCheckDigit: true,
	birthValid: true,
	socialNumber: true,
	openDateValid: true,
	openDateNotAfterIssuance: true,
	openDateNotAfterRunDate: true,
	issuanceDateValid: true,
	issuanceNotAfterRunDate: true,
	taxTypeMatchesNumber: true,
};

describe('validateBusinessDocument', () => {
	test('a corporation certificate, all checks passing', () => {
		expect(validate(context(CORPORATION))).toEqual({
			valid: true,
			warnings: [],
			checks: CORPORATION_CHECKS,
		});
	});

	test("an individual's certificate: birth and socialNumber checked, no corporate number", () => {
		expect(validate(context(INDIVIDUAL))).toEqual({
			valid: true,
			warnings: [],
			checks: INDIVIDUAL_CHECKS,
		});
	});

	test.each<[string, Record<string, string[]>, string, DocumentValidationResult]>([
		[
			'registerNumber check digit fails',
			{ ...CORPORATION, registerNumber: ['124-81-00997'] },
			'2024-06-01',
			{
				valid: false,
				warnings: ['registerNumber: check digit does not match'],
				checks: { ...CORPORATION_CHECKS, registerNumberCheckDigit: false },
			},
		],
		[
			'registerNumber missing: a warning, and the document cannot be told valid',
			{ ...CORPORATION, registerNumber: [] },
			'2024-06-01',
			{
				valid: null,
				warnings: ['registerNumber: missing'],
				checks: {
					...CORPORATION_CHECKS,
					registerNumberFormat: null,
					registerNumberCheckDigit: null,
					taxTypeMatchesNumber: null,
				},
			},
		],
		[
			'registerNumber blank is missing too',
			{ ...CORPORATION, registerNumber: ['', ' '] },
			'2024-06-01',
			{
				valid: null,
				warnings: ['registerNumber: missing'],
				checks: {
					...CORPORATION_CHECKS,
					registerNumberFormat: null,
					registerNumberCheckDigit: null,
					taxTypeMatchesNumber: null,
				},
			},
		],
		[
			'corpRegisterNum check digit fails',
			{ ...CORPORATION, corpRegisterNum: ['110111-1234567'] },
			'2024-06-01',
			{
				valid: false,
				warnings: ['corpRegisterNum: check digit does not match'],
				checks: { ...CORPORATION_CHECKS, corpRegisterNumCheckDigit: false },
			},
		],
		[
			'corpRegisterNum wrong shape',
			{ ...CORPORATION, corpRegisterNum: ['130111-000624'] },
			'2024-06-01',
			{
				valid: false,
				warnings: ['corpRegisterNum: not in the NNNNNN-NNNNNNN shape (13 digits)'],
				checks: {
					...CORPORATION_CHECKS,
					corpRegisterNumFormat: false,
					corpRegisterNumCheckDigit: null,
				},
			},
		],
		[
			'openDate after the issuance date',
			{ ...CORPORATION, openDate: ['2020 년 03 월 06 일'] },
			'2024-06-01',
			{
				valid: false,
				warnings: ['openDate: after the issuance date'],
				checks: { ...CORPORATION_CHECKS, openDateNotAfterIssuance: false },
			},
		],
		[
			'issuance date after the run date (and so the open date after neither)',
			{ ...CORPORATION, issuanceDate: ['2024 년 06 월 02 일'] },
			'2024-06-01',
			{
				valid: false,
				warnings: ['issuanceDate: after the run date'],
				checks: { ...CORPORATION_CHECKS, issuanceNotAfterRunDate: false },
			},
		],
		[
			'openDate after the run date and the issuance date',
			{ ...CORPORATION, openDate: ['2024.06.02'] },
			'2024-06-01',
			{
				valid: false,
				warnings: ['openDate: after the issuance date', 'openDate: after the run date'],
				checks: {
					...CORPORATION_CHECKS,
					openDateNotAfterIssuance: false,
					openDateNotAfterRunDate: false,
				},
			},
		],
		[
			'openDate not a real date',
			{ ...CORPORATION, openDate: ['1969.02.30'] },
			'2024-06-01',
			{
				valid: false,
				warnings: ['openDate: not a real calendar date'],
				checks: {
					...CORPORATION_CHECKS,
					openDateValid: false,
					openDateNotAfterIssuance: null,
					openDateNotAfterRunDate: null,
				},
			},
		],
		[
			'issuanceDate missing: unknown',
			{ ...CORPORATION, issuanceDate: [] },
			'2024-06-01',
			{
				valid: null,
				warnings: [],
				checks: {
					...CORPORATION_CHECKS,
					issuanceDateValid: null,
					issuanceNotAfterRunDate: null,
					openDateNotAfterIssuance: null,
				},
			},
		],
		[
			'run date invalid',
			CORPORATION,
			'2024-13-01',
			{
				valid: null,
				warnings: ['runDate: not a valid YYYY-MM-DD date'],
				checks: {
					...CORPORATION_CHECKS,
					openDateNotAfterRunDate: null,
					issuanceNotAfterRunDate: null,
				},
			},
		],
	])('%s', (_name, fields, runDate, expected) => {
		expect(validate(context(fields, runDate))).toEqual(expected);
	});

	test('a tax-type mismatch is an advisory note: the document stays valid', () => {
		const result = validate(context({ ...INDIVIDUAL, taxType: ['면세사업자'] }));
		expect(result).toEqual({
			valid: true,
			warnings: [],
			notes: [
				"taxType: tax-exempt, but the business registration number's middle code is for taxable individuals",
			],
			checks: { ...INDIVIDUAL_CHECKS, taxTypeMatchesNumber: false },
		});
	});

	test('a corporate number on an individual code is a note too', () => {
		const result = validate(
			context({
				...INDIVIDUAL,
				taxType: ['면세사업자'],
				registerNumber: ['123-90-67891'],
				corpRegisterNum: ['130111-0006246'],
			}),
		);
		expect(result.valid).toBe(true);
		expect(result.checks.taxTypeMatchesNumber).toBe(false);
		expect(result.notes).toEqual([
			"corpRegisterNum: present, but the business registration number's middle code is for an individual",
		]);
	});

	test('a masked socialNumber cannot be told: the document is unknown, not invalid', () => {
		const result = validate(context({ ...INDIVIDUAL, socialNumber: ['800101-1******'] }));
		expect(result).toEqual({
			valid: null,
			warnings: [],
			checks: { ...INDIVIDUAL_CHECKS, socialNumber: null },
		});
	});

	test("a representative's registration number born after the run date fails", () => {
		const result = validate(context({ ...INDIVIDUAL, coRepSocialNum: ['250101-3123453'] }));
		expect(result.valid).toBe(false);
		expect(result.checks.coRepSocialNum).toBe(false);
		expect(result.warnings).toEqual(['coRepSocialNum: birth date is after the run date']);
	});

	test('the registration number checksum note is passed on, the document stays valid', () => {
		const result = validate(context({ ...INDIVIDUAL, socialNumber: ['800101-1234561'] }));
		expect(result.valid).toBe(true);
		expect(result.notes).toEqual([
			'socialNumber: checksum does not match (numbers issued since 2020-10-05 have none)',
		]);
	});

	test('uses the field checks it is given for warnings and notes (computed once per item)', () => {
		const given = context(CORPORATION);
		const fieldChecks = new Map(businessFieldChecksOf(given));
		fieldChecks.set('openDate', { valid: true, warnings: ['openDate: from the caller'] });
		expect(validateBusinessDocument(given, fieldChecks).warnings).toEqual([
			'openDate: from the caller',
		]);
	});

	test('warnings and notes never echo a value', () => {
		const fields = {
			...INDIVIDUAL,
			taxType: ['법인사업자'],
			registerNumber: ['123-45-67890'],
			corpRegisterNum: ['110111-1234567'],
			socialNumber: ['250101-3123453'],
			openDate: ['2024.06.02'],
		};
		const result = validate(context(fields));
		const values = Object.values(fields).flat();
		for (const text of [...result.warnings, ...(result.notes ?? [])]) {
			expect(text).toMatch(/^[A-Za-z]+: /);
			for (const value of values) expect(text).not.toContain(value);
			expect(text).not.toMatch(/\d{5}/);
		}
		expect(result.warnings.length).toBeGreaterThan(0);
		expect(result.notes?.length).toBeGreaterThan(0);
	});
});
