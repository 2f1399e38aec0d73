/**
 * Which fields hold a person's registration number, in any document type, including ones the
 * service adds later: the field rule masks them by position. Keys are matched by name.
 */
const REGISTRATION_NUMBER_KEY =
	/personalNum|socialNum|alienRegNum|residentNum|residentRegistration|registrationNumber|rrn/i;

/**
 * The one exception to the content rule: fields the node knows to hold a company's number of
 * the same shape (the corporate registration number, 법인등록번호), by document type. A
 * company's number is not personal data, and teams need it whole to look the company up.
 */
const COMPANY_NUMBER_FIELDS: Readonly<Record<string, readonly string[]>> = {
	businessRegistration: ['corpRegisterNum'],
};

export function isCompanyNumberField(documentType: unknown, field: string): boolean {
	if (typeof documentType !== 'string') return false;
	if (!Object.prototype.hasOwnProperty.call(COMPANY_NUMBER_FIELDS, documentType)) return false;
	return COMPANY_NUMBER_FIELDS[documentType].includes(field);
}

export function isRegistrationNumberField(documentType: unknown, field: string): boolean {
	return REGISTRATION_NUMBER_KEY.test(field) && !isCompanyNumberField(documentType, field);
}
