import {
	readDate,
	type DateParts,
	type DateReading,
} from '../../../nodes/ClovaOcr/model/dateReading';

const valid = (iso: string): DateReading => ({ status: 'valid', iso });
const INVALID: DateReading = { status: 'invalid', iso: null };
const MASKED: DateReading = { status: 'masked', iso: null };
const UNRECOGNIZED: DateReading = { status: 'unrecognized', iso: null };
const MISSING: DateReading = { status: 'missing', iso: null };

describe('readDate', () => {
	test.each<[string, string | null | undefined, DateParts | null | undefined, DateReading]>([
		['dotted', '2019.09.10', undefined, valid('2019-09-10')],
		['documented space-and-dot', '2029 12.31', undefined, valid('2029-12-31')],
		['ISO', '2019-09-10', undefined, valid('2019-09-10')],
		['dotted with spaces and trailing dot', '2019. 9. 10.', undefined, valid('2019-09-10')],
		['slashes', '2019/09/10', undefined, valid('2019-09-10')],
		['Korean units', '2019년 9월 10일', undefined, valid('2019-09-10')],
		['compact', '20190910', undefined, valid('2019-09-10')],
		[
			'formatted parts',
			'2029 12.31',
			{ year: '2029', month: '12', day: '31' },
			valid('2029-12-31'),
		],
		[
			'formatted parts win over text',
			'unreadable',
			{ year: '2019', month: '09', day: '10' },
			valid('2019-09-10'),
		],
		[
			'empty formatted parts fall back to text',
			'2019.09.10',
			{ year: '', month: '', day: '' },
			valid('2019-09-10'),
		],
		[
			'partial formatted parts fall back to text',
			'2019.09.10',
			{ year: '2019' },
			valid('2019-09-10'),
		],
		['leap day 2020', '2020.02.29', undefined, valid('2020-02-29')],
		['leap day 2000', '2000.02.29', undefined, valid('2000-02-29')],
		['no leap day 2019', '2019.02.29', undefined, INVALID],
		['no leap day 1900', '1900.02.29', undefined, INVALID],
		['April 31', '2019.04.31', undefined, INVALID],
		['month 13', '2019.13.01', undefined, INVALID],
		['day 0', '2019-09-00', undefined, INVALID],
		['impossible formatted parts', '2019.09.10', { year: '2019', month: '02', day: '30' }, INVALID],
		['masked text', '2019.**.**', undefined, MASKED],
		['fully masked text', '****.**.**', undefined, MASKED],
		['masked shapeless text', '***', undefined, MASKED],
		['masked formatted part', '2019.09.10', { year: '2019', month: '**', day: '10' }, MASKED],
		['two-digit year', '19.09.10', undefined, UNRECOGNIZED],
		['words', 'yesterday', undefined, UNRECOGNIZED],
		['non-numeric formatted part', '', { year: '2019', month: 'Sep', day: '10' }, UNRECOGNIZED],
		['empty', '', undefined, MISSING],
		['null', null, undefined, MISSING],
		['undefined', undefined, null, MISSING],
	])('%s', (_name, text, formatted, expected) => {
		expect(readDate(text, formatted)).toEqual(expected);
	});
});

describe('readDate(...).iso', () => {
	test.each<[string | null, DateParts | undefined, string | null]>([
		['2029 12.31', undefined, '2029-12-31'],
		['2019. 9. 10.', undefined, '2019-09-10'],
		[null, { year: '2029', month: '01', day: '01' }, '2029-01-01'],
		['2019.02.29', undefined, null],
		['2019.**.**', undefined, null],
		['', undefined, null],
	])('%s %j → %s', (text, formatted, expected) => {
		expect(readDate(text, formatted).iso).toBe(expected);
	});
});
