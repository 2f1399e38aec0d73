import {
	isDigitLike,
	maskRegistrationNumber,
	maskSensitiveValue,
	REGISTRATION_NUMBER_FIELDS,
} from '../../../nodes/ClovaOcr/review/maskRegistrationNumber';

describe('maskRegistrationNumber', () => {
	test.each([
		// Clean numbers.
		['hyphenated', '800101-1234567', '800101-1******'],
		['no hyphen', '8001011234567', '8001011******'],
		['spaces around the dash', '800101 - 1234567', '800101 - 1******'],
		['en dash', '800101–1234567', '800101–1******'],
		['alien registration number', '991231-5123451', '991231-5******'],
		// OCR noise: the number is still read and keeps its first 7 digits.
		['dot for the dash', '800101.1234567', '800101.1******'],
		['Korean vowel ㅡ for the dash', '800101ㅡ1234567', '800101ㅡ1******'],
		['letter I for the gender digit', '800101-I234567', '800101-I******'],
		['letters for later digits', '800101-1Z3S5G7', '800101-1******'],
		['letter O for a birth digit', '8OO1O1-1234567', '8OO1O1-1******'],
		['full-width digits', '８００１０１－１２３４５６７', '８００１０１－１******'],
		['full-width letters', '８００１０１－１２３４ＳＧ｜', '８００１０１－１******'],
		['label before the number', '주민등록번호 800101-1234567', '주민등록번호 800101-1******'],
		['label and colon', '주민등록번호: 800101 - 1234567', '주민등록번호: 800101 - 1******'],
		['line break after the dash', '800101-\n1234567', '800101-\n1******'],
		['line break for the dash', '800101\n1234567', '800101\n1******'],
		['Hangul vowel ㅣ for 1', '800101-ㅣ234567', '800101-ㅣ******'],
		['Arabic-Indic digits', '٨٠٠١٠١-١٢٣٤٥٦٧', '٨٠٠١٠١-١******'],
		['circled digits', '800101-①②③④⑤⑥⑦', '800101-①******'],
		// Not read as a number: everything after the 6th digit-like character is masked.
		['a missing digit', '800101-123456', '800101-******'],
		['an extra digit', '800101-12345678', '800101-********'],
		['an extra birth digit', '8001011-1234567', '800101*-*******'],
		['two numbers in one text', '800101-1234567 900202-2345678', '800101-******* ******-*******'],
		['digits split by spaces', '800 101 123 4567', '800 101 *** ****'],
		['long separator', '800101 --- 1234567', '800101 --- *******'],
		['Latin label with digit-like letters', 'No. 800101-1234567', 'No. 80010*-*******'],
		['a name in the field (digit-like letters count)', 'Hong Gildong', 'Hong Gildon*'],
		['a long digit-like word', 'OlSZBGq0123', 'OlSZBG*****'],
		// Already masked: passes unchanged only when no more than 7 digits show.
		['masked by the node', '800101-1******', '800101-1******'],
		['fully masked', '******-*******', '******-*******'],
		['service example', '800***-234****', '800***-234****'],
		['digits after the mask', '800101-1****67', '800101-1******'],
		['partly masked', '800101-1234***', '800101-1******'],
		['masked birth date, digits after', '******-1234567', '******-1234567'],
		['digits after a masked gender digit', '800101-*234567', '800101-*2*****'],
		// Nothing to mask.
		['not a number', '주민등록번호', '주민등록번호'],
		['empty', '', ''],
	])('%s', (_name, text, expected) => {
		expect(maskRegistrationNumber(text)).toBe(expected);
	});

	const NOISY_SAMPLES = [
		'800101-1234567',
		'800101ㅡI234567',
		'주민등록번호 800101 - 1234567',
		'８００１０１－１２３４５６７',
		'800101-1234567 900202-2345678',
		'1'.repeat(40),
		'O'.repeat(40),
		'no. 1 2 3 4 5 6 7 8 9 0',
	];

	test.each(NOISY_SAMPLES)('%s keeps at most 7 digit-like characters and its length', (text) => {
		const masked = maskRegistrationNumber(text);
		expect(Array.from(masked).filter(isDigitLike).length).toBeLessThanOrEqual(7);
		expect(Array.from(masked)).toHaveLength(Array.from(text).length);
	});
});

describe('isDigitLike', () => {
	test.each([...'0123456789０９OoDQIil|!ZzSsGbBqgＯｌ｜ＳＢｑㅇㅣ①²Ⅰ٣'])(
		'%s could be a digit',
		(char) => {
			expect(isDigitLike(char)).toBe(true);
		},
	);
	test.each([...'-–ㅡ .:*＊홍가Nnx'])('%s could not', (char) => {
		expect(isDigitLike(char)).toBe(false);
	});
});

describe('maskSensitiveValue', () => {
	test('the registration-number fields', () => {
		expect([...REGISTRATION_NUMBER_FIELDS]).toEqual([
			'personalNum',
			'alienRegNum',
			'alienRegNumEtc',
		]);
	});

	test.each([
		['personalNum', '800101-1234567', '800101-1******'],
		['personalNum', '800101.1234567', '800101.1******'],
		['alienRegNum', '991231 5123451', '991231 5******'],
		['alienRegNumEtc', '991231-5123451', '991231-5******'],
		['num', '11-19-123456-61', '11-19-123456-61'],
		['name', '800101-1234567', '800101-1234567'],
		['constructor', '800101-1234567', '800101-1234567'],
	])('%s %s → %s', (field, value, expected) => {
		expect(maskSensitiveValue(field, value)).toBe(expected);
	});
});
