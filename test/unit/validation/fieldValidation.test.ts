import { validateField } from '../../../nodes/ClovaOcr/validation/fieldValidation';
import type { CheckResult } from '../../../nodes/ClovaOcr/validation/checkResult';
import type { DocumentType, ValidationContext } from '../../../nodes/ClovaOcr/validation/types';

// Synthetic numbers; check digits are computed as described in rrn.test.ts (800101-123456 → 0).
const DOCUMENTED_TYPE =
	'1종대형 1종보통 1종소형 특수(대형견인,소형견인, 구난) 2종보통 2종소형 원동기';

function context(
	documentType: DocumentType,
	fields: Record<string, string[]> = {},
	runDate = '2024-06-01',
): ValidationContext {
	return { documentType, runDate, fields };
}

const OK: CheckResult = { valid: true, warnings: [] };
const UNKNOWN: CheckResult = { valid: null, warnings: [] };
const dl = (fields: Record<string, string[]> = {}, runDate?: string) =>
	context('driverLicense', fields, runDate);
const ic = (fields: Record<string, string[]> = {}) => context('idCard', fields);
const pp = (fields: Record<string, string[]> = { birthDate: ['1980-01-01'], sex: ['M'] }) =>
	context('passport', fields);

describe('validateField', () => {
	test.each<[string, string, string, ValidationContext, CheckResult]>([
		// personalNum
		['personalNum valid', 'personalNum', '800101-1234560', ic(), OK],
		[
			'personalNum checksum mismatch is a note',
			'personalNum',
			'800101-1234561',
			ic(),
			{
				valid: true,
				warnings: [],
				notes: ['personalNum: checksum does not match (numbers issued since 2020-10-05 have none)'],
			},
		],
		[
			'personalNum 1900-02-29',
			'personalNum',
			'000229-1234568',
			ic(),
			{ valid: false, warnings: ['personalNum: birth date is not a real calendar date'] },
		],
		['personalNum 2000-02-29', 'personalNum', '000229-3234563', dl(), OK],
		[
			'personalNum born after the run date',
			'personalNum',
			'250101-3123453',
			ic(),
			{ valid: false, warnings: ['personalNum: birth date is after the run date'] },
		],
		['personalNum documented example', 'personalNum', '800***-234****', ic(), UNKNOWN],
		['personalNum masked serial', 'personalNum', '800101-1******', ic(), OK],
		[
			'personalNum wrong shape',
			'personalNum',
			'800101-12345',
			ic(),
			{ valid: false, warnings: ['personalNum: not in the YYMMDD-GNNNNNN shape'] },
		],
		// alienRegNum
		[
			'alienRegNum valid, G=7',
			'alienRegNum',
			'050607-7123457',
			context('alienRegistrationCard'),
			OK,
		],
		[
			'alienRegNum with a citizen digit',
			'alienRegNum',
			'800101-1234560',
			context('alienRegistrationCard'),
			{ valid: true, warnings: ['alienRegNum: gender digit is not a foreigner digit (5-8)'] },
		],
		[
			'alienRegNum advisory checksum',
			'alienRegNum',
			'991231-5123450',
			context('alienRegistrationCard'),
			{
				valid: true,
				warnings: [],
				notes: [
					'alienRegNum: checksum does not match the usual formulas (advisory for foreigner numbers)',
				],
			},
		],
		['alienRegNum masked', 'alienRegNum', '991231-5******', context('alienRegistrationCard'), OK],
		[
			'alienRegNum impossible date',
			'alienRegNum',
			'991331-5123451',
			context('alienRegistrationCard'),
			{ valid: false, warnings: ['alienRegNum: birth date is not a real calendar date'] },
		],
		// personalNum on a passport: the back half alone, against birthDate and sex
		['passport personalNum', 'personalNum', '1234567', pp(), OK],
		['passport personalNum masked after the gender digit', 'personalNum', '1******', pp(), OK],
		[
			'passport personalNum of another century',
			'personalNum',
			'3234567',
			pp(),
			{
				valid: false,
				warnings: ["personalNum: gender digit does not match the birth date's century"],
			},
		],
		[
			'passport personalNum of the other sex',
			'personalNum',
			'2234567',
			pp(),
			{ valid: false, warnings: ['personalNum: gender digit does not match the sex field'] },
		],
		['passport personalNum, gender digit masked', 'personalNum', '*******', pp(), UNKNOWN],
		['passport personalNum, no birth date or sex', 'personalNum', '1234567', pp({}), UNKNOWN],
		[
			'passport personalNum, a whole registration number',
			'personalNum',
			'800101-1234560',
			pp(),
			{
				valid: false,
				warnings: ['personalNum: not the back half of a registration number (7 digits)'],
			},
		],
		// num
		['num numeric', 'num', '11-19-123456-61', dl(), OK],
		['num old region name', 'num', '서울 19-123456-61', dl(), OK],
		[
			'num region 27',
			'num',
			'27-19-123456-61',
			dl(),
			{ valid: false, warnings: ['num: unknown region code'] },
		],
		['num documented example', 'num', '**-**-******-**', dl(), UNKNOWN],
		[
			'num bad shape',
			'num',
			'11-19-1234-61',
			dl(),
			{ valid: false, warnings: ["num: not a driver's license number shape"] },
		],
		['num on a resident card is not a license number', 'num', '27-19-123456-61', ic(), UNKNOWN],
		// issueDate
		['issueDate text', 'issueDate', '2019.09.10', ic(), OK],
		['issueDate ISO', 'issueDate', '2019-09-10', ic(), OK],
		['issueDate on the run date', 'issueDate', '2024-06-01', ic(), OK],
		[
			'issueDate after the run date',
			'issueDate',
			'2024.06.02',
			ic(),
			{ valid: false, warnings: ['issueDate: after the run date'] },
		],
		[
			'issueDate impossible',
			'issueDate',
			'2019.02.29',
			ic(),
			{ valid: false, warnings: ['issueDate: not a real calendar date'] },
		],
		[
			'issueDate unreadable',
			'issueDate',
			'Sept 10',
			ic(),
			{ valid: false, warnings: ['issueDate: not a recognizable date'] },
		],
		['issueDate masked', 'issueDate', '****.**.**', ic(), UNKNOWN],
		[
			'issueDate with invalid run date',
			'issueDate',
			'2030.01.01',
			context('idCard', {}, 'soon'),
			OK,
		],
		// renewStartDate
		['renewStartDate documented', 'renewStartDate', '2029.01.01', dl(), OK],
		['renewStartDate leap day', 'renewStartDate', '2028-02-29', dl(), OK],
		[
			'renewStartDate impossible',
			'renewStartDate',
			'2029.02.29',
			dl(),
			{ valid: false, warnings: ['renewStartDate: not a real calendar date'] },
		],
		['renewStartDate masked', 'renewStartDate', '2029.**.**', dl(), UNKNOWN],
		// renewEndDate
		[
			'renewEndDate documented, window open',
			'renewEndDate',
			'2029 12.31',
			dl({ renewStartDate: ['2029.01.01'] }),
			OK,
		],
		[
			'renewEndDate ISO, start ISO',
			'renewEndDate',
			'2029-12-31',
			dl({ renewStartDate: ['2029-01-01'] }),
			OK,
		],
		['renewEndDate without a start', 'renewEndDate', '2029 12.31', dl(), OK],
		[
			'renewEndDate last day',
			'renewEndDate',
			'2029 12.31',
			dl({ renewStartDate: ['2029.01.01'] }, '2029-12-31'),
			OK,
		],
		[
			'renewEndDate overdue',
			'renewEndDate',
			'2029 12.31',
			dl({ renewStartDate: ['2029.01.01'] }, '2030-01-01'),
			{ valid: true, warnings: ['renewEndDate: renewal overdue since the end of the window'] },
		],
		[
			'renewEndDate before the start',
			'renewEndDate',
			'2029 12.31',
			dl({ renewStartDate: ['2030.01.01'] }),
			{ valid: false, warnings: ['renewEndDate: renewal window ends before it starts'] },
		],
		[
			'renewEndDate 6-month window',
			'renewEndDate',
			'2009.08.31',
			dl({ renewStartDate: ['2009.03.01'] }, '2009-05-01'),
			OK,
		],
		[
			'renewEndDate window too long',
			'renewEndDate',
			'2029 12.31',
			dl({ renewStartDate: ['2027.01.01'] }),
			{ valid: true, warnings: ['renewEndDate: renewal window spans more than one year'] },
		],
		[
			'renewEndDate impossible',
			'renewEndDate',
			'2029.02.29',
			dl({ renewStartDate: ['2029.01.01'] }),
			{ valid: false, warnings: ['renewEndDate: not a real calendar date'] },
		],
		[
			'renewEndDate masked',
			'renewEndDate',
			'****.**.**',
			dl({ renewStartDate: ['2029.01.01'] }),
			UNKNOWN,
		],
		// type
		['type documented', 'type', DOCUMENTED_TYPE, dl(), OK],
		[
			'type unknown class',
			'type',
			'1종보통 2종대형',
			dl(),
			{ valid: false, warnings: ['type: token 2 is not a known license class'] },
		],
		['type masked', 'type', '1종** 2종보통', dl(), UNKNOWN],
		['type on a passport', 'type', 'PM', context('passport'), UNKNOWN],
		// authority
		[
			'authority documented, pre-2021 card',
			'authority',
			'서울지방경찰청장',
			dl({ issueDate: ['2019.09.10'] }),
			OK,
		],
		[
			'authority old name on a 2021 card',
			'authority',
			'서울지방경찰청장',
			dl({ issueDate: ['2021.03.02'] }),
			{
				valid: true,
				warnings: [],
				notes: ['authority: pre-2021 agency name on a card issued on or after 2021-01-01'],
			},
		],
		['authority new name', 'authority', '서울경찰청장', dl({ issueDate: ['2021-03-02'] }), OK],
		[
			'authority district head on a license',
			'authority',
			'서울특별시 종로구청장',
			dl(),
			{ valid: false, warnings: ['authority: not a recognized police agency'] },
		],
		['authority resident card', 'authority', '서울특별시 종로구청장', ic(), OK],
		[
			'authority resident card, police agency',
			'authority',
			'서울경찰청장',
			ic(),
			{ valid: false, warnings: ['authority: not a recognized city, county or district head'] },
		],
		['authority resident card masked', 'authority', '서울특별시 **구청장', ic(), UNKNOWN],
		[
			'authority on a passport',
			'authority',
			'MINISTRY OF FOREIGN AFFAIRS',
			context('passport'),
			UNKNOWN,
		],
		// other keys and empty values
		['unknown field', 'name', '홍**', ic(), UNKNOWN],
		['prototype key', 'constructor', 'x', ic(), UNKNOWN],
		['empty value', 'personalNum', ' ', ic(), UNKNOWN],
	])('%s', (_name, field, value, ctx, expected) => {
		expect(validateField(field, value, ctx)).toEqual(expected);
	});
});
