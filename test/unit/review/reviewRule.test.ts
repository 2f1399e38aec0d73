import { imageFactsOf } from '../../../nodes/ClovaOcr/response/imageFacts';
import { parseIdCardResponse } from '../../../nodes/ClovaOcr/response/parseResponse';
import {
	recognizedDocumentOf,
	type RecognizedDocument,
} from '../../../nodes/ClovaOcr/response/recognizedDocument';
import { reviewDocument, type ReviewOptions } from '../../../nodes/ClovaOcr/review/reviewDocument';
import { keyFieldsOf } from '../../../nodes/ClovaOcr/model/documentTypes';
import { clovaFixtureText, type ClovaFixture } from '../../fixtures/clovaFixtures';

// The review rule: needsReview only for a failed check, a warning, low confidence,
// isConfident false, the service's verdict INVALID or ERROR, an overdue renewal or an
// expired passport. Masked values and checks that do not apply leave valid null and ask for
// nothing; advisory findings go to notes.

const RUN_DATE = '2026-11-22';

function example(fixture: ClovaFixture) {
	const { response } = parseIdCardResponse(clovaFixtureText(fixture));
	const image = response.images[0];
	return { document: recognizedDocumentOf(image), facts: imageFactsOf(image) };
}

function review(document: RecognizedDocument, options: Partial<ReviewOptions> = {}) {
	return reviewDocument(document, { runDate: RUN_DATE, minConfidence: 0, ...options });
}

/** The document with one field's single value replaced (text and formatted value alike). */
function withValue(document: RecognizedDocument, field: string, text: string): RecognizedDocument {
	const fields = document.fields.some((f) => f.field === field)
		? document.fields
		: [...document.fields, { field, values: [{ text }] }];
	return {
		...document,
		fields: fields.map((f) =>
			f.field === field ? { field, values: [{ ...f.values[0], text, formatted: undefined }] } : f,
		),
	};
}

const EXAMPLES: Array<[ClovaFixture, string]> = [
	['ic-success.ko', 'idCard'],
	['ic-success.en', 'idCard'],
	['dl-success.ko', 'driverLicense'],
	['pp-success.synthetic', 'passport'],
	['ac-success.synthetic', 'alienRegistrationCard'],
];

describe('the documented (masked) examples need no review', () => {
	test.each([
		['ic-success.ko', null, {}],
		['ic-success.en', null, {}],
		['dl-success.ko', null, { renewalOverdue: false }],
		['pp-success.synthetic', null, { expired: false }],
		// The alien card's masked number still gives its birth date; its checksum is advisory.
		['ac-success.synthetic', true, {}],
	] as const)('%s: valid %s, nothing to review', (fixture, valid, extra) => {
		const { document, facts } = example(fixture);
		expect(facts.validationResult).toBe('NO_REQUESTED');
		const result = review(document, { validationResult: facts.validationResult });
		expect(result.document).toMatchObject({ valid, warnings: '', notes: '', needsReview: false });
		expect(result.document).toEqual(expect.objectContaining(extra));
		expect(result.fields.flat().map((f) => [f.needsReview, f.warnings, f.notes])).toEqual(
			result.fields.flat().map(() => [false, '', '']),
		);
	});
});

const MISSING_KEY_FIELDS: Partial<Record<ClovaFixture, string>> = {
	'ic-success.ko': 'personalNum: missing',
	'ic-success.en': 'personalNum: missing',
	'dl-success.ko': 'num: missing; personalNum: missing',
	'pp-success.synthetic': 'num: missing',
	'ac-success.synthetic': 'alienRegNum: missing',
};

/** The document with its key fields taken out, or left with one empty value each. */
function withoutKeyFields(
	document: RecognizedDocument,
	how: 'absent' | 'empty',
): RecognizedDocument {
	const keyFields = keyFieldsOf(document.documentType);
	const fields = document.fields.filter((f) => !keyFields.includes(f.field));
	if (how === 'empty')
		fields.push(...keyFields.map((field) => ({ field, values: [{ text: ' ' }] })));
	return { ...document, fields };
}

