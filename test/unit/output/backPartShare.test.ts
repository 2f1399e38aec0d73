import { backPartShare } from '../../../nodes/ClovaOcr/output/backPartShare';
import {
	LICENSE_NUMBER_BACK,
	REGISTRATION_NUMBER_BACK,
} from '../../../nodes/ClovaOcr/output/numberBackPart';

describe('backPartShare: from the character before the back part, as a share of the text', () => {
	test.each([
		['800101-1234567', 6 / 14],
		['800***-234****', 6 / 14],
		['******-*******', 6 / 14],
		['  800101-1234567\n', 6 / 14],
		['８００１０１－１２３４５６７', 6 / 14],
		['800101.I234567', 6 / 14],
		['800101 - 1234567', 8 / 16],
		['8001011234567', 5 / 13],
		['주민등록번호 800101-1234567', 13 / 21],
		['80101-1234567', 5 / 13], // a front digit missing: counted from the end
		['800101-12345678', 6 / 15], // a digit too many: counted from the front
		['1234567', 0],
	])('registration number %j → %d', (text, share) => {
		expect(backPartShare(text, REGISTRATION_NUMBER_BACK)).toBe(share);
	});

	test.each([
		['11-00-123456-10', 5 / 15],
		['**-**-******-**', 5 / 15],
		['서울 19-123456-61', 5 / 15],
		['11-00-12345', 0],
	])('license number %j → %d', (text, share) => {
		expect(backPartShare(text, LICENSE_NUMBER_BACK)).toBe(share);
	});

	test.each([
		['800101', REGISTRATION_NUMBER_BACK],
		['', REGISTRATION_NUMBER_BACK],
		['   ', REGISTRATION_NUMBER_BACK],
		['주민등록번호', REGISTRATION_NUMBER_BACK],
		['11-00-123', LICENSE_NUMBER_BACK],
	])('too few positions in %j: undefined (the whole box)', (text, part) => {
		expect(backPartShare(text, part)).toBeUndefined();
	});
});
