import { toIsoDate } from '../../model/calendar';
import { readDate } from '../../model/dateReading';
import { combineValidity, notesOf } from '../checkResult';
import type { CheckResult } from '../checkResult';
import { firstValue } from '../contextFields';
import { checkDateReading, isIssueDateNotAfterRunDate } from '../dateChecks';
import type { DocumentValidationResult, ValidationContext } from '../types';
import { checkBusinessNumber } from './businessNumber';
import { validateBusinessField } from './businessFieldValidation';
import { checkCorporateNumber } from './corporateNumber';
import { checkTaxTypeAgainstNumber } from './taxType';

/** The check of each field's first non-empty value, by field key. */
export type BusinessFieldChecks = ReadonlyMap<string, CheckResult>;

const FIELDS_WITH_OWN_WARNINGS = [
	'registerNumber',
	'corpRegisterNum',
	'socialNumber',
	'coRepSocialNum',
	'birth',
	'openDate',
	'issuanceDate',
];

/** Fields a certificate prints only for some businesses: checked only when one was read. */
const PERSON_FIELDS = ['socialNumber', 'coRepSocialNum'];

// A business keeps its number when it changes its tax type: a mismatch only asks for a look.
const ADVISORY_CHECKS = new Set(['taxTypeMatchesNumber']);

/** The field checks validateBusinessDocument expects: validateBusinessField of each first value. */
export function businessFieldChecksOf(context: ValidationContext): BusinessFieldChecks {
	const checks = new Map<string, CheckResult>();
	for (const field of Object.keys(context.fields)) {
		const value = firstValue(context, field);
		if (value !== null) checks.set(field, validateBusinessField(field, value, context));
	}
	return checks;
}

function notAfter(date: string | null, limit: string | null): boolean | null {
	return date === null || limit === null ? null : date <= limit;
}

/**
 * Validates a business registration certificate: every field rule plus cross-field rules.
 * `checks` values are true = passed, false = certainly failed, null = could not tell.
 * The document is invalid when any non-advisory check fails, unknown when any is unknown.
 *
 * Keys, every certificate: registerNumberFormat, registerNumberCheckDigit, openDateValid,
 * openDateNotAfterIssuance, openDateNotAfterRunDate, issuanceDateValid,
 * issuanceNotAfterRunDate, taxTypeMatchesNumber (advisory: the tax type and the corporate
 * registration number against the business number's middle code, reported as notes). Only
 * when the field was read: corpRegisterNumFormat, corpRegisterNumCheckDigit, birthValid,
 * socialNumber and coRepSocialNum (their date check; null when masked).
 * A missing registerNumber is a warning (`registerNumber: missing`).
 */
export function validateBusinessDocument(
	context: ValidationContext,
	fieldChecks: BusinessFieldChecks,
): DocumentValidationResult {
	const runDate = toIsoDate(context.runDate);
	const checks: Record<string, boolean | null> = {};
	const warnings: string[] = [];
	const notes: string[] = [];

	for (const field of FIELDS_WITH_OWN_WARNINGS) {
		warnings.push(...(fieldChecks.get(field)?.warnings ?? []));
		notes.push(...notesOf(fieldChecks.get(field)));
	}

	const registerNumber = firstValue(context, 'registerNumber');
	if (registerNumber === null) warnings.push('registerNumber: missing');
	const business = registerNumber === null ? null : checkBusinessNumber(registerNumber);
	checks.registerNumberFormat = business?.checks.format ?? null;
	checks.registerNumberCheckDigit = business?.checks.checkDigit ?? null;

	const corpRegisterNum = firstValue(context, 'corpRegisterNum');
	if (corpRegisterNum !== null) {
		const corporate = checkCorporateNumber(corpRegisterNum);
		checks.corpRegisterNumFormat = corporate.checks.format;
		checks.corpRegisterNumCheckDigit = corporate.checks.checkDigit;
	}

	if (firstValue(context, 'birth') !== null) {
		checks.birthValid = fieldChecks.get('birth')?.valid ?? null;
	}
	for (const field of PERSON_FIELDS) {
		if (firstValue(context, field) !== null) checks[field] = fieldChecks.get(field)?.valid ?? null;
	}

	const openDate = readDate(firstValue(context, 'openDate'));
	const issuanceDate = readDate(firstValue(context, 'issuanceDate'));
	checks.openDateValid = checkDateReading(openDate).valid;
	checks.openDateNotAfterIssuance = notAfter(openDate.iso, issuanceDate.iso);
	checks.openDateNotAfterRunDate = notAfter(openDate.iso, runDate);
	checks.issuanceDateValid = checkDateReading(issuanceDate).valid;
	checks.issuanceNotAfterRunDate =
		runDate === null ? null : isIssueDateNotAfterRunDate(issuanceDate.iso, runDate);

	const taxType = checkTaxTypeAgainstNumber({
		taxType: firstValue(context, 'taxType'),
		registerNumber,
		corpRegisterNum,
	});
	checks.taxTypeMatchesNumber = taxType.valid;
	notes.push(...notesOf(taxType));

	if (runDate === null) warnings.push('runDate: not a valid YYYY-MM-DD date');

	const result: DocumentValidationResult = {
		valid: combineValidity(
			Object.keys(checks)
				.filter((key) => !ADVISORY_CHECKS.has(key))
				.map((key) => checks[key]),
		),
		warnings: [...new Set(warnings)],
		checks,
	};
	const uniqueNotes = [...new Set(notes)];
	if (uniqueNotes.length > 0) result.notes = uniqueNotes;
	return result;
}
