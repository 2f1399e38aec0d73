import { normalizedValue } from '../response/normalizedValue';
import type { RecognizedDocument } from '../response/recognizedDocument';
import type { CheckResult } from '../validation/checkResult';
import { validateDocument } from '../validation/documentValidation';
import { validateField } from '../validation/fieldValidation';
import type { ValidationContext } from '../validation/types';

export interface ReviewOptions {
	/** YYYY-MM-DD; rules relative to "today" use it. */
	runDate: string;
	/** 0..1; values read with less confidence need review. 0 turns the check off. */
	minConfidence: number;
}

export interface FieldReview {
	valid: boolean | null;
	warnings: string;
	needsReview: boolean;
}

export interface DocumentReview extends FieldReview {
	/** Driver's licenses only. */
	licenseClasses?: string;
	renewalOverdue?: boolean | null;
}

export interface Review {
	document: DocumentReview;
	/** Parallel to `document.fields[i].values[j]`. */
	fields: FieldReview[][];
}

export const WARNING_SEPARATOR = '; ';

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

/**
 * Validates a document and each of its values on unmasked text; nothing here
 * echoes a value. Anything to look at (a failed or impossible check, a
 * warning, low confidence) sets needsReview, with the reason in warnings.
 */
export function reviewDocument(document: RecognizedDocument, options: ReviewOptions): Review {
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

	const lowConfidenceFields = new Set<string>();
	const firstValueChecks = new Map<string, CheckResult>();
	const fields = document.fields.map(({ field, values }) =>
		values.map((value, index): FieldReview => {
			const text = context.fields[field][index];
			const check = validateField(field, text, context);
			if (text.trim() !== '' && !firstValueChecks.has(field)) firstValueChecks.set(field, check);
			const warnings = [...check.warnings];
			const lowConfidence = isBelow(value.confidenceScore, minConfidence);
			if (lowConfidence) {
				warnings.push(confidenceWarning(field, value.confidenceScore, minConfidence));
				lowConfidenceFields.add(field);
			}
			return {
				valid: check.valid,
				warnings: warnings.join(WARNING_SEPARATOR),
				needsReview: check.valid === false || warnings.length > 0,
			};
		}),
	);

	const result = validateDocument(context, firstValueChecks);
	const reasons = [...result.warnings];
	if (result.valid === null)
		reasons.push('document: some checks could not be made (masked or missing values)');
	if (document.isConfident === false)
		reasons.push('document: CLOVA OCR reported isConfident false');
	if (lowConfidenceFields.size > 0) {
		reasons.push(
			`document: confidence below ${minConfidence} for ${[...lowConfidenceFields].join(', ')}`,
		);
	}
	const documentReview: DocumentReview = {
		valid: result.valid,
		warnings: reasons.join(WARNING_SEPARATOR),
		needsReview: result.valid !== true || reasons.length > 0,
	};
	if (document.documentType === 'driverLicense') {
		documentReview.licenseClasses = (result.licenseClasses ?? []).join(', ');
		documentReview.renewalOverdue = result.renewalOverdue ?? null;
	}
	return { document: documentReview, fields };
}
