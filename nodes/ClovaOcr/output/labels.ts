import type { DocumentType } from '../model/documentTypes';

const FIELD_LABELS: Record<string, string> = {
	name: 'Name',
	personalNum: 'Resident Registration Number',
	address: 'Address',
	issueDate: 'Issue Date',
	authority: 'Issuing Authority',
	type: 'License Type',
	num: 'License Number',
	renewStartDate: 'Renewal Start Date',
	renewEndDate: 'Renewal End Date',
	condition: 'License Conditions',
	code: 'License Code (암호일련번호)',
	organDonation: 'Organ and Tissue Donation',
	surName: 'Surname',
	givenName: 'Given Name',
	birthDate: 'Date of Birth',
	sex: 'Sex',
	expireDate: 'Expiry Date',
	nationality: 'Nationality',
	alienRegNum: 'Alien Registration Number',
	alienRegNumEtc: 'Alien Registration Number (Additional)',
	serialNum: 'Serial Number',
	visaType: 'Visa Type',
};

/** A business registration certificate's keys (clova-products.md), with the Korean terms. */
const BUSINESS_REGISTRATION_LABELS: Record<string, string> = {
	documentType: 'Document Title',
	registerNumber: 'Business Registration Number (사업자등록번호)',
	corpRegisterNum: 'Corporate Registration Number (법인등록번호)',
	corpName: 'Corporate Name (법인명)',
	companyName: 'Business Name (상호)',
	repName: 'Representative (대표자)',
	coRepName: 'Co-Representative (공동대표)',
	birth: "Representative's Date of Birth",
	socialNumber: "Representative's Resident Registration Number",
	coRepSocialNum: "Co-Representative's Resident Registration Number",
	openDate: 'Opening Date (개업연월일)',
	bisAddress: 'Place of Business (사업장 소재지)',
	headAddress: 'Head Office Address (본점 소재지)',
	bisType: 'Business Type (업태)',
	bisItem: 'Business Item (종목)',
	bisArea: 'Business Area',
	taxType: 'Tax Type',
	issuanceDate: 'Issue Date',
	issuanceReason: 'Reason for Issue',
};

const DOCUMENT_SPECIFIC_LABELS: Partial<Record<DocumentType, Record<string, string>>> = {
	passport: { num: 'Passport Number', type: 'Passport Type' },
	businessRegistration: BUSINESS_REGISTRATION_LABELS,
};

/** "someNewKey" → "Some New Key", for keys the service adds later. */
function humanize(key: string): string {
	const words = key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/[_-]+/g, ' ')
		.trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Own keys only: field keys are service data, and `constructor` is a field name like any other. */
function ownLabel(labels: Record<string, string> | undefined, field: string): string | undefined {
	return labels !== undefined && Object.prototype.hasOwnProperty.call(labels, field)
		? labels[field]
		: undefined;
}

export function fieldLabel(documentType: DocumentType, field: string): string {
	return (
		ownLabel(DOCUMENT_SPECIFIC_LABELS[documentType], field) ??
		ownLabel(FIELD_LABELS, field) ??
		humanize(field)
	);
}