describe.each(EXAMPLES)('%s (%s): what asks for review', (fixture) => {
	const { document } = example(fixture);

	test.each(['absent', 'empty'] as const)(
		'a key field %s asks for review on the document and every value',
		(how) => {
			const result = review(withoutKeyFields(document, how));
			const warning = MISSING_KEY_FIELDS[fixture];
			expect(result.document).toMatchObject({ warnings: warning, needsReview: true });
			const values = result.fields.flat();
			expect(values.length).toBeGreaterThan(0);
			expect(values.map((f) => [f.warnings, f.needsReview])).toEqual(
				values.map(() => [warning, true]),
			);
		},
	);

	test.each([
		['NO_REQUESTED', false],
		['UNCHECKED', false],
		['VALID', false],
		[null, false],
		['INVALID', true],
		['ERROR', true],
	] as const)("the service's verdict %s → needsReview %s", (verdict, needsReview) => {
		const result = review(document, { validationResult: verdict });
		const warning = needsReview ? `document: CLOVA OCR's validationResult is ${verdict}` : '';
		expect(result.document).toMatchObject({ needsReview, warnings: warning });
		for (const field of result.fields.flat()) {
			expect(field).toMatchObject({ needsReview, warnings: warning });
		}
	});

	test.each(['invalid', 'SUSPICIOUS', ''])(
		'a verdict the tables do not list (%p) asks for review, without echoing it',
		(verdict) => {
			const result = review(document, { validationResult: verdict });
			expect(result.document).toMatchObject({
				needsReview: true,
				warnings: "document: CLOVA OCR's validationResult is not one of the documented values",
			});
		},
	);

	test('isConfident false asks for review on the document and every value', () => {
		const result = review({ ...document, isConfident: false });
		const warning = 'document: CLOVA OCR reported isConfident false';
		expect(result.document).toMatchObject({ needsReview: true, warnings: warning });
		expect(result.fields.flat().every((f) => f.needsReview && f.warnings === warning)).toBe(true);
	});

	test('confidence below Minimum Confidence (the examples score 0.0)', () => {
		const result = review(document, { minConfidence: 0.5 });
		expect(result.document.needsReview).toBe(true);
		expect(result.document.warnings).toMatch(/^document: confidence below 0\.5 for /);
		expect(result.fields.flat().every((f) => f.needsReview)).toBe(true);
	});

	test('a failed check: an issue date after the run date', () => {
		const result = review(withValue(document, 'issueDate', '2027.01.01'));
		expect(result.document).toMatchObject({ valid: false, needsReview: true });
		expect(result.document.warnings).toContain('issueDate: after the run date');
	});
});

describe("driver's license", () => {
	const { document } = example('dl-success.ko');

	test('renewal overdue asks for review; the card stays as valid as it was', () => {
		const result = review(document, { runDate: '2030-01-01' });
		expect(result.document).toMatchObject({
			valid: null,
			warnings: 'renewEndDate: renewal overdue since the end of the window',
			notes: '',
			needsReview: true,
			renewalOverdue: true,
		});
	});

	test("an authority's old name on a card issued after the renaming is a note only", () => {
		const result = review(withValue(document, 'issueDate', '2021.03.02'));
		expect(result.document).toMatchObject({
			warnings: '',
			notes: 'authority: pre-2021 agency name on a card issued on or after 2021-01-01',
			needsReview: false,
		});
	});

	test('a new name on a card issued before the renaming is a warning', () => {
		const result = review(withValue(document, 'authority', '서울경찰청장'));
		expect(result.document).toMatchObject({
			warnings: 'authority: agency name in use only since 2021-01-01 on a card issued before then',
			needsReview: true,
		});
	});
});

describe('resident registration card', () => {
	const { document } = example('ic-success.ko');

	test('a checksum that a number issued since 2020-10-05 need not satisfy is a note only', () => {
		const result = review(withValue(document, 'personalNum', '800101-1234561'));
		expect(result.document).toMatchObject({
			warnings: '',
			notes: 'personalNum: checksum does not match (numbers issued since 2020-10-05 have none)',
			needsReview: false,
		});
	});

	test('an impossible birth date fails the check', () => {
		const result = review(withValue(document, 'personalNum', '801301-1234567'));
		expect(result.document).toMatchObject({ valid: false, needsReview: true });
	});
});

