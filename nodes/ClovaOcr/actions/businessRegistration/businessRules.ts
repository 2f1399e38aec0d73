import { NO_RULES, type DocumentRules } from '../../review/documentRules';

/** The certificate's checks: numbers' check digits, dates, the representative's number, tax type. */
export const BUSINESS_REGISTRATION_RULES: DocumentRules = {
	...NO_RULES,
};
