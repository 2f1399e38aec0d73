import { maskRegistrationField } from '../../../nodes/ClovaOcr/boundary/fieldRule';

describe('maskRegistrationField: one number across values and readings, by position', () => {
	test.each([
		['one value', [['800101-1234567']], [['800101-1******']]],
		[
			'label before the number',
			[['주민등록번호 800101-1234567']],
			[['주민등록번호 800101-1******']],
		],
		['no separator', [['8001011234567']], [['8001011******']]],
		['split across values', [['800101-', '1234567']], [['800101-', '1******']]],
		['split in three', [['8001', '01-12', '34567']], [['8001', '01-1*', '*****']]],
		[
			'text and formatted.value alike',
			[['800101-1234567'], ['8001011234567']],
			[['800101-1******'], ['8001011******']],
		],
		['the back in another reading', [['800101-1'], ['234567']], [['800101-1'], ['******']]],
		[
			'a reading that disagrees shows nothing it does not share',
			[['800101-1234567'], ['900101-1234567']],
			[['800101-1******'], ['*00101-1******']],
		],
		['front masked by the service', [['******-1234567']], [['******-1******']]],
		['front partly masked', [['800***-2345678']], [['800***-2******']]],
		['a back half alone', [['1234567']], [['*******']]],
		['a back half after a dash', [['-1234567']], [['-*******']]],
		['a missing back digit', [['800101-123456']], [['800101-1*****']]],
		['a front alone', [['800101']], [['******']]],
		['a leading stray letter', [['l800101-1234567']], [['*******-*******']]],
		['two numbers', [['800101-1234567', '900202-2345678']], [['800101-1******', '******-*******']]],
		['letters for digits', [['8OO1O1-IZ3S5G7']], [['8OO1O1-I******']]],
		['nothing to mask', [['주민등록번호'], ['']], [['주민등록번호'], ['']]],
	])('%s', (_case, views, expected) => {
		expect(maskRegistrationField(views)).toEqual(expected);
	});
});
