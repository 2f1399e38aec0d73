import {
	checkRrn,
	readRrn,
	rrnCheckDigit,
	type RrnReading,
} from '../../../nodes/ClovaOcr/validation/rrn';

/*
 * Synthetic numbers only (serial 123456 / 23456 / 12345, not real people).
 * Check digit = (11 − Σ dᵢ·wᵢ mod 11) mod 10 with weights 2,3,4,5,6,7,8,9,2,3,4,5, e.g.
 * 800101-123456?: 8·2+0·3+0·4+1·5+0·6+1·7+1·8+2·9+3·2+4·3+5·4+6·5 = 122; 122 mod 11 = 1;
 * (11 − 1) mod 10 = 0 → 800101-1234560. The other sums: 000229-323456 → 195 → 3;
 * 000229-423456 → 203 → 6; 950505-212345 → 172 → 4; 850315-912345 → 222 → 9;
 * 850315-012345 → 150 → 4; 960229-912345 → 256 → 8; 991231-512345 → 187 → 1
 * (alternative foreigner formula (13 − 187 mod 11) mod 10 = 3); 991231-612345 → 195 → 3;
 * 050607-712345 → 213 → 7; 050607-812345 → 221 → 0.
 */

const NONE: RrnReading = {
	shape: false,
	masked: false,
	genderDigit: null,
	foreigner: null,
	sex: null,
	birthDate: null,
	dateValid: null,
	checksumValid: null,
};

function reading(overrides: Partial<RrnReading>): RrnReading {
	return { ...NONE, shape: true, ...overrides };
}

const male1900 = { genderDigit: 1, foreigner: false, sex: 'male' as const };

describe('rrnCheckDigit', () => {
	test.each([
		['800101123456', 0],
		['000229323456', 3],
		['000229423456', 6],
		['850315912345', 9],
		['991231512345', 1],
	])('%s → %i', (first12, expected) => {
		expect(rrnCheckDigit(first12)).toBe(expected);
	});
});

describe('readRrn', () => {
	test.each<[string, string, RrnReading]>([
		[
			'valid 1900s male',
			'800101-1234560',
			reading({ ...male1900, birthDate: '1980-01-01', dateValid: true, checksumValid: true }),
		],
		[
			'no hyphen',
			'8001011234560',
			reading({ ...male1900, birthDate: '1980-01-01', dateValid: true, checksumValid: true }),
		],
		[
			'spaces around the hyphen',
			' 800101 - 1234560 ',
			reading({ ...male1900, birthDate: '1980-01-01', dateValid: true, checksumValid: true }),
		],
		[
			'checksum mismatch',
			'800101-1234561',
			reading({ ...male1900, birthDate: '1980-01-01', dateValid: true, checksumValid: false }),
		],
		[
			'1900s female',
			'950505-2123454',
			reading({
				genderDigit: 2,
				foreigner: false,
				sex: 'female',
				birthDate: '1995-05-05',
				dateValid: true,
				checksumValid: true,
			}),
		],
		[
			'leap day 2000, G=3',
			'000229-3234563',
			reading({
				genderDigit: 3,
				foreigner: false,
				sex: 'male',
				birthDate: '2000-02-29',
				dateValid: true,
				checksumValid: true,
			}),
		],
		[
			'leap day 2000, G=4',
			'000229-4234566',
			reading({
				genderDigit: 4,
				foreigner: false,
				sex: 'female',
				birthDate: '2000-02-29',
				dateValid: true,
				checksumValid: true,
			}),
		],
		[
			'1900-02-29 does not exist, G=1',
			'000229-1234568',
			reading({ ...male1900, dateValid: false }),
		],
		[
			'1900-02-29 does not exist, G=2',
			'000229-2234568',
			reading({ genderDigit: 2, foreigner: false, sex: 'female', dateValid: false }),
		],
		['month 13', '801301-1234567', reading({ ...male1900, dateValid: false })],
		[
			'1800s male, G=9',
			'850315-9123459',
			reading({
				genderDigit: 9,
				foreigner: false,
				sex: 'male',
				birthDate: '1885-03-15',
				dateValid: true,
				checksumValid: true,
			}),
		],
		[
			'1800s female, G=0',
			'850315-0123454',
			reading({
				genderDigit: 0,
				foreigner: false,
				sex: 'female',
				birthDate: '1885-03-15',
				dateValid: true,
				checksumValid: true,
			}),
		],
		[
			'leap day 1896, G=9',
			'960229-9123458',
			reading({
				genderDigit: 9,
				foreigner: false,
				sex: 'male',
				birthDate: '1896-02-29',
				dateValid: true,
				checksumValid: true,
			}),
		],
		[
			'1800-02-29 does not exist, G=0',
			'000229-0234565',
			reading({ genderDigit: 0, foreigner: false, sex: 'female', dateValid: false }),
		],
		[
			'foreigner 1900s male, G=5',
			'991231-5123451',
			reading({
				genderDigit: 5,
				foreigner: true,
				sex: 'male',
				birthDate: '1999-12-31',
				dateValid: true,
				checksumValid: true,
			}),
		],
		[
			'foreigner, alternative formula',
			'991231-5123453',
			reading({
				genderDigit: 5,
				foreigner: true,
				sex: 'male',
				birthDate: '1999-12-31',
				dateValid: true,
				checksumValid: true,
			}),
		],
		[
			'foreigner, no formula matches',
			'991231-5123450',
			reading({
				genderDigit: 5,
				foreigner: true,
				sex: 'male',
				birthDate: '1999-12-31',
				dateValid: true,
				checksumValid: false,
			}),
		],
		[
			'foreigner 1900s female, G=6',
			'991231-6123453',
			reading({
				genderDigit: 6,
				foreigner: true,
				sex: 'female',
				birthDate: '1999-12-31',
				dateValid: true,
				checksumValid: true,
			}),
		],
		[
			'foreigner 2000s male, G=7',
			'050607-7123457',
			reading({
				genderDigit: 7,
				foreigner: true,
				sex: 'male',
				birthDate: '2005-06-07',
				dateValid: true,
				checksumValid: true,
			}),
		],
		[
			'foreigner 2000s female, G=8',
			'050607-8123450',
			reading({
				genderDigit: 8,
				foreigner: true,
				sex: 'female',
				birthDate: '2005-06-07',
				dateValid: true,
				checksumValid: true,
			}),
		],
		[
			'born after 2020-10-05: no check digit',
			'201006-3123450',
			reading({
				genderDigit: 3,
				foreigner: false,
				sex: 'male',
				birthDate: '2020-10-06',
				dateValid: true,
			}),
		],
		[
			'masked serial',
			'800101-1******',
			reading({ ...male1900, masked: true, birthDate: '1980-01-01', dateValid: true }),
		],
		[
			'documented example',
			'800***-234****',
			reading({ masked: true, genderDigit: 2, foreigner: false, sex: 'female' }),
		],
		['fully masked', '******-*******', reading({ masked: true })],
		['masked G, Feb 29 possible in 2000', '000229-*******', reading({ masked: true })],
		[
			'masked G, month 13 impossible in every century',
			'801332-*******',
			reading({ masked: true, dateValid: false }),
		],
		[
			'masked G, Feb 30 impossible in every century',
			'800230-*******',
			reading({ masked: true, dateValid: false }),
		],
		['too short', '80010-1234560', NONE],
		['letter', '800101-123456A', NONE],
		['masked but wrong shape', '800***', { ...NONE, masked: true }],
	])('%s', (_name, text, expected) => {
		expect(readRrn(text)).toEqual(expected);
	});
});

