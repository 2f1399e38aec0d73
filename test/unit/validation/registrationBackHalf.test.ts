import {
	centuryOfGenderDigit,
	sexOfGenderDigit,
} from '../../../nodes/ClovaOcr/validation/genderDigit';
import {
	checkRegistrationBackHalf,
	passportHolderOf,
	type BackHalfCheck,
	type Holder,
} from '../../../nodes/ClovaOcr/validation/registrationBackHalf';
import { readSexField } from '../../../nodes/ClovaOcr/validation/sexField';

const SHAPE = 'not the back half of a registration number (7 digits)';
const CENTURY = "gender digit does not match the birth date's century";
const SEX = 'gender digit does not match the sex field';

const man1980: Holder = { birthDate: '1980-01-01', sex: 'male' };
const woman2004: Holder = { birthDate: '2004-05-06', sex: 'female' };
const unknownHolder: Holder = { birthDate: null, sex: null };

const result = (
	valid: boolean | null,
	warnings: string[],
	century: boolean | null,
	sex: boolean | null,
	format: boolean | null = true,
): BackHalfCheck => ({ valid, warnings, checks: { format, century, sex } });

describe('checkRegistrationBackHalf', () => {
	test.each<[string, string, Holder, BackHalfCheck]>([
		['1: a man born in the 1900s', '1234567', man1980, result(true, [], true, true)],
		[
			'3: a man born in the 2000s',
			'3234567',
			{ ...man1980, birthDate: '2001-02-03' },
			result(true, [], true, true),
		],
		['4: a woman born in the 2000s', '4234567', woman2004, result(true, [], true, true)],
		['5: a foreign-born man, 1900s', '5234567', man1980, result(true, [], true, true)],
		[
			'6: a foreign-born woman, 1900s',
			'6234567',
			{ birthDate: '1975-12-31', sex: 'female' },
			result(true, [], true, true),
		],
		[
			'7: 2000s, male',
			'7234567',
			{ birthDate: '2003-01-01', sex: 'male' },
			result(true, [], true, true),
		],
		['8: 2000s, female', '8234567', woman2004, result(true, [], true, true)],
		[
			'9: 1800s, male',
			'9234567',
			{ birthDate: '1899-12-31', sex: 'male' },
			result(true, [], true, true),
		],
		[
			'0: 1800s, female',
			'0234567',
			{ birthDate: '1899-01-01', sex: 'female' },
			result(true, [], true, true),
		],
		['masked after the gender digit', '1******', man1980, result(true, [], true, true)],
		['a separator before it, spaces inside', '- 123 4567', man1980, result(true, [], true, true)],
		['wrong century', '3234567', man1980, result(false, [CENTURY], false, true)],
		['wrong sex', '2234567', man1980, result(false, [SEX], true, false)],
		['both wrong', '4234567', man1980, result(false, [CENTURY, SEX], false, false)],
		['1800s digit on a 1900s birth', '9234567', man1980, result(false, [CENTURY], false, true)],
		['masked gender digit: unknown', '*******', man1980, result(null, [], null, null)],
		[
			'no birth date: the century is unknown',
			'1234567',
			{ ...man1980, birthDate: null },
			result(null, [], null, true),
		],
		[
			'no sex: the sex is unknown',
			'3234567',
			{ ...man1980, sex: null },
			result(false, [CENTURY], false, null),
		],
		['nothing to compare', '1234567', unknownHolder, result(null, [], null, null)],
		['six digits', '123456', man1980, result(false, [SHAPE], null, null, false)],
		['eight digits', '12345678', man1980, result(false, [SHAPE], null, null, false)],
		['a whole number', '800101-1234567', man1980, result(false, [SHAPE], null, null, false)],
		['a letter', '1234S67', man1980, result(false, [SHAPE], null, null, false)],
		['empty', '  ', man1980, result(null, [], null, null, null)],
	])('%s', (_case, text, holder, expected) => {
		expect(checkRegistrationBackHalf(text, holder)).toEqual(expected);
	});

	test('warnings never contain the number', () => {
		const { warnings } = checkRegistrationBackHalf('4234567', man1980);
		expect(warnings.join(' ')).not.toMatch(/\d{3}/);
	});
});

describe('passportHolderOf', () => {
	test.each<[string, Record<string, string[]>, Holder]>([
		['birth date and sex', { birthDate: ['1980.01.01'], sex: ['M'] }, man1980],
		['ISO birth date, 여', { birthDate: ['2004-05-06'], sex: ['여'] }, woman2004],
		['masked birth date, unreadable sex', { birthDate: ['19**.01.01'], sex: ['X'] }, unknownHolder],
		['neither', {}, unknownHolder],
	])('%s', (_case, fields, expected) => {
		expect(passportHolderOf({ documentType: 'passport', runDate: '2026-11-22', fields })).toEqual(
			expected,
		);
	});
});

describe('readSexField', () => {
	test.each([
		['M', 'male'],
		[' m ', 'male'],
		['MALE', 'male'],
		['남', 'male'],
		['남자', 'male'],
		['F', 'female'],
		['female', 'female'],
		['여', 'female'],
		['여자', 'female'],
		['*', null],
		['X', null],
		['M/F', null],
		['', null],
	] as const)('%p → %p', (text, sex) => {
		expect(readSexField(text)).toBe(sex);
	});
});

describe('gender digit', () => {
	test.each([
		[9, 1800, 'male'],
		[0, 1800, 'female'],
		[1, 1900, 'male'],
		[2, 1900, 'female'],
		[3, 2000, 'male'],
		[4, 2000, 'female'],
		[5, 1900, 'male'],
		[6, 1900, 'female'],
		[7, 2000, 'male'],
		[8, 2000, 'female'],
	] as const)('%d: the %ds, %s', (digit, century, sex) => {
		expect([centuryOfGenderDigit(digit), sexOfGenderDigit(digit)]).toEqual([century, sex]);
	});
});
