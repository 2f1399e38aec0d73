/** Noise cases of registration-number OCR text, shared by test/integration/masking.test.ts and test/e2e/masking.test.ts. */

/** The number ic-specimen and dl-specimen serve as personalNum (`text` and `formatted.value`). */
export const SPECIMEN_NUMBER = '800101-1234560';

/** [case, OCR text, what the default output shows]. */
export const NOISE_CASES: ReadonlyArray<readonly [string, string, string]> = [
	['clean', '800101-1234567', '800101-1******'],
	['dot for the dash', '800101.1234567', '800101.1******'],
	['Korean vowel for the dash', '800101ㅡ1234567', '800101ㅡ1******'],
	['letter I for the gender digit', '800101-I234567', '800101-I******'],
	['an extra digit', '800101-12345678', '800101-1*******'],
	['a missing digit', '800101-123456', '800101-1*****'],
	['full-width digits', '８００１０１－１２３４５６７', '８００１０１－１******'],
	['a label before the number', '주민등록번호 800101-1234567', '주민등록번호 800101-1******'],
	['spaces around the dash', '800101 - 1234567', '800101 - 1******'],
	['a line break inside', '800101-\n1234567', '800101-\n1******'],
	['two numbers', '800101-1234567 900202-2345678', '800101-1****** ******-*******'],
	['digits after the mask', '800101-1****67', '800101-1******'],
];
