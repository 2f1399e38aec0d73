import { fieldLabel } from '../../../nodes/ClovaOcr/output/labels';

test.each([
	['idCard', 'personalNum', 'Resident Registration Number'],
	['driverLicense', 'num', 'License Number'],
	['passport', 'num', 'Passport Number'],
	['alienRegistrationCard', 'alienRegNum', 'Alien Registration Number'],
	['unknown', 'someNewKey', 'Some New Key'],
	['idCard', 'snake_case_key', 'Snake case key'],
] as const)('%s.%s → %s', (documentType, field, label) => {
	expect(fieldLabel(documentType, field)).toBe(label);
});
