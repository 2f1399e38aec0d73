import {
	maskRegistrationContent,
	maskRegistrationRuns,
} from '../../../nodes/ClovaOcr/boundary/contentRule';

describe('maskRegistrationContent: a number anywhere keeps positions 1-7', () => {
	test.each([
		['hyphenated', '800101-1234567', '800101-1******'],
		['no separator', '8001011234567', '8001011******'],
		['spaces around the dash', '800101 - 1234567', '800101 - 1******'],
		['en dash', '800101–1234567', '800101–1******'],
		['dot for the dash', '800101.1234567', '800101.1******'],
		['Hangul vowel ㅡ for the dash', '800101ㅡ1234567', '800101ㅡ1******'],
		['line break for the dash', '800101\n1234567', '800101\n1******'],
		['letters for digits', '8OO1O1-IZ3S5G7', '8OO1O1-I******'],
		['full-width digits', '８００１０１－１２３４５６７', '８００１０１－１******'],
		['Arabic-Indic digits', '٨٠٠١٠١-١٢٣٤٥٦٧', '٨٠٠١٠١-١******'],
		['circled digits', '800101-①②③④⑤⑥⑦', '800101-①******'],
		['mathematical digits (outside the BMP)', '𝟖𝟎𝟎𝟏𝟎𝟏-𝟏𝟐𝟑𝟒𝟓𝟔𝟕', '𝟖𝟎𝟎𝟏𝟎𝟏-𝟏******'],
		[
			'an emoji between the parts (outside the BMP, not a separator)',
			'800101🙂1234567',
			'800101🙂1234567',
		],
		['stray spaces', '8 0 0 1 0 1 - 1 2 3 4 5 6 7', '8 0 0 1 0 1 - 1 * * * * * *'],
		['zero-width characters', '800\u200b101-12\u200d34567', '800\u200b101-1*\u200d*****'],
		['inside an address', '서울 종로구 800101-1234567 번지', '서울 종로구 800101-1****** 번지'],
		['in a file name', '홍길동_800101-1234567.jpg', '홍길동_800101-1******.jpg'],
		['front masked by the service', '******-1234567', '******-1******'],
		['front partly masked', '800***-2345678', '800***-2******'],
		['two numbers', '800101-1234567 900202-2345678', '800101-1****** ******-2******'],
		['a passport machine line', 'M3001012<1234567<<<<02', 'M300101*<*******<<<<02'],
		// Near misses: one digit lost or gained.
		['a missing back digit', '800101-123456', '800101-1*****'],
		['an extra back digit', '800101-12345678', '800101-1*******'],
		['an extra front digit', '8001011-234567', '800101*-******'],
		['a missing front digit', '80011-1234567', '80011-*******'],
		// A back half alone after a label keeps its first position.
		['label, back half', '주민등록번호 1234567', '주민등록번호 1******'],
		['label and colon', '주민번호: 1234567', '주민번호: 1******'],
		['English label', 'Personal No. 1234567', 'Personal No. 1******'],
		// Not a number: unchanged.
		['an address number', '서울특별시 종로구 세종대로 209', '서울특별시 종로구 세종대로 209'],
		['a phone number', '010-1234-5678', '010-1234-5678'],
		['a license number', '11-19-123456-61', '11-19-123456-61'],
		['a back half without a label', '1234567', '1234567'],
		['a name', 'Hong Gildong', 'Hong Gildong'],
		['already masked', '800101-1******', '800101-1******'],
		['empty', '', ''],
	])('%s', (_case, text, expected) => {
		expect(maskRegistrationContent(text)).toBe(expected);
	});
});

describe('maskRegistrationRuns: several strings read as one text', () => {
	test('a number split across values is masked as one', () => {
		expect(maskRegistrationRuns(['800101-', '1234567'])).toEqual(['800101-', '1******']);
		expect(maskRegistrationRuns(['주소 8001', '01-1234567'])).toEqual(['주소 8001', '01-1******']);
	});

	test('strings with no number come back as they are', () => {
		expect(maskRegistrationRuns(['홍길동', '서울'])).toEqual(['홍길동', '서울']);
		expect(maskRegistrationRuns([])).toEqual([]);
	});
});
