import { maskRrn, maskSensitiveValue } from '../../../nodes/ClovaOcr/review/maskRegistrationNumber';

describe('maskRrn', () => {
	test.each([
		['hyphenated', '800101-1234567', '800101-1******'],
		['no hyphen', '8001011234567', '8001011******'],
		['spaces kept', '800101 - 1234567', '800101 - 1******'],
		['en dash kept', '800101–1234567', '800101–1******'],
		['alien registration number', '991231-5123451', '991231-5******'],
		['already masked', '800101-1******', '800101-1******'],
		['fully masked', '******-*******', '******-*******'],
		// Text the service already masked passes through unchanged, whatever it shows.
		['documented example', '800***-234****', '800***-234****'],
		['partly masked', '800101-1234***', '800101-1234***'],
		['not an RRN', 'Hong Gildong', 'Hong Gildong'],
		['too short', '800101-123456', '800101-123456'],
		['license number', '11-19-123456-61', '11-19-123456-61'],
		['empty', '', ''],
	])('%s', (_name, text, expected) => {
		expect(maskRrn(text)).toBe(expected);
	});
});

describe('maskSensitiveValue', () => {
	test.each([
		['personalNum', '800101-1234567', '800101-1******'],
		['personalNum', '800101-1******', '800101-1******'],
		['personalNum', '800***-234****', '800***-234****'],
		['alienRegNum', '991231 5123451', '991231 5******'],
		['personalNum', 'unreadable', 'unreadable'],
		['num', '11-19-123456-61', '11-19-123456-61'],
		['name', '800101-1234567', '800101-1234567'],
	])('%s %s → %s', (field, value, expected) => {
		expect(maskSensitiveValue(field, value)).toBe(expected);
	});
});
