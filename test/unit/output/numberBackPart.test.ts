import type { DocumentType } from '../../../nodes/ClovaOcr/model/documentTypes';
import {
	LICENSE_NUMBER_BACK,
	numberBackPartOf,
	REGISTRATION_NUMBER_BACK,
} from '../../../nodes/ClovaOcr/output/numberBackPart';

describe('numberBackPartOf', () => {
	test('the parts: 7 digits after YYMMDD; 8 after the region code and year', () => {
		expect([REGISTRATION_NUMBER_BACK, LICENSE_NUMBER_BACK]).toEqual([
			{ front: 6, back: 7 },
			{ front: 4, back: 8 },
		]);
	});

	test.each<[DocumentType, string, unknown]>([
		['idCard', 'personalNum', REGISTRATION_NUMBER_BACK],
		['driverLicense', 'personalNum', REGISTRATION_NUMBER_BACK],
		['alienRegistrationCard', 'alienRegNum', REGISTRATION_NUMBER_BACK],
		['idCard', 'alienRegNumEtc', REGISTRATION_NUMBER_BACK],
		['unknown', 'personalNum', REGISTRATION_NUMBER_BACK],
		['driverLicense', 'num', LICENSE_NUMBER_BACK],
		['passport', 'num', undefined],
		['idCard', 'num', undefined],
		['unknown', 'num', undefined],
		['driverLicense', 'name', undefined],
		['driverLicense', 'code', undefined],
	])('%s %s', (documentType, field, part) => {
		expect(numberBackPartOf(documentType, field)).toBe(part);
	});
});
