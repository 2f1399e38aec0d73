import { fieldLabel } from '../../../nodes/ClovaOcr/output/labels';

test.each([
	['idCard', 'personalNum', 'Resident Registration Number'],
	['driverLicense', 'num', 'License Number'],
	['passport', 'num', 'Passport Number'],
	['alienRegistrationCard', 'alienRegNum', 'Alien Registration Number'],
	['unknown', 'someNewKey', 'Some New Key'],
	['idCard', 'snake_case_key', 'Snake case key'],
	['businessRegistration', 'registerNumber', 'Business Registration Number (사업자등록번호)'],
	['businessRegistration', 'corpRegisterNum', 'Corporate Registration Number (법인등록번호)'],
	['businessRegistration', 'socialNumber', "Representative's Resident Registration Number"],
	['businessRegistration', 'documentType', 'Document Title'],
	['businessRegistration', 'name', 'Name'],
	['businessRegistration', 'someNewKey', 'Some New Key'],
	['idCard', 'registerNumber', 'Register Number'],
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

// Every field of the seed pages' field tables, with what the table calls it
// (resident card page in English; driver's license page in Korean, translated).
describe('labels follow the seed field tables', () => {
	test.each([
		['idCard', 'name', 'Name', 'Name details'],
		['idCard', 'personalNum', 'Resident Registration Number', 'Resident registration number'],
		['idCard', 'address', 'Address', 'Address details'],
		['idCard', 'issueDate', 'Issue Date', 'Issuance date'],
		['idCard', 'authority', 'Issuing Authority', 'Issuing authority'],
		['driverLicense', 'type', 'License Type', '면허 유형'],
		['driverLicense', 'num', 'License Number', '면허 번호'],
		['driverLicense', 'name', 'Name', '이름'],
		['driverLicense', 'personalNum', 'Resident Registration Number', '주민등록번호'],
		['driverLicense', 'address', 'Address', '주소'],
		['driverLicense', 'renewStartDate', 'Renewal Start Date', '갱신 기간 시작 일자'],
		['driverLicense', 'renewEndDate', 'Renewal End Date', '갱신 기간 종료 일자'],
		['driverLicense', 'condition', 'License Conditions', '면허 조건'],
		['driverLicense', 'code', 'License Code (암호일련번호)', '면허 코드'],
		['driverLicense', 'organDonation', 'Organ and Tissue Donation', '장기 및 조직 기증 등록'],
		['driverLicense', 'issueDate', 'Issue Date', '발급 일자'],
		['driverLicense', 'authority', 'Issuing Authority', '발급 기관'],
	] as const)('%s.%s → %s (seed: %s)', (...[documentType, field, label]) => {
		expect(fieldLabel(documentType, field)).toBe(label);
	});
});
