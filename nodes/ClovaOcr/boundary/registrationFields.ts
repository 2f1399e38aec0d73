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

/**
 * Documents whose fields a person or a page names (a form's boxes, a table's cells): a number
 * may be split across any two of them (a form's front and back boxes), so the boundary reads
 * all their fields together, not one field at a time.
 */
const FREE_FORM_DOCUMENTS: ReadonlySet<string> = new Set(['template', 'text']);

export function readsFieldsTogether(documentType: unknown): boolean {
	return typeof documentType === 'string' && FREE_FORM_DOCUMENTS.has(documentType);
}
