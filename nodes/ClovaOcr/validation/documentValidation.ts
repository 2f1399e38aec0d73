import { toIsoDate } from '../model/calendar';
import { combineValidity, notesOf, withFieldPrefix } from './checkResult';
import { firstValue } from './contextFields';
import {
	checkIssueAfterBirth,
	checkLicenseYearAgainstBirth,
	checkLicenseYearAgainstIssueDate,
} from './crossChecks';
import { readDate, type DateReading } from '../model/dateReading';
import { checkDateReading, checkRenewal, isIssueDateNotAfterRunDate } from './dateChecks';
import { validateField } from './fieldValidation';
import type { CheckResult } from './checkResult';
import { readLicenseClasses } from './licenseClasses';
import { readLicenseNumber } from './licenseNumber';
import { checkRegistrationBackHalf, passportHolderOf } from './registrationBackHalf';
import { checkRrn } from './rrn';
import type { DocumentValidationResult, ValidationContext } from './types';

const FIELDS_WITH_OWN_WARNINGS = [
	'num',
	'type',
	'birthDate',
	'issueDate',
	'expireDate',
	'renewStartDate',
	'renewEndDate',
	'authority',
];

/** The field that holds the registration number (on a passport, only its back half). */
function registrationNumberField(documentType: ValidationContext['documentType']): string {
	return documentType === 'alienRegistrationCard' ? 'alienRegNum' : 'personalNum';
}

// Checks that only ever warn (no checksum since 2020-10-05; an overdue card is still a genuine card).
const ADVISORY_CHECKS = new Set([
	'personalNumChecksum',
	'alienRegNumChecksum',
	'renewalNotOverdue',
]);

/** The check of each field's first non-empty value, by field key. */
export type FieldChecks = ReadonlyMap<string, CheckResult>;

function fieldChecksOf(context: ValidationContext): FieldChecks {
	const checks = new Map<string, CheckResult>();
	for (const field of Object.keys(context.fields)) {
		const value = firstValue(context, field);
		if (value !== null) checks.set(field, validateField(field, value, context));
	}
	return checks;
}

function fieldDate(context: ValidationContext, field: string): DateReading {
	return readDate(firstValue(context, field));
}

/** A passport prints the birth date itself; null unless it passed its own check. */
function passportBirthDate(context: ValidationContext, fieldChecks: FieldChecks): string | null {
	return fieldChecks.get('birthDate')?.valid === true ? fieldDate(context, 'birthDate').iso : null;
}

/**
 * Validates the whole document: every field rule plus cross-field rules.
 * `checks` values are true = passed, false = certainly failed, null = could not tell.
 * The document is invalid when any non-advisory check fails, unknown when any is unknown.
 *
 * Keys, every document: issueDateValid, issueDateNotFuture, issueAfterBirth; every document
 * but a passport: `<id>Format`, `<id>Date`, `<id>Checksum` (id = alienRegNum on an alien
 * registration card, else personalNum). Resident cards and licenses add authority; licenses
 * add licenseNumber, licenseClasses, renewStartDateValid, renewEndDateValid, renewalWindow,
 * renewalNotOverdue, licenseYearVsBirth, licenseYearVsIssueDate; passports add passportNumber,
 * birthDateValid (a real date, not after the run date) and expireDateValid (a real date after
 * the issue date), and report `expired`; a passport with a personalNum (the back half of the
 * registration number) adds personalNumFormat, personalNumCentury (its gender digit against
 * the birth date) and personalNumSex (against the sex field).
 */
