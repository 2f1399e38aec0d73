import { validateDocument } from '../../../nodes/ClovaOcr/validation/documentValidation';
import type {
	DocumentValidationResult,
	ValidationContext,
} from '../../../nodes/ClovaOcr/validation/types';

/*
 * Synthetic numbers; check digits computed as described in rrn.test.ts:
 * 800101-123456 → 0, 000229-423456 → 6, 050607-712345 → 7.
 */
const DOCUMENTED_TYPE =
	'1종대형 1종보통 1종소형 특수(대형견인,소형견인, 구난) 2종보통 2종소형 원동기';
const ALL_DOCUMENTED_CLASSES = [
	'1종대형',
	'1종보통',
	'1종소형',
	'1종특수(대형견인)',
	'1종특수(소형견인)',
	'1종특수(구난)',
	'2종보통',
	'2종소형',
	'2종원동기',
];

// The driver's license example of the API reference, values as the node normalizes them.
const DOCUMENTED_LICENSE: Record<string, string[]> = {
	type: [DOCUMENTED_TYPE],
	num: ['**-**-******-**'],
	name: ['홍**'],
	personalNum: ['******-*******'],
	address: ['서울시 ***'],
	renewStartDate: ['2029.01.01'],
	renewEndDate: ['2029 12.31'],
	condition: ['건 8'],
	code: ['H1***'],
	issueDate: ['2019.09.10'],
	authority: ['서울지방경찰청장'],
};

const SYNTHETIC_LICENSE: Record<string, string[]> = {
	type: ['1종보통 2종소형'],
	num: ['11-99-123456-61'],
	personalNum: ['800101-1234560'],
	renewStartDate: ['2029-01-01'],
	renewEndDate: ['2029-12-31'],
	issueDate: ['2019-09-10'],
	authority: ['서울지방경찰청장'],
};

const LICENSE_CHECKS_ALL_PASS = {
	personalNumFormat: true,
	personalNumDate: true,
	personalNumChecksum: true,
	issueDateValid: true,
	issueDateNotFuture: true,
	issueAfterBirth: true,
	authority: true,
	licenseNumber: true,
	licenseClasses: true,
	renewStartDateValid: true,
	renewEndDateValid: true,
	renewalWindow: true,
	renewalNotOverdue: true,
	licenseYearVsBirth: true,
	licenseYearVsIssueDate: true,
};

const SYNTHETIC_PASSPORT: Record<string, string[]> = {
	num: ['M123A4567'],
	birthDate: ['1980-01-01'],
	sex: ['M'],
	issueDate: ['2020-01-02'],
	expireDate: ['2030-01-02'],
};

const PASSPORT_CHECKS_WITH_BACK_HALF = {
	issueDateValid: true,
	issueDateNotFuture: true,
	issueAfterBirth: true,
	passportNumber: true,
	birthDateValid: true,
	expireDateValid: true,
	personalNumFormat: true,
	personalNumCentury: true,
	personalNumSex: true,
};

function ctx(
	documentType: ValidationContext['documentType'],
	fields: Record<string, string[]>,
	runDate = '2024-06-01',
): ValidationContext {
	return { documentType, runDate, fields };
}

