import {
	daysInMonth,
	formatIsoDate,
	isLeapYear,
	isRealCalendarDate,
	parseIsoDate,
	toIsoDate,
} from '../../../nodes/ClovaOcr/model/calendar';

describe('isLeapYear', () => {
	test.each([
		[2000, true],
		[1900, false],
		[1896, true],
		[1800, false],
		[2024, true],
		[2023, false],
	])('%i → %s', (year, expected) => {
		expect(isLeapYear(year)).toBe(expected);
	});
});

describe('daysInMonth', () => {
	test.each([
		[2000, 2, 29],
		[1900, 2, 28],
		[2019, 4, 30],
		[2019, 12, 31],
		[2019, 13, 0],
	])('%i-%i → %i', (year, month, expected) => {
		expect(daysInMonth(year, month)).toBe(expected);
	});
});

describe('isRealCalendarDate', () => {
	test.each([
		[2000, 2, 29, true],
		[1900, 2, 29, false],
		[2019, 0, 1, false],
		[2019, 1, 0, false],
		[2019, 1.5, 1, false],
		[0, 1, 1, false],
	])('%i-%i-%i → %s', (year, month, day, expected) => {
		expect(isRealCalendarDate(year, month, day)).toBe(expected);
	});
});

describe('parseIsoDate and formatIsoDate', () => {
	test.each([
		['2000-02-29', { year: 2000, month: 2, day: 29 }],
		[' 2019-09-10 ', { year: 2019, month: 9, day: 10 }],
		['1900-02-29', null],
		['2019-9-10', null],
		['2019.09.10', null],
	])('%s', (text, expected) => {
		expect(parseIsoDate(text)).toEqual(expected);
	});

	test('pads', () => {
		expect(formatIsoDate(999, 1, 2)).toBe('0999-01-02');
	});
});

describe('toIsoDate', () => {
	test.each<[Date | string, string | null]>([
		['2024-06-01', '2024-06-01'],
		['2024-02-30', null],
		['June 1st', null],
		[new Date('2024-06-01'), '2024-06-01'],
		[new Date('2024-06-01T23:30:00Z'), '2024-06-01'],
		[new Date('invalid'), null],
	])('%s → %s', (value, expected) => {
		expect(toIsoDate(value)).toBe(expected);
	});
});