export function validateDocument(
	context: ValidationContext,
	fieldChecks: FieldChecks = fieldChecksOf(context),
): DocumentValidationResult {
	const runDate = toIsoDate(context.runDate);
	const isLicense = context.documentType === 'driverLicense';
	const isPassport = context.documentType === 'passport';
	const idField = registrationNumberField(context.documentType);
	const checks: Record<string, boolean | null> = {};
	const warnings: string[] = [];
	const notes: string[] = [];

	for (const field of [idField, ...FIELDS_WITH_OWN_WARNINGS]) {
		warnings.push(...(fieldChecks.get(field)?.warnings ?? []));
		notes.push(...notesOf(fieldChecks.get(field)));
	}

	const idValue = firstValue(context, idField);
	const rrn =
		isPassport || idValue === null
			? null
			: checkRrn(idValue, { runDate, expectForeigner: idField === 'alienRegNum' });
	if (!isPassport) {
		checks[`${idField}Format`] = rrn?.checks.format ?? null;
		checks[`${idField}Date`] = rrn?.checks.date ?? null;
		checks[`${idField}Checksum`] = rrn?.checks.checksum ?? null;
	}
	// Newer passports print no registration number at all: checked only when one was read.
	if (isPassport && idValue !== null) {
		const backHalf = checkRegistrationBackHalf(idValue, passportHolderOf(context));
		checks[`${idField}Format`] = backHalf.checks.format;
		checks[`${idField}Century`] = backHalf.checks.century;
		checks[`${idField}Sex`] = backHalf.checks.sex;
	}
	const birthDate = isPassport
		? passportBirthDate(context, fieldChecks)
		: rrn?.checks.date === true
			? rrn.reading.birthDate
			: null;

	const issueDate = fieldDate(context, 'issueDate');
	checks.issueDateValid = checkDateReading(issueDate).valid;
	checks.issueDateNotFuture =
		runDate === null ? null : isIssueDateNotAfterRunDate(issueDate.iso, runDate);
	const issueAfterBirth = checkIssueAfterBirth(birthDate, issueDate.iso);
	checks.issueAfterBirth = issueAfterBirth.valid;
	warnings.push(...withFieldPrefix('issueDate', issueAfterBirth.warnings));

	if (isLicense || context.documentType === 'idCard') {
		checks.authority = fieldChecks.get('authority')?.valid ?? null;
	}

	const result: DocumentValidationResult = {
		valid: null,
		warnings: [],
		checks,
		birthDate,
		sex: rrn?.reading.sex ?? null,
	};

	if (isPassport) {
		checks.passportNumber = fieldChecks.get('num')?.valid ?? null;
		checks.birthDateValid = fieldChecks.get('birthDate')?.valid ?? null;
		checks.expireDateValid = fieldChecks.get('expireDate')?.valid ?? null;
		const expireDate = fieldDate(context, 'expireDate').iso;
		result.expired = expireDate === null || runDate === null ? null : expireDate < runDate;
	}

	if (isLicense) {
		const licenseNumber = readLicenseNumber(firstValue(context, 'num') ?? '');
		checks.licenseNumber = licenseNumber.valid;

		const classes = readLicenseClasses(firstValue(context, 'type') ?? '');
		checks.licenseClasses = classes.valid;
		result.licenseClasses = classes.classes;

		const renewStart = fieldDate(context, 'renewStartDate');
		const renewEnd = fieldDate(context, 'renewEndDate');
		checks.renewStartDateValid = checkDateReading(renewStart).valid;
		checks.renewEndDateValid = checkDateReading(renewEnd).valid;
		const renewal = checkRenewal(renewStart.iso, renewEnd.iso, runDate);
		checks.renewalWindow = renewal.window.valid;
		const overdue = renewal.overdue;
		checks.renewalNotOverdue = overdue === null ? null : !overdue;
		result.renewalOverdue = overdue;

		const yearVsBirth = checkLicenseYearAgainstBirth(
			birthDate,
			licenseNumber.firstLicensedYear,
			runDate,
		);
		checks.licenseYearVsBirth = yearVsBirth.valid;
		const yearVsIssue = checkLicenseYearAgainstIssueDate(
			yearVsBirth.firstLicensedYear,
			issueDate.iso,
		);
		checks.licenseYearVsIssueDate = yearVsIssue.valid;
		warnings.push(...withFieldPrefix('num', [...yearVsBirth.warnings, ...yearVsIssue.warnings]));
	}

	if (runDate === null) warnings.push('runDate: not a valid YYYY-MM-DD date');

	result.valid = combineValidity(
		Object.keys(checks)
			.filter((key) => !ADVISORY_CHECKS.has(key))
			.map((key) => checks[key]),
	);
	result.warnings = [...new Set(warnings)];
	const uniqueNotes = [...new Set(notes)];
	if (uniqueNotes.length > 0) result.notes = uniqueNotes;
	return result;
}
