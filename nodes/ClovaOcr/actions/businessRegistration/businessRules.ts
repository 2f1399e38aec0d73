import type { DocumentRules } from '../../review/documentRules';
import { validateBusinessDocument } from '../../validation/business/businessDocumentValidation';
import { validateBusinessField } from '../../validation/business/businessFieldValidation';

/**
 * The certificate's checks: the business and corporate numbers' check digits, real dates in
 * order, the representative's registration number by the ID-card rules, and the tax type
 * against the number's middle code (advisory). The business number is the key field: its
 * absence is reported by validateBusinessDocument.
 */
export const BUSINESS_REGISTRATION_RULES: DocumentRules = {
	validateField: validateBusinessField,
	validateDocument: validateBusinessDocument,
	missingFieldWarnings: () => [],
};
