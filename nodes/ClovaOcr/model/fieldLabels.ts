import type { DocumentType } from './documentTypes';

/**
 * The labels of the field keys the node knows (the ID-card model's, in English; a business
 * registration certificate's, with the Korean terms). Data only: output/labels.ts picks a
 * field's label, and error paths write these keys as they are (response/responseShapeError.ts).
 */
export const FIELD_LABELS: Record<string, string> = {
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

export const DOCUMENT_SPECIFIC_LABELS: Partial<Record<DocumentType, Record<string, string>>> = {
	passport: { num: 'Passport Number', type: 'Passport Type' },
	businessRegistration: BUSINESS_REGISTRATION_LABELS,
};

/** Every key some document labels. */
export const LABELLED_FIELD_KEYS: ReadonlySet<string> = new Set([
	...Object.keys(FIELD_LABELS),
	...Object.values(DOCUMENT_SPECIFIC_LABELS).flatMap((labels) => Object.keys(labels ?? {})),
]);
