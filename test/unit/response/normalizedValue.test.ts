import { normalizedValue } from '../../../nodes/ClovaOcr/response/normalizedValue';

describe('normalizedValue', () => {
	test.each([
		['registerNumber', { text: '220-81-62517' }, '220-81-62517'],
		['registerNumber', { text: '2208162517' }, '220-81-62517'],
		[
			'registerNumber',
			{ text: '220 81 62517', formatted: { value: '2208162517' } },
			'220-81-62517',
		],
		['registerNumber', { text: 'x', formatted: { value: '220.81.62517' } }, '220-81-62517'],
		// Not 10 digits: the service's own value, then the text, as for any field.
		['registerNumber', { text: '220-81-6251', formatted: { value: '220816251' } }, '220816251'],
		['registerNumber', { text: '220-81-6251' }, '220-81-6251'],
		['corpRegisterNum', { text: '1301110006246' }, '130111-0006246'],
		['corpRegisterNum', { text: '130111 - 0006246' }, '130111-0006246'],
		['corpRegisterNum', { text: '130111-000624' }, '130111-000624'],
		['openDate', { text: '2018 년 05 월 10 일' }, '2018-05-10'],
		['issuanceDate', { text: '2020.03.05' }, '2020-03-05'],
		[
			'birth',
			{ text: '1980.01.01', formatted: { year: '1980', month: '01', day: '01' } },
			'1980-01-01',
		],
		['companyName', { text: '주식회사 예시', formatted: { value: '예시' } }, '예시'],
		['companyName', { text: '주식회사 예시' }, '주식회사 예시'],
	])('%s %j → %s', (field, value, expected) => {
		expect(normalizedValue(field, value)).toBe(expected);
	});
});