describe('checkRrn', () => {
	const CHECKSUM_WARNING = 'checksum does not match (numbers issued since 2020-10-05 have none)';
	test.each<
		[string, string, Parameters<typeof checkRrn>[1], Omit<ReturnType<typeof checkRrn>, 'reading'>]
	>([
		[
			'valid',
			'800101-1234560',
			{},
			{ valid: true, warnings: [], checks: { format: true, date: true, checksum: true } },
		],
		[
			'checksum mismatch is only a note',
			'800101-1234561',
			{},
			{
				valid: true,
				warnings: [],
				notes: [CHECKSUM_WARNING],
				checks: { format: true, date: true, checksum: false },
			},
		],
		[
			'impossible date',
			'000229-1234568',
			{},
			{
				valid: false,
				warnings: ['birth date is not a real calendar date'],
				checks: { format: true, date: false, checksum: null },
			},
		],
		[
			'leap day 2000',
			'000229-3234563',
			{},
			{ valid: true, warnings: [], checks: { format: true, date: true, checksum: true } },
		],
		[
			'birth date after the run date',
			'250101-3123453',
			{ runDate: '2024-06-01' },
			{
				valid: false,
				warnings: ['birth date is after the run date'],
				checks: { format: true, date: false, checksum: null },
			},
		],
		[
			'birth date on the run date',
			'240601-4123456',
			{ runDate: '2024-06-01' },
			{ valid: true, warnings: [], checks: { format: true, date: true, checksum: null } },
		],
		[
			'foreigner mismatch is advisory',
			'991231-5123450',
			{},
			{
				valid: true,
				warnings: [],
				notes: ['checksum does not match the usual formulas (advisory for foreigner numbers)'],
				checks: { format: true, date: true, checksum: null },
			},
		],
		[
			'alien number with a citizen digit',
			'800101-1234560',
			{ expectForeigner: true },
			{
				valid: true,
				warnings: ['gender digit is not a foreigner digit (5-8)'],
				checks: { format: true, date: true, checksum: true },
			},
		],
		[
			'alien number with a foreigner digit',
			'050607-7123457',
			{ expectForeigner: true },
			{ valid: true, warnings: [], checks: { format: true, date: true, checksum: true } },
		],
		[
			'masked serial',
			'800101-1******',
			{},
			{ valid: true, warnings: [], checks: { format: true, date: true, checksum: null } },
		],
		[
			'documented example',
			'800***-234****',
			{},
			{ valid: null, warnings: [], checks: { format: true, date: null, checksum: null } },
		],
		[
			'masked G, impossible date',
			'801332-*******',
			{},
			{
				valid: false,
				warnings: ['birth date is not a real calendar date'],
				checks: { format: true, date: false, checksum: null },
			},
		],
		[
			'wrong shape',
			'12345',
			{},
			{
				valid: false,
				warnings: ['not in the YYMMDD-GNNNNNN shape'],
				checks: { format: false, date: null, checksum: null },
			},
		],
		[
			'empty',
			'  ',
			{},
			{ valid: null, warnings: [], checks: { format: null, date: null, checksum: null } },
		],
	])('%s', (_name, text, options, expected) => {
		expect(checkRrn(text, options)).toEqual({ ...expected, reading: readRrn(text) });
	});
});
