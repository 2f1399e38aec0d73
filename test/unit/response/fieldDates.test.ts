import { isoDateOfField } from '../../../nodes/ClovaOcr/response/fieldDates';
import { normalizedValue } from '../../../nodes/ClovaOcr/response/normalizedValue';

describe('isoDateOfField', () => {
	test.each([
		[{ text: '2019.09.10' }, '2019-09-10'],
		[{ text: '2029 12.31' }, '2029-12-31'],
		[{ text: '2019. 9. 10.' }, '2019-09-10'],
		[{ text: '2020.02.29' }, '2020-02-29'],
		[{ text: '2019.02.29' }, null],
		[{ text: '2020.**.16' }, null],
		[{ text: 'x', formatted: { year: 2029, month: 1, day: 2 } }, '2029-01-02'],
		[{ text: '2029 12.31', formatted: { year: '2029', month: '02', day: '30' } }, '2029-12-31'],
		[{ text: '' }, null],
	])('%j → %j', (value, expected) => {
		expect(isoDateOfField(value)).toBe(expected);
	});
});

describe('normalized values', () => {
	test.each([
		[
			'formatted parts win over misread text',
			'renewEndDate',
			{ text: '2029 12.31', formatted: { year: '2029', month: '12', day: '31' } },
			'2029-12-31',
		],
		['text when parts are missing', 'issueDate', { text: '2019.09.10' }, '2019-09-10'],
		[
			'text when the parts are no date',
			'issueDate',
			{ text: '2019.09.10', formatted: { year: '2019', month: '**', day: '10' } },
			'2019-09-10',
		],
		['masked date stays as text', 'issueDate', { text: '2019.**.10' }, '2019.**.10'],
		[
			'formatted.value over text',
			'authority',
			{ text: '서울지방경찰청', formatted: { value: '서울지방경찰청장' } },
			'서울지방경찰청장',
		],
		[
			'empty formatted.value falls back to text',
			'name',
			{ text: '홍**', formatted: { value: '' } },
			'홍**',
		],
		[
			'a field with date parts is a date',
			'validUntil',
			{ text: 'x', formatted: { year: '2030', month: '1', day: '2' } },
			'2030-01-02',
		],
		['plain text', 'condition', { text: '건 8' }, '건 8'],
	])('%s', (_case, field, value, expected) => {
		expect(normalizedValue(field, value)).toBe(expected);
	});
});
