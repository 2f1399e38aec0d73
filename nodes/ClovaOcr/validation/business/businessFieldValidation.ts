import { toIsoDate } from '../../model/calendar';
import { readDate } from '../../model/dateReading';
import { notesOf, withFieldPrefix } from '../checkResult';
import type { CheckResult } from '../checkResult';
import { dateOfField } from '../contextFields';
import { checkDateReading, checkPastDate } from '../dateChecks';
import { checkRrn } from '../rrn';
import type { ValidationContext } from '../types';
import { checkBusinessNumber } from './businessNumber';
import { checkCorporateNumber } from './corporateNumber';

type FieldValidator = (value: string, context: ValidationContext) => CheckResult;

function unknown(): CheckResult {
	return { valid: null, warnings: [] };
}

function validateRegisterNumber(value: string): CheckResult {
	const { valid, warnings, notes } = checkBusinessNumber(value);
	return { valid, warnings, ...(notes ? { notes } : {}) };
}

function validateCorpRegisterNum(value: string): CheckResult {
	const { valid, warnings } = checkCorporateNumber(value);
	return { valid, warnings };
}

/**
 * The representative's resident registration number. A masked one (any `*`) is not read at
 * all: a half-hidden number would pass its date check and say nothing about the rest.
 */
function validateSocialNumber(value: string, context: ValidationContext): CheckResult {
	if (value.includes('*')) return unknown();
	const { valid, warnings, notes } = checkRrn(value, { runDate: toIsoDate(context.runDate) });
	return { valid, warnings, ...(notes ? { notes } : {}) };
}

/** A real date, not after the run date (birth, issuanceDate). */
function validatePastDate(value: string, context: ValidationContext): CheckResult {
	return checkPastDate(value, context.runDate);
}

/** A real date, neither after the issuance date nor after the run date. */
function validateOpenDate(value: string, context: ValidationContext): CheckResult {
	const reading = readDate(value);
	const own = checkDateReading(reading);
	if (own.valid !== true || reading.iso === null) return own;
	const warnings: string[] = [];
	const issuanceDate = dateOfField(context, 'issuanceDate');
	if (issuanceDate !== null && reading.iso > issuanceDate) warnings.push('after the issuance date');
	const runDate = toIsoDate(context.runDate);
	if (runDate !== null && reading.iso > runDate) warnings.push('after the run date');
	return { valid: warnings.length === 0, warnings };
}

const VALIDATORS: Readonly<Record<string, FieldValidator>> = {
	registerNumber: validateRegisterNumber,
	corpRegisterNum: validateCorpRegisterNum,
	socialNumber: validateSocialNumber,
	coRepSocialNum: validateSocialNumber,
	birth: validatePastDate,
	openDate: validateOpenDate,
	issuanceDate: validatePastDate,
};

/**
 * Validates one normalized value of a business registration certificate; fields without a
 * rule are unknown. Warnings and notes are prefixed with the field key and never echo the value.
 */
export function validateBusinessField(
	field: string,
	value: string,
	context: ValidationContext,
): CheckResult {
	if (!Object.prototype.hasOwnProperty.call(VALIDATORS, field) || value.trim() === '') {
		return unknown();
	}
	const result = VALIDATORS[field](value, context);
	const notes = withFieldPrefix(field, notesOf(result));
	return {
		valid: result.valid,
		warnings: withFieldPrefix(field, result.warnings),
		...(notes.length > 0 ? { notes } : {}),
	};
}
