import type { CheckResult } from '../validation/checkResult';
import { validateDocument, type FieldChecks } from '../validation/documentValidation';
import { validateField } from '../validation/fieldValidation';
import { missingKeyFieldWarnings } from '../validation/keyFields';
import type { DocumentValidationResult, ValidationContext } from '../validation/types';

/** A product's checks, as the review runs them: each value on its own, then the document. */
export interface DocumentRules {
	validateField(field: string, value: string, context: ValidationContext): CheckResult;
	validateDocument(context: ValidationContext, fieldChecks: FieldChecks): DocumentValidationResult;
	/** `<field>: missing` for each field the document cannot be used without. */
	missingFieldWarnings(context: ValidationContext): string[];
}

/** The ID-card model's rules: resident registration numbers, licenses, passports, dates. */
export const ID_CARD_RULES: DocumentRules = {
	validateField,
	validateDocument,
	missingFieldWarnings: missingKeyFieldWarnings,
};

/** No checks: a model whose fields the node knows nothing about beyond their shape. */
export const NO_RULES: DocumentRules = {
	validateField: () => ({ valid: null, warnings: [] }),
	validateDocument: () => ({ valid: null, warnings: [], checks: {} }),
	missingFieldWarnings: () => [],
};
