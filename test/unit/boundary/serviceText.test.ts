import {
	INFER_RESULTS,
	serviceCode,
	serviceFreeText,
	serviceToken,
} from '../../../nodes/ClovaOcr/boundary/serviceText';

describe('serviceCode: four digits or nothing', () => {
	test.each([
		['0025', '0025'],
		['1021', '1021'],
		['800101-1234567', null],
		['1234567', null],
		['00251', null],
		['constructor', null],
		[25, null],
		[undefined, null],
	])('%p', (code, expected) => {
		expect(serviceCode(code)).toBe(expected);
	});
});

describe('serviceToken: documented values or nothing', () => {
	test.each([
		['FAILURE', 'FAILURE'],
		['SUCCESS', 'SUCCESS'],
		['failure', null],
		['FAILURE 800101-1234567', null],
		[null, null],
	])('%p', (value, expected) => {
		expect(serviceToken(value, INFER_RESULTS)).toBe(expected);
	});
});

describe('serviceFreeText: printable ASCII, cut, no run of 3 positions', () => {
	test.each([
		['the documented message', 'Read page:0 error.', 'Read page:0 error.'],
		['an error body message', 'Secret key validate failed.', 'Secret key validate failed.'],
		['a number', 'error 800101-1234567', 'error ******-*******'],
		['a back half', 'bad 1234567 here', 'bad ******* here'],
		['look-alike letters', 'lZSBG', '*****'],
		['Hangul becomes ?', '홍길동 error', '??? error'],
		['full-width digits become ?', '１２３', '???'],
		['two digits pass', 'Read page:12 error.', 'Read page:12 error.'],
		['cut at 100 characters', 'a'.repeat(101), `${'a'.repeat(100)}…`],
	])('%s', (_case, text, expected) => {
		expect(serviceFreeText(text)).toBe(expected);
	});

	test('nothing for a value that is not text', () => {
		expect(serviceFreeText(undefined)).toBeNull();
		expect(serviceFreeText(12)).toBeNull();
	});
});
