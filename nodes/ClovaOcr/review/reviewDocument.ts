import { normalizedValue } from '../response/normalizedValue';
import type { RecognizedDocument } from '../response/recognizedDocument';
import { notesOf, type CheckResult } from '../validation/checkResult';
import type { ValidationContext } from '../validation/types';
import { ID_CARD_RULES, type DocumentRules } from './documentRules';

export interface ReviewOptions {
	/** YYYY-MM-DD; rules relative to "today" use it. */
	runDate: string;
	/** 0..1; values read with less confidence need review. 0 turns the check off. */
	minConfidence: number;
	/** `validationResult.result`, the service's own verdict; INVALID and ERROR ask for review. */
	validationResult?: string | null;
}

export interface FieldReview {
	valid: boolean | null;
	/** What a person can act on; any warning asks for review. */
	warnings: string;
	/** Advisory findings; they never ask for review by themselves. */
	notes: string;
	needsReview: boolean;
}

export interface DocumentReview extends FieldReview {
	/** Driver's licenses only. */
	licenseClasses?: string;
	renewalOverdue?: boolean | null;
	/** Passports only. */
	expired?: boolean | null;
	/** Receipts only: the total and the items' sum, as numbers. */
	total?: number | null;
	itemsTotal?: number | null;
}

export interface Review {
	document: DocumentReview;
	/** Parallel to `document.fields[i].values[j]`. */
	fields: FieldReview[][];
}

export const WARNING_SEPARATOR = '; ';

/** The service's documented verdicts: INVALID and ERROR ask for review, the others do not. */
const FAILED_VERDICTS: ReadonlySet<string> = new Set(['INVALID', 'ERROR']);
const NEUTRAL_VERDICTS: ReadonlySet<string> = new Set(['NO_REQUESTED', 'UNCHECKED', 'VALID']);

/** A verdict the tables do not list cannot be told apart from a failure: it asks for review. */
function verdictWarning(verdict: string | null | undefined): string | null {
	if (verdict === null || verdict === undefined || NEUTRAL_VERDICTS.has(verdict)) return null;
	if (FAILED_VERDICTS.has(verdict)) return `document: CLOVA OCR's validationResult is ${verdict}`;
	return "document: CLOVA OCR's validationResult is not one of the documented values";
}

function isBelow(confidence: number | undefined, minConfidence: number): boolean {
	return minConfidence > 0 && (confidence === undefined || confidence < minConfidence);
}

function confidenceWarning(
	field: string,
	confidence: number | undefined,
	minConfidence: number,
): string {
	return confidence === undefined
		? `${field}: no confidence score (minimum ${minConfidence})`
		: `${field}: confidence ${confidence} is below the minimum ${minConfidence}`;
}

/** Reasons that concern the whole card, so every value of it as well. */
function wholeCardWarnings(
	document: RecognizedDocument,
	context: ValidationContext,
	options: ReviewOptions,
	rules: DocumentRules,
): string[] {
	const warnings = rules.missingFieldWarnings(context);
	if (document.isConfident === false)
		warnings.push('document: CLOVA OCR reported isConfident false');
	const verdict = verdictWarning(options.validationResult);
	if (verdict !== null) warnings.push(verdict);
	return warnings;
}

/**
 * Validates a document and each of its values on unmasked text; nothing here echoes a value.
 * needsReview is true only for: a failed check (valid false), a warning (a finding a person
 * can act on: a missing key field, low confidence, isConfident false, the service's verdict
 * INVALID or ERROR, an overdue renewal, an expired passport...). A check that cannot be made
 * (masked value, or a field the document type does not have) leaves valid null and asks for
 * nothing; advisory findings go to notes.
 */
export function reviewDocument(
	document: RecognizedDocument,
	options: ReviewOptions,
	rules: DocumentRules = ID_CARD_RULES,
): Review {
	const { minConfidence } = options;
	const context: ValidationContext = {
		documentType: document.documentType,
		runDate: options.runDate,
		fields: Object.fromEntries(
			document.fields.map(({ field, values }) => [
				field,
				values.map((v) => normalizedValue(field, v)),
			]),
		),
	};
	const cardWarnings = wholeCardWarnings(document, context, options, rules);

	const lowConfidenceFields = new Set<string>();
	const firstValueChecks = new Map<string, CheckResult>();
	const fields = document.fields.map(({ field, values }) =>
		values.map((value, index): FieldReview => {
			const text = context.fields[field][index];
			const check = rules.validateField(field, text, context);
			if (text.trim() !== '' && !firstValueChecks.has(field)) firstValueChecks.set(field, check);
			const warnings = [...check.warnings];
			if (isBelow(value.confidenceScore, minConfidence)) {
				warnings.push(confidenceWarning(field, value.confidenceScore, minConfidence));
				lowConfidenceFields.add(field);
			}
			warnings.push(...cardWarnings);
			return {
				valid: check.valid,
				warnings: warnings.join(WARNING_SEPARATOR),
				notes: notesOf(check).join(WARNING_SEPARATOR),
				needsReview: check.valid === false || warnings.length > 0,
			};
		}),
	);

	const result = rules.validateDocument(context, firstValueChecks);
	const reasons = [...result.warnings, ...cardWarnings];
	if (lowConfidenceFields.size > 0) {
		reasons.push(
			`document: confidence below ${minConfidence} for ${[...lowConfidenceFields].join(', ')}`,
		);
	}
	const documentReview: DocumentReview = {
		valid: result.valid,
		warnings: reasons.join(WARNING_SEPARATOR),
		notes: notesOf(result).join(WARNING_SEPARATOR),
		needsReview:
			result.valid === false ||
			reasons.length > 0 ||
			result.renewalOverdue === true ||
			result.expired === true,
	};
	if (document.documentType === 'driverLicense') {
		documentReview.licenseClasses = (result.licenseClasses ?? []).join(', ');
		documentReview.renewalOverdue = result.renewalOverdue ?? null;
	}
	if (document.documentType === 'passport') documentReview.expired = result.expired ?? null;
	if (result.total !== undefined) {
		documentReview.total = result.total;
		documentReview.itemsTotal = result.itemsTotal ?? null;
	}
	return { document: documentReview, fields };
}
