import { validateBusinessField } from '../../../../nodes/ClovaOcr/validation/business/businessFieldValidation';
import type { CheckResult } from '../../../../nodes/ClovaOcr/validation/checkResult';
import type { ValidationContext } from '../../../../nodes/ClovaOcr/validation/types';

/*
 * Business and corporate numbers are published ones (sources in businessNumber.test.ts and
 * corporateNumber.test.ts). Resident registration numbers are synthetic, check digits as in
 * rrn.test.ts: 800101-123456 → 0; 250101-312345 → 3.
 */

// The business rules read only runDate and fields, never documentType.
function context(fields: Record<string, string[]> = {}, runDate = '2024-06-01'): ValidationContext {
	return { documentType: 'unknown', runDate, fields };
}

const OK: CheckResult = { valid: true, warnings: [] };
const UNKNOWN: CheckResult = { valid: null, warnings: [] };
const fails = (...warnings: string[]): CheckResult => ({ valid: false, warnings });

describe('validateBusinessField', () => {
	test.each<[string, string, string, ValidationContext, CheckResult]>([
		// registerNumber
		['registerNumber published', 'registerNumber', '220-81-62517', context(), OK],
		['registerNumber plain digits', 'registerNumber', '1248100998', context(), OK],
		[
			'registerNumber check digit',
			'registerNumber',
			'220-81-62518',
			context(),
			fails('registerNumber: check digit does not match'),
		],
		[
			'registerNumber shape',
			'registerNumber',
			'220-81-6251',
			context(),
			fails('registerNumber: not in the NNN-NN-NNNNN shape (10 digits)'),
		],
		['registerNumber masked', 'registerNumber', '220-81-*****', context(), UNKNOWN],
		[
			'registerNumber middle code 00 is a note',
			'registerNumber',
			'123-00-67890',
			context(),
			{
				valid: true,
				warnings: [],
				notes: [
					'registerNumber: middle code 00 is not in the National Tax Service numbering (01-99)',
				],
			},
		],
		// corpRegisterNum
		['corpRegisterNum published', 'corpRegisterNum', '130111-0006246', context(), OK],
		[
			'corpRegisterNum placeholder',
			'corpRegisterNum',
			'110111-1234567',
			context(),
			fails('corpRegisterNum: check digit does not match'),
		],
		[
			'corpRegisterNum shape',
			'corpRegisterNum',
			'130111-000624',
			context(),
			fails('corpRegisterNum: not in the NNNNNN-NNNNNNN shape (13 digits)'),
		],
		// socialNumber, coRepSocialNum: checkRrn, only unmasked
		['socialNumber valid', 'socialNumber', '800101-1234560', context(), OK],
		[
			'socialNumber checksum mismatch is a note',
			'socialNumber',
			'800101-1234561',
			context(),
			{
				valid: true,
				warnings: [],
				notes: [
					'socialNumber: checksum does not match (numbers issued since 2020-10-05 have none)',
				],
			},
		],
		[
			'socialNumber born after the run date',
			'socialNumber',
			'250101-3123453',
			context(),
			fails('socialNumber: birth date is after the run date'),
		],
		[
			'socialNumber not a date',
			'socialNumber',
			'801301-1234560',
			context(),
			fails('socialNumber: birth date is not a real calendar date'),
		],
		[
			'socialNumber shape',
			'socialNumber',
			'800101-12345',
			context(),
			fails('socialNumber: not in the YYMMDD-GNNNNNN shape'),
		],
		['socialNumber masked back half', 'socialNumber', '800101-1******', context(), UNKNOWN],
		['socialNumber fully masked', 'socialNumber', '******-*******', context(), UNKNOWN],
		['socialNumber masked, wrong shape', 'socialNumber', '8001*', context(), UNKNOWN],
		['coRepSocialNum valid', 'coRepSocialNum', '800101 1234560', context(), OK],
		[
			'coRepSocialNum born after the run date',
			'coRepSocialNum',
			'250101-3123453',
			context(),
			fails('coRepSocialNum: birth date is after the run date'),
		],
		['coRepSocialNum masked', 'coRepSocialNum', '250101-3******', context(), UNKNOWN],
		// birth
		['birth Korean form', 'birth', '1980 년 01 월 01 일', context(), OK],
		['birth dotted', 'birth', '1980.01.01', context(), OK],
		[
			'birth after the run date',
			'birth',
			'2024-06-02',
			context(),
			fails('birth: after the run date'),
		],
		['birth on the run date', 'birth', '2024-06-01', context(), OK],
		[
			'birth impossible',
			'birth',
			'1981.02.29',
			context(),
			fails('birth: not a real calendar date'),
		],
		[
			'birth unrecognizable',
			'birth',
			'80.01.01',
			context(),
			fails('birth: not a recognizable date'),
		],
		['birth masked', 'birth', '1980.**.**', context(), UNKNOWN],
		// openDate
		['openDate Korean form', 'openDate', '2018 년 05 월 10 일', context(), OK],
		['openDate dotted', 'openDate', '2018.05.10', context(), OK],
		['openDate spaced dots', 'openDate', '2018. 05. 10.', context(), OK],
		['openDate compact', 'openDate', '20180510', context(), OK],
		[
			'openDate before the issuance date',
			'openDate',
			'2018 년 05 월 10 일',
			context({ issuanceDate: ['2020 년 03 월 05 일'] }),
			OK,
		],
		[
			'openDate on the issuance date',
			'openDate',
			'2020.03.05',
			context({ issuanceDate: ['2020 년 03 월 05 일'] }),
			OK,
		],
		[
			'openDate after the issuance date',
			'openDate',
			'2020.03.06',
			context({ issuanceDate: ['2020 년 03 월 05 일'] }),
			fails('openDate: after the issuance date'),
		],
		[
			'openDate after the run date',
			'openDate',
			'2024.06.02',
			context(),
			fails('openDate: after the run date'),
		],
		[
			'openDate after both',
			'openDate',
			'2024.06.02',
			context({ issuanceDate: ['2020.03.05'] }),
			fails('openDate: after the issuance date', 'openDate: after the run date'),
		],
		[
			'openDate, unreadable issuance date: only the run date counts',
			'openDate',
			'2020.03.06',
			context({ issuanceDate: ['2020.02.30'] }),
			OK,
		],
		[
			'openDate, invalid run date: only the issuance date counts',
			'openDate',
			'2030.01.01',
			context({}, 'not a date'),
			OK,
		],
		[
			'openDate impossible',
			'openDate',
			'2018.02.29',
			context(),
			fails('openDate: not a real calendar date'),
		],
		['openDate masked', 'openDate', '2018.**.**', context(), UNKNOWN],
		// issuanceDate
		['issuanceDate Korean form', 'issuanceDate', '2020 년 03 월 05 일', context(), OK],
		[
			'issuanceDate after the run date',
			'issuanceDate',
			'2024 년 06 월 02 일',
			context(),
			fails('issuanceDate: after the run date'),
		],
		[
			'issuanceDate unrecognizable',
			'issuanceDate',
			'발급일',
			context(),
			fails('issuanceDate: not a recognizable date'),
		],
		// no rule, or nothing read
		['companyName has no rule', 'companyName', '네이버 주식회사', context(), UNKNOWN],
		['taxType has no field rule (see taxType.ts)', 'taxType', '면세사업자', context(), UNKNOWN],
		['empty value', 'registerNumber', '  ', context(), UNKNOWN],
		['inherited key', 'toString', 'x', context(), UNKNOWN],
	])('%s', (_name, field, value, given, expected) => {
		expect(validateBusinessField(field, value, given)).toEqual(expected);
	});

	test('warnings and notes never echo the value', () => {
		const values: Array<[string, string]> = [
			['registerNumber', '220-81-62518'],
			['corpRegisterNum', '110111-1234567'],
			['socialNumber', '800101-1234561'],
			['socialNumber', '250101-3123453'],
			['birth', '2024-06-02'],
			['openDate', '2024.06.02'],
			['issuanceDate', '2024 년 06 월 02 일'],
		];
		for (const [field, value] of values) {
			const { warnings, notes } = validateBusinessField(field, value, context());
			for (const text of [...warnings, ...(notes ?? [])]) {
				expect(text.startsWith(`${field}: `)).toBe(true);
				expect(text).not.toContain(value);
				expect(text).not.toMatch(/\d{5}/);
			}
		}
	});
});
