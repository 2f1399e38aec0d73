import {
	checkIssueAfterBirth,
	checkLicenseYearAgainstBirth,
	checkLicenseYearAgainstIssueDate,
	resolveFirstLicensedYear,
} from '../../../nodes/ClovaOcr/validation/crossChecks';

describe('resolveFirstLicensedYear', () => {
	test.each([
		[1980, '99', 1999],
		[1980, '05', 2005],
		[1980, '80', 1980],
		[1999, '05', 2005],
		[1885, '05', 1905],
		[2000, '00', 2000],
	])('born %i, YY %s → %i', (birthYear, yy, expected) => {
		expect(resolveFirstLicensedYear(birthYear, yy)).toBe(expected);
	});
});

describe('checkLicenseYearAgainstBirth', () => {
	const UNDER_16 = 'first-licensed year is less than 16 years after the birth year';
	test.each<
		[
			string,
			string | null,
			string | null,
			string | null,
			ReturnType<typeof checkLicenseYearAgainstBirth>,
		]
	>([
		[
			'licensed at 19',
			'1980-01-01',
			'99',
			'2024-06-01',
			{ valid: true, warnings: [], firstLicensedYear: 1999 },
		],
		[
			'licensed in the year of turning 16',
			'1980-12-31',
			'96',
			'2024-06-01',
			{ valid: true, warnings: [], firstLicensedYear: 1996 },
		],
		[
			'licensed at 15 at most',
			'1980-01-01',
			'95',
			'2024-06-01',
			{ valid: false, warnings: [UNDER_16], firstLicensedYear: 1995 },
		],
		[
			'leap-day birth, licensed at 10',
			'2000-02-29',
			'10',
			'2024-06-01',
			{ valid: false, warnings: [UNDER_16], firstLicensedYear: 2010 },
		],
		[
			'same two digits as the birth year',
			'1980-05-05',
			'80',
			'2024-06-01',
			{ valid: false, warnings: [UNDER_16], firstLicensedYear: 1980 },
		],
		[
			'first licensed in the future',
			'2005-06-07',
			'30',
			'2024-06-01',
			{
				valid: false,
				warnings: ['first-licensed year is after the run date'],
				firstLicensedYear: 2030,
			},
		],
		[
			'no run date: future not checked',
			'2005-06-07',
			'30',
			null,
			{ valid: true, warnings: [], firstLicensedYear: 2030 },
		],
		[
			'birth date unknown',
			null,
			'19',
			'2024-06-01',
			{ valid: null, warnings: [], firstLicensedYear: null },
		],
		[
			'year masked',
			'1980-01-01',
			null,
			'2024-06-01',
			{ valid: null, warnings: [], firstLicensedYear: null },
		],
	])('%s', (_name, birthDate, yy, runDate, expected) => {
		expect(checkLicenseYearAgainstBirth(birthDate, yy, runDate)).toEqual(expected);
	});
});

describe('checkLicenseYearAgainstIssueDate', () => {
	test.each<
		[string, number | null, string | null, ReturnType<typeof checkLicenseYearAgainstIssueDate>]
	>([
		['issued later', 1999, '2019-09-10', { valid: true, warnings: [] }],
		['issued in the first year', 2019, '2019-01-01', { valid: true, warnings: [] }],
		[
			'issued before first licensed',
			2020,
			'2019-09-10',
			{ valid: false, warnings: ['first-licensed year is after the issue date'] },
		],
		['year unknown', null, '2019-09-10', { valid: null, warnings: [] }],
		['issue date unknown', 1999, null, { valid: null, warnings: [] }],
	])('%s', (_name, year, issueDate, expected) => {
		expect(checkLicenseYearAgainstIssueDate(year, issueDate)).toEqual(expected);
	});
});

describe('checkIssueAfterBirth', () => {
	test.each<[string, string | null, string | null, ReturnType<typeof checkIssueAfterBirth>]>([
		['after birth', '1980-01-01', '2019-09-10', { valid: true, warnings: [] }],
		[
			'on the birth date',
			'1980-01-01',
			'1980-01-01',
			{ valid: false, warnings: ['issue date is not after the birth date'] },
		],
		[
			'before birth',
			'1980-01-01',
			'1979-12-31',
			{ valid: false, warnings: ['issue date is not after the birth date'] },
		],
		['birth unknown', null, '2019-09-10', { valid: null, warnings: [] }],
		['issue unknown', '1980-01-01', null, { valid: null, warnings: [] }],
	])('%s', (_name, birthDate, issueDate, expected) => {
		expect(checkIssueAfterBirth(birthDate, issueDate)).toEqual(expected);
	});
});