describe('validateDocument', () => {
	test.each<[string, ValidationContext, DocumentValidationResult]>([
		[
			'documented driver license example (masked)',
			ctx('driverLicense', DOCUMENTED_LICENSE),
			{
				valid: null,
				warnings: [],
				checks: {
					...LICENSE_CHECKS_ALL_PASS,
					personalNumDate: null,
					personalNumChecksum: null,
					issueAfterBirth: null,
					licenseNumber: null,
					licenseYearVsBirth: null,
					licenseYearVsIssueDate: null,
				},
				licenseClasses: ALL_DOCUMENTED_CLASSES,
				renewalOverdue: false,
				birthDate: null,
				sex: null,
			},
		],
		[
			'synthetic driver license, all checks pass',
			ctx('driverLicense', SYNTHETIC_LICENSE),
			{
				valid: true,
				warnings: [],
				checks: LICENSE_CHECKS_ALL_PASS,
				licenseClasses: ['1종보통', '2종소형'],
				renewalOverdue: false,
				birthDate: '1980-01-01',
				sex: 'male',
			},
		],
		[
			'old region-name license number',
			ctx('driverLicense', { ...SYNTHETIC_LICENSE, num: ['서울 99-123456-61'] }),
			{
				valid: true,
				warnings: [],
				checks: LICENSE_CHECKS_ALL_PASS,
				licenseClasses: ['1종보통', '2종소형'],
				renewalOverdue: false,
				birthDate: '1980-01-01',
				sex: 'male',
			},
		],
		[
			'advisory findings (checksum, old authority name) are notes; overdue stays a warning',
			ctx(
				'driverLicense',
				{
					...SYNTHETIC_LICENSE,
					personalNum: ['800101-1234561'],
					issueDate: ['2021.03.02'],
					renewStartDate: ['2031.01.01'],
					renewEndDate: ['2031.12.31'],
				},
				'2032-01-15',
			),
			{
				valid: true,
				warnings: ['renewEndDate: renewal overdue since the end of the window'],
				notes: [
					'personalNum: checksum does not match (numbers issued since 2020-10-05 have none)',
					'authority: pre-2021 agency name on a card issued on or after 2021-01-01',
				],
				checks: {
					...LICENSE_CHECKS_ALL_PASS,
					personalNumChecksum: false,
					renewalNotOverdue: false,
				},
				licenseClasses: ['1종보통', '2종소형'],
				renewalOverdue: true,
				birthDate: '1980-01-01',
				sex: 'male',
			},
		],
		[
			'certain failures: region 27, class token, licensed at 10, window reversed',
			ctx('driverLicense', {
				...SYNTHETIC_LICENSE,
				num: ['27-90-123456-61'],
				type: ['1종보통 2종대형'],
				renewStartDate: ['2030.01.01'],
			}),
			{
				valid: false,
				warnings: [
					'num: unknown region code',
					'type: token 2 is not a known license class',
					'renewEndDate: renewal window ends before it starts',
					'num: first-licensed year is less than 16 years after the birth year',
				],
				checks: {
					...LICENSE_CHECKS_ALL_PASS,
					licenseNumber: false,
					licenseClasses: false,
					renewalWindow: false,
					licenseYearVsBirth: false,
				},
				licenseClasses: ['1종보통'],
				renewalOverdue: false,
				birthDate: '1980-01-01',
				sex: 'male',
			},
		],
		[
			'license first issued after this card',
			ctx('driverLicense', { ...SYNTHETIC_LICENSE, num: ['11-20-123456-61'] }),
			{
				valid: false,
				warnings: ['num: first-licensed year is after the issue date'],
				checks: { ...LICENSE_CHECKS_ALL_PASS, licenseYearVsIssueDate: false },
				licenseClasses: ['1종보통', '2종소형'],
				renewalOverdue: false,
				birthDate: '1980-01-01',
				sex: 'male',
			},
		],
		[
			'leap-day birth on a license, impossible issue date',
			ctx('driverLicense', {
				...SYNTHETIC_LICENSE,
				personalNum: ['000229-4234566'],
				num: ['11-19-123456-61'],
				issueDate: ['2019.02.29'],
			}),
			{
				valid: false,
				warnings: ['issueDate: not a real calendar date'],
				checks: {
					...LICENSE_CHECKS_ALL_PASS,
					issueDateValid: false,
					issueDateNotFuture: null,
					issueAfterBirth: null,
					licenseYearVsIssueDate: null,
				},
				licenseClasses: ['1종보통', '2종소형'],
				renewalOverdue: false,
				birthDate: '2000-02-29',
				sex: 'female',
			},
		],
		[
			'documented resident card example (masked)',
			ctx('idCard', {
				name: ['홍**'],
				personalNum: ['800***-234****'],
				address: ['서울특별시 ***'],
				issueDate: ['2020.08.16'],
				authority: ['서울특별시 **구청장'],
			}),
			{
				valid: null,
				warnings: [],
				checks: {
					personalNumFormat: true,
					personalNumDate: null,
					personalNumChecksum: null,
					issueDateValid: true,
					issueDateNotFuture: true,
					issueAfterBirth: null,
					authority: null,
				},
				birthDate: null,
				sex: 'female',
			},
		],
		[
			'synthetic resident card, leap-day birth 2000',
			ctx('idCard', {
				personalNum: ['000229-4234566'],
				issueDate: ['2018-03-01'],
				authority: ['서울특별시 종로구청장'],
			}),
			{
				valid: true,
				warnings: [],
				checks: {
					personalNumFormat: true,
					personalNumDate: true,
					personalNumChecksum: true,
					issueDateValid: true,
					issueDateNotFuture: true,
					issueAfterBirth: true,
					authority: true,
				},
				birthDate: '2000-02-29',
				sex: 'female',
			},
		],
		[
			'resident card: 1900-02-29 and an issue date after the run date',
			ctx('idCard', {
				personalNum: ['000229-2234568'],
				issueDate: ['2024.06.02'],
				authority: ['서울특별시 종로구청장'],
			}),
			{
				valid: false,
				warnings: [
					'personalNum: birth date is not a real calendar date',
					'issueDate: after the run date',
				],
				checks: {
					personalNumFormat: true,
					personalNumDate: false,
					personalNumChecksum: null,
					issueDateValid: true,
					issueDateNotFuture: false,
					issueAfterBirth: null,
					authority: true,
				},
				birthDate: null,
				sex: 'female',
			},
		],
		[
			'resident card issued before birth',
			ctx('idCard', {
				personalNum: ['800101-1234560'],
				issueDate: ['1979.12.31'],
				authority: ['서울특별시 종로구청장'],
			}),
			{
				valid: false,
				warnings: ['issueDate: issue date is not after the birth date'],
				checks: {
					personalNumFormat: true,
					personalNumDate: true,
					personalNumChecksum: true,
					issueDateValid: true,
					issueDateNotFuture: true,
					issueAfterBirth: false,
					authority: true,
				},
				birthDate: '1980-01-01',
				sex: 'male',
			},
		],
		[
			'alien registration card, G=7',
			ctx('alienRegistrationCard', { alienRegNum: ['050607-7123457'], issueDate: ['2023.01.05'] }),
			{
				valid: true,
				warnings: [],
				checks: {
					alienRegNumFormat: true,
					alienRegNumDate: true,
					alienRegNumChecksum: true,
					issueDateValid: true,
					issueDateNotFuture: true,
					issueAfterBirth: true,
				},
				birthDate: '2005-06-07',
				sex: 'male',
			},
		],
		[
			'passport: its own checks, no license or registration number checks',
			ctx('passport', {
				num: ['M123A4567'],
				type: ['PM'],
				birthDate: ['1980-01-01'],
				issueDate: ['2020-01-02'],
				expireDate: ['2030-01-02'],
			}),
			{
				valid: true,
				warnings: [],
				checks: {
					issueDateValid: true,
					issueDateNotFuture: true,
					issueAfterBirth: true,
					passportNumber: true,
					birthDateValid: true,
					expireDateValid: true,
				},
				expired: false,
				birthDate: '1980-01-01',
				sex: null,
			},
		],
		[
			'passport with the back half of the registration number: checked, the checks pass',
			ctx('passport', { ...SYNTHETIC_PASSPORT, personalNum: ['1234567'] }),
			{
				valid: true,
				warnings: [],
				checks: PASSPORT_CHECKS_WITH_BACK_HALF,
				expired: false,
				birthDate: '1980-01-01',
				sex: null,
			},
		],
		[
			'passport: a back half of another century and sex is in the document review',
			ctx('passport', { ...SYNTHETIC_PASSPORT, personalNum: ['4234567'] }),
			{
				valid: false,
				warnings: [
					"personalNum: gender digit does not match the birth date's century",
					'personalNum: gender digit does not match the sex field',
				],
				checks: {
					...PASSPORT_CHECKS_WITH_BACK_HALF,
					personalNumCentury: false,
					personalNumSex: false,
				},
				expired: false,
				birthDate: '1980-01-01',
				sex: null,
			},
		],
		[
			'passport: a whole registration number where the back half belongs',
			ctx('passport', { ...SYNTHETIC_PASSPORT, personalNum: ['800101-1234560'] }),
			{
				valid: false,
				warnings: ['personalNum: not the back half of a registration number (7 digits)'],
				checks: {
					...PASSPORT_CHECKS_WITH_BACK_HALF,
					personalNumFormat: false,
					personalNumCentury: null,
					personalNumSex: null,
				},
				expired: false,
				birthDate: '1980-01-01',
				sex: null,
			},
		],
		[
			'passport: a masked gender digit leaves the back half unknown',
			ctx('passport', { ...SYNTHETIC_PASSPORT, personalNum: ['*******'] }),
			{
				valid: null,
				warnings: [],
				checks: {
					...PASSPORT_CHECKS_WITH_BACK_HALF,
					personalNumCentury: null,
					personalNumSex: null,
				},
				expired: false,
				birthDate: '1980-01-01',
				sex: null,
			},
		],
		[
			'unknown document without fields',
			ctx('unknown', {}),
			{
				valid: null,
				warnings: [],
				checks: {
					personalNumFormat: null,
					personalNumDate: null,
					personalNumChecksum: null,
					issueDateValid: null,
					issueDateNotFuture: null,
					issueAfterBirth: null,
				},
				birthDate: null,
				sex: null,
			},
		],
		[
			'invalid run date',
			ctx(
				'idCard',
				{
					personalNum: ['800101-1234560'],
					issueDate: ['2018-03-01'],
					authority: ['서울특별시 종로구청장'],
				},
				'2024-13-01',
			),
			{
				valid: null,
				warnings: ['runDate: not a valid YYYY-MM-DD date'],
				checks: {
					personalNumFormat: true,
					personalNumDate: true,
					personalNumChecksum: true,
					issueDateValid: true,
					issueDateNotFuture: null,
					issueAfterBirth: true,
					authority: true,
				},
				birthDate: '1980-01-01',
				sex: 'male',
			},
		],
	])('%s', (_name, context, expected) => {
		expect(validateDocument(context)).toEqual(expected);
	});

	test('warnings and notes never contain the recognized values', () => {
		const fields = {
			...SYNTHETIC_LICENSE,
			personalNum: ['800101-1234561'],
			num: ['27-90-123456-61'],
			type: ['1종보통 2종대형'],
			issueDate: ['2021.03.02'],
		};
		const result = validateDocument(ctx('driverLicense', fields, '2032-01-15'));
		const findings = [...result.warnings, ...(result.notes ?? [])];
		expect([result.warnings.length, findings.length]).toEqual([4, 6]);
		const values = Object.values(fields).flat();
		const leaks = findings.filter((warning) =>
			values.some((value) => warning.includes(value) || warning.includes(value.slice(0, 6))),
		);
		expect(leaks).toEqual([]);
	});
});
