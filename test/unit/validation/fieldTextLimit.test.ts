import fc from 'fast-check';

import {
	checkPoliceAuthority,
	checkResidentCardAuthority,
} from '../../../nodes/ClovaOcr/validation/authority';
import type { CheckResult } from '../../../nodes/ClovaOcr/validation/checkResult';
import { MAX_FIELD_TEXT_LENGTH } from '../../../nodes/ClovaOcr/validation/fieldTextLimit';
import { readLicenseClasses } from '../../../nodes/ClovaOcr/validation/licenseClasses';
import { licenseClassTokens } from '../../../nodes/ClovaOcr/validation/licenseClassTokens';
import { readLicenseNumber } from '../../../nodes/ClovaOcr/validation/licenseNumber';
import { checkPassportNumber } from '../../../nodes/ClovaOcr/validation/passportNumber';
import { checkRegistrationBackHalf } from '../../../nodes/ClovaOcr/validation/registrationBackHalf';
import { checkRrn } from '../../../nodes/ClovaOcr/validation/rrn';
import { readSexField } from '../../../nodes/ClovaOcr/validation/sexField';
import { licenseClassTokensBefore } from './licenseClassTokensBefore';

/** The longest text any regex is run on while `read` runs (test and replace go through exec). */
function longestRegexInput(read: () => unknown): number {
	const exec = jest.spyOn(RegExp.prototype, 'exec');
	try {
		read();
		return Math.max(0, ...exec.mock.calls.map(([text]) => String(text).length));
	} finally {
		exec.mockRestore();
	}
}

const man1980 = { birthDate: '1980-01-01', sex: 'male' } as const;

// A value each check accepts, and the check.
const checks: Array<[string, string, (text: string) => unknown]> = [
	['registration number', '800101-1234560', (text) => checkRrn(text)],
	['registration back half', '1234567', (text) => checkRegistrationBackHalf(text, man1980)],
	['license number', '11-19-123456-61', readLicenseNumber],
	['passport number', 'M12345678', checkPassportNumber],
	['sex', 'M', readSexField],
	['police authority', '서울지방경찰청', (text) => checkPoliceAuthority(text, '2019-09-10')],
	['resident card authority', '서울특별시 종로구청장', checkResidentCardAuthority],
];

describe(`a field text over ${MAX_FIELD_TEXT_LENGTH} characters is not read`, () => {
	test.each(checks)('%s: read up to the limit', (_field, value, check) => {
		expect(check(value.padEnd(MAX_FIELD_TEXT_LENGTH, ' '))).toEqual(check(value));
	});

	test.each(checks)(
		'%s: one character more, the result of text of the wrong shape, no regex on it',
		(_field, value, check) => {
			const overLimit = value.padEnd(MAX_FIELD_TEXT_LENGTH + 1, ' ');
			let result: unknown;
			expect(longestRegexInput(() => (result = check(overLimit)))).toBeLessThanOrEqual(1);
			expect(result).toEqual(check('x'));
		},
	);

	test('license classes: not read, and the warning says why without the text', () => {
		const documented =
			'1종대형 1종보통 1종소형 특수(대형견인,소형견인, 구난) 2종보통 2종소형 원동기';
		expect(readLicenseClasses(documented.padEnd(MAX_FIELD_TEXT_LENGTH)).valid).toBe(true);
		let reading: CheckResult | undefined;
		const overLimit = documented.padEnd(MAX_FIELD_TEXT_LENGTH + 1);
		expect(longestRegexInput(() => (reading = readLicenseClasses(overLimit)))).toBe(0);
		expect(reading).toEqual({
			valid: false,
			warnings: [`longer than ${MAX_FIELD_TEXT_LENGTH} characters: not read`],
			classes: [],
			unknownTokens: [],
			maskedTokens: 0,
		});
	});
});

describe('licenseClassTokens splits as it did before the rewrite', () => {
	const piece = fc.constantFrom(
		'1',
		'2',
		'*',
		'종',
		'1종',
		'2종',
		'*종',
		'대형',
		'보통',
		'소형',
		'특수',
		'원동기',
		'견인',
		'구난',
		'연습',
		'(',
		')',
		',',
		'·',
		'、',
		'/',
		' ',
		'  ',
		'\t',
		'\n',
		'\u3000',
		'x',
	);
	test('texts up to 20 pieces: the same tokens (20,000 texts, fixed seed)', () => {
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
				const text = pieces.join('');
				const [now, before] = [licenseClassTokens(text), licenseClassTokensBefore(text)];
				return now.length === before.length && now.every((token, i) => token === before[i]);
			}),
			{ numRuns: 20_000, seed: 18 },
		);
	});
});
