import { toIsoDate } from '../model/calendar';
import { checkPoliceAuthority, checkResidentCardAuthority } from './authority';
import { notesOf, withFieldPrefix } from './checkResult';
import { dateOfField } from './contextFields';
import { readDate } from '../model/dateReading';
import { checkDateReading, checkPastDate, checkRenewal } from './dateChecks';
import { readLicenseClasses } from './licenseClasses';
import { readLicenseNumber } from './licenseNumber';
import { checkPassportNumber } from './passportNumber';
import { checkRegistrationBackHalf, passportHolderOf } from './registrationBackHalf';
import { checkRrn } from './rrn';
import type { CheckResult } from './checkResult';
import type { ValidationContext } from './types';

type FieldValidator = (value: string, context: ValidationContext) => CheckResult;

function validateDate(value: string): CheckResult {
	return checkDateReading(readDate(value));
}

function validateRenewEndDate(value: string, context: ValidationContext): CheckResult {
	const reading = readDate(value);
	const own = checkDateReading(reading);
	if (own.valid !== true) return own;
	const { window, overdue } = checkRenewal(
		dateOfField(context, 'renewStartDate'),
		reading.iso,
		context.runDate,
	);
	const warnings = [...window.warnings];
	if (overdue === true) warnings.push('renewal overdue since the end of the window');
	return { valid: window.valid === false ? false : true, warnings };
}

/** A real date, not after the run date (issue and birth dates). */
function validatePastDate(value: string, context: ValidationContext): CheckResult {
	return checkPastDate(value, context.runDate);
}

/** A real date after the issue date; an expiry before the run date is a warning. */
function validateExpireDate(value: string, context: ValidationContext): CheckResult {
	const reading = readDate(value);
	const own = checkDateReading(reading);
	if (own.valid !== true || reading.iso === null) return own;
	const issueDate = dateOfField(context, 'issueDate');
	if (issueDate !== null && reading.iso <= issueDate)
		return { valid: false, warnings: ['not after the issue date'] };
	const runDate = toIsoDate(context.runDate);
	if (runDate !== null && reading.iso < runDate)
		return { valid: true, warnings: ['expired before the run date'] };
	return own;
}

function validateNum(value: string, context: ValidationContext): CheckResult {
	if (context.documentType === 'passport') return checkPassportNumber(value);
	if (context.documentType !== 'driverLicense') return { valid: null, warnings: [] };
	const { valid, warnings } = readLicenseNumber(value);
	return { valid, warnings };
}

function validateLicenseType(value: string, context: ValidationContext): CheckResult {
	if (context.documentType !== 'driverLicense') return { valid: null, warnings: [] };
	const { valid, warnings } = readLicenseClasses(value);
	return { valid, warnings };
}

function validateAuthority(value: string, context: ValidationContext): CheckResult {
	if (context.documentType === 'driverLicense')
		return checkPoliceAuthority(value, dateOfField(context, 'issueDate'));
	if (context.documentType === 'idCard') return checkResidentCardAuthority(value);
	return { valid: null, warnings: [] };
}

function validateRegistrationNumber(expectForeigner: boolean): FieldValidator {
	return (value, context) => {
		const { valid, warnings, notes } = checkRrn(value, {
			runDate: toIsoDate(context.runDate),
			expectForeigner,
		});
		return { valid, warnings, ...(notes ? { notes } : {}) };
	};
}

const validateResidentNumber = validateRegistrationNumber(false);

/** A passport prints only the back half of the resident registration number. */
function validatePersonalNum(value: string, context: ValidationContext): CheckResult {
	if (context.documentType !== 'passport') return validateResidentNumber(value, context);
	const { valid, warnings } = checkRegistrationBackHalf(value, passportHolderOf(context));
	return { valid, warnings };
}

const VALIDATORS: Readonly<Record<string, FieldValidator>> = {
	personalNum: validatePersonalNum,
	alienRegNum: validateRegistrationNumber(true),
	num: validateNum,
	issueDate: validatePastDate,
	birthDate: validatePastDate,
	expireDate: validateExpireDate,
	renewStartDate: validateDate,
	renewEndDate: validateRenewEndDate,
	type: validateLicenseType,
	authority: validateAuthority,
};

/** Validates one normalized value; warnings and notes are prefixed with the field key and never echo the value. */
export function validateField(
	field: string,
	value: string,
	context: ValidationContext,
): CheckResult {
	if (!Object.prototype.hasOwnProperty.call(VALIDATORS, field) || value.trim() === '') {
		return { valid: null, warnings: [] };
	}
	const result = VALIDATORS[field](value, context);
	const notes = withFieldPrefix(field, notesOf(result));
	return {
		valid: result.valid,
		warnings: withFieldPrefix(field, result.warnings),
		...(notes.length > 0 ? { notes } : {}),
	};
}