describe('passport', () => {
	const { document } = example('pp-success.synthetic');

	test.each([
		['M12345678 (old format)', 'num', 'M12345678', true, ''],
		['M123A4567 (since 2021)', 'num', 'M123A4567', true, ''],
		[
			'a number of another shape',
			'num',
			'27-19-123456-61',
			false,
			'num: not a Korean passport number shape (M12345678 or M123A4567)',
		],
		[
			'a birth date after the run date',
			'birthDate',
			'2030.01.01',
			false,
			'birthDate: after the run date',
		],
		[
			'an impossible birth date',
			'birthDate',
			'1990.02.30',
			false,
			'birthDate: not a real calendar date',
		],
		[
			'an issue date after the run date',
			'issueDate',
			'2027.01.01',
			false,
			'issueDate: after the run date',
		],
		[
			'an expiry not after the issue date',
			'expireDate',
			'1999.12.31',
			false,
			'expireDate: not after the issue date',
		],
	] as const)('%s', (_case, field, text, valid, warnings) => {
		const result = review(withValue(document, field, text));
		expect(result.document).toMatchObject({ valid, warnings, needsReview: !valid });
	});

	test('personalNum, the back half of the registration number: its field and the document agree', () => {
		const index = (result: RecognizedDocument) =>
			result.fields.findIndex((f) => f.field === 'personalNum');
		// The example: born 1900-01-01, sex M.
		const matching = withValue(document, 'personalNum', '1234567');
		const ok = review(matching);
		expect(ok.document).toMatchObject({ warnings: '', needsReview: false });
		expect(ok.fields[index(matching)][0]).toEqual({
			valid: true,
			warnings: '',
			notes: '',
			needsReview: false,
		});
		const otherSex = withValue(document, 'personalNum', '2234567');
		const wrong = review(otherSex);
		const warning = 'personalNum: gender digit does not match the sex field';
		expect(wrong.document).toMatchObject({ valid: false, warnings: warning, needsReview: true });
		expect(wrong.fields[index(otherSex)][0]).toEqual({
			valid: false,
			warnings: warning,
			notes: '',
			needsReview: true,
		});
	});

	test.each([
		[
			'a gender digit of the 2000s',
			'3234567',
			"personalNum: gender digit does not match the birth date's century",
		],
		[
			'a gender digit of the 1800s',
			'9234567',
			"personalNum: gender digit does not match the birth date's century",
		],
		[
			'a whole registration number',
			'000101-1234567',
			'personalNum: not the back half of a registration number (7 digits)',
		],
	])('personalNum: %s fails the document', (_case, text, warnings) => {
		expect(review(withValue(document, 'personalNum', text)).document).toMatchObject({
			valid: false,
			warnings,
			needsReview: true,
		});
	});

	test('personalNum with its gender digit masked: unknown, no review', () => {
		expect(review(withValue(document, 'personalNum', '*******')).document).toMatchObject({
			valid: null,
			warnings: '',
			needsReview: false,
		});
	});

	test('expired before the run date: `expired`, a warning, review', () => {
		const result = review(document, { runDate: '2099-01-02' });
		expect(result.document).toMatchObject({
			warnings: 'expireDate: expired before the run date',
			needsReview: true,
			expired: true,
		});
		const index = document.fields.findIndex((f) => f.field === 'expireDate');
		expect(result.fields[index][0]).toEqual({
			valid: true,
			warnings: 'expireDate: expired before the run date',
			notes: '',
			needsReview: true,
		});
	});

	test('expiring on the run date is not expired yet', () => {
		expect(review(document, { runDate: '2099-01-01' }).document).toMatchObject({
			expired: false,
			needsReview: false,
		});
	});
});

describe('alien registration card', () => {
	const { document } = example('ac-success.synthetic');

	test('a foreigner checksum mismatch is a note only', () => {
		const result = review(withValue(document, 'alienRegNum', '991231-5123450'));
		expect(result.document).toMatchObject({
			valid: true,
			warnings: '',
			notes:
				'alienRegNum: checksum does not match the usual formulas (advisory for foreigner numbers)',
			needsReview: false,
		});
	});

	test.each([
		['an impossible birth date', 'alienRegNum', '991331-5123451'],
		['an issue date before the birth date', 'issueDate', '1899.01.01'],
		['an issue date after the run date', 'issueDate', '2027.01.01'],
	])('%s fails the check', (_case, field, text) => {
		const result = review(withValue(document, field, text));
		expect(result.document).toMatchObject({ valid: false, needsReview: true });
	});

	test('a citizen number on an alien card is a warning', () => {
		const result = review(withValue(document, 'alienRegNum', '800101-1234560'));
		expect(result.document).toMatchObject({
			warnings: 'alienRegNum: gender digit is not a foreigner digit (5-8)',
			needsReview: true,
		});
	});
});
