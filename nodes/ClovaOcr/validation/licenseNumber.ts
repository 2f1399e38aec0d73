import { LICENSE_REGION_BY_CODE, LICENSE_REGION_CODE_BY_NAME } from './licenseRegions';
import type { CheckResult } from './checkResult';
import { readableFieldText } from './fieldTextLimit';

// Matched after whitespace is removed; `*` is a masked character.
const NUMERIC_FORMAT = /^([0-9*]{2})-?([0-9*]{2})-?([0-9*]{6})-?([0-9*]{2})$/;
const REGION_NAME_FORMAT = /^([가-힣*]+)-?([0-9*]{2})-?([0-9*]{6})-?([0-9*]{2})$/;

export type LicenseNumberFormat = 'numeric' | 'regionName';

export type LicenseNumberReading = CheckResult & {
	format: LicenseNumberFormat | null;
	masked: boolean;
	regionCode: string | null;
	regionName: string | null;
	/** Two-digit year first licensed (YY); the century is not printed. */
	firstLicensedYear: string | null;
};

/**
 * Reads `RR-YY-NNNNNN-CD` or the older `<region name> YY-NNNNNN-CD`.
 * The check digit C is not verified: its algorithm is not public.
 */
export function readLicenseNumber(text: string): LicenseNumberReading {
	const compact = readableFieldText(text).replace(/\s+/g, '');
	const reading: LicenseNumberReading = {
		valid: null,
		warnings: [],
		format: null,
		masked: compact.includes('*'),
		regionCode: null,
		regionName: null,
		firstLicensedYear: null,
	};
	if (compact === '') return reading;

	const numeric = NUMERIC_FORMAT.exec(compact);
	const named = numeric ? null : REGION_NAME_FORMAT.exec(compact);
	const match = numeric ?? named;
	if (!match) {
		return { ...reading, valid: false, warnings: ["not a driver's license number shape"] };
	}
	reading.format = numeric ? 'numeric' : 'regionName';
	reading.firstLicensedYear = match[2].includes('*') ? null : match[2];

	const region = match[1];
	if (region.includes('*')) return reading;
	if (numeric) {
		const name = LICENSE_REGION_BY_CODE[region];
		if (name === undefined) return { ...reading, valid: false, warnings: ['unknown region code'] };
		return { ...reading, valid: true, regionCode: region, regionName: name };
	}
	const code = LICENSE_REGION_CODE_BY_NAME[region];
	if (code === undefined) return { ...reading, valid: false, warnings: ['unknown region name'] };
	return { ...reading, valid: true, regionCode: code, regionName: region };
}
