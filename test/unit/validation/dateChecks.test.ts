import type { DateReading } from '../../../nodes/ClovaOcr/model/dateReading';
import {
	checkDateReading,
	checkRenewalWindow,
	isIssueDateNotAfterRunDate,
	isRenewalOverdue,
} from '../../../nodes/ClovaOcr/validation/dateChecks';

const valid = (iso: string): DateReading => ({ status: 'valid', iso });
const INVALID: DateReading = { status: 'invalid', iso: null };
const MASKED: DateReading = { status: 'masked', iso: null };
const UNRECOGNIZED: DateReading = { status: 'unrecognized', iso: null };
const MISSING: DateReading = { status: 'missing', iso: null };

describe('checkDateReading', () => {
	test.each<[DateReading, ReturnType<typeof checkDateReading>]>([
		[valid('2019-09-10'), { valid: true, warnings: [] }],
		[INVALID, { valid: false, warnings: ['not a real calendar date'] }],
		[UNRECOGNIZED, { valid: false, warnings: ['not a recognizable date'] }],
		[MASKED, { valid: null, warnings: [] }],
		[MISSING, { valid: null, warnings: [] }],
	])('%j', (reading, expected) => {
		expect(checkDateReading(reading)).toEqual(expected);
	});
});

describe('isIssueDateNotAfterRunDate', () => {
	test.each<[string, string | null, Date | string, boolean | null]>([
		['before', '2019-09-10', '2024-06-01', true],
		['same day', '2024-06-01', '2024-06-01', true],
		['after', '2024-06-02', '2024-06-01', false],
		['Date run date (read in UTC)', '2024-06-01', new Date('2024-06-01'), true],
		['Date run date, issued the next day', '2024-06-02', new Date('2024-06-01T23:59:59Z'), false],
		['unknown issue date', null, '2024-06-01', null],
		['invalid run date text', '2019-09-10', '2024-02-30', null],
		['invalid Date', '2019-09-10', new Date('not a date'), null],
	])('%s', (_name, issueDate, runDate, expected) => {
		expect(isIssueDateNotAfterRunDate(issueDate, runDate)).toBe(expected);
	});
});

describe('isRenewalOverdue', () => {
	test.each<[string, string | null, Date | string, boolean | null]>([
		['window still open', '2029-12-31', '2024-06-01', false],
		['last day of the window', '2029-12-31', '2029-12-31', false],
		['day after the window', '2029-12-31', '2030-01-01', true],
		['Date run date', '2029-12-31', new Date('2030-01-01'), true],
		['unknown end date', null, '2030-01-01', null],
		['invalid run date', '2029-12-31', 'tomorrow', null],
	])('%s', (_name, end, runDate, expected) => {
		expect(isRenewalOverdue(end, runDate)).toBe(expected);
	});
});

describe('checkRenewalWindow', () => {
	test.each<[string, string | null, string | null, ReturnType<typeof checkRenewalWindow>]>([
		['calendar-year window', '2029-01-01', '2029-12-31', { valid: true, warnings: [] }],
		[
			'6-month window of a pre-2011-12-09 card',
			'2009-03-01',
			'2009-08-31',
			{ valid: true, warnings: [] },
		],
		['exactly one year', '2009-03-01', '2010-03-01', { valid: true, warnings: [] }],
		['single day', '2029-01-01', '2029-01-01', { valid: true, warnings: [] }],
		[
			'longer than a year',
			'2028-01-01',
			'2029-12-31',
			{ valid: true, warnings: ['renewal window spans more than one year'] },
		],
		[
			'leap-day start, one year and a day',
			'2028-02-29',
			'2029-03-01',
			{ valid: true, warnings: ['renewal window spans more than one year'] },
		],
		[
			'ends before it starts',
			'2029-12-31',
			'2029-01-01',
			{ valid: false, warnings: ['renewal window ends before it starts'] },
		],
		['unknown start', null, '2029-12-31', { valid: null, warnings: [] }],
		['unknown end', '2029-01-01', null, { valid: null, warnings: [] }],
	])('%s', (_name, start, end, expected) => {
		expect(checkRenewalWindow(start, end)).toEqual(expected);
	});
});
