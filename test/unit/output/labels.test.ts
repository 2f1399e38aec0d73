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

test.each([
	['constructor', 'Constructor'],
	['toString', 'To String'],
	['hasOwnProperty', 'Has Own Property'],
	['__proto__', 'Proto'],
])('a field named %s gets a label from its name, not from Object.prototype', (field, label) => {
	expect(fieldLabel('idCard', field)).toBe(label);
	expect(fieldLabel('passport', field)).toBe(label);
});
