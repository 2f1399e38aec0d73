import type { RecognizedDocument } from '../../../nodes/ClovaOcr/response/recognizedDocument';
import type { FieldValue } from '../../../nodes/ClovaOcr/response/schema';
import { reviewDocument } from '../../../nodes/ClovaOcr/review/reviewDocument';
import { runDateIn } from '../../../nodes/ClovaOcr/model/runDate';

// Synthetic card: 800101-123456 has check digit 0 (Σ dᵢ·wᵢ = 122, (11 − 122 mod 11) mod 10 = 0).
const VALID_RRN = '800101-1234560';

function license(
	overrides: Record<string, FieldValue[]> = {},
	isConfident: boolean | null = true,
): RecognizedDocument {
	const one = (text: string, extra: Partial<FieldValue> = {}): FieldValue[] => [
		{ text, confidenceScore: 0.99, ...extra },
	];
	const fields: Record<string, FieldValue[]> = {
		type: one('1종보통 2종소형'),
		num: one('11-00-123456-10'),
		name: one('홍길동'),
		personalNum: one(VALID_RRN, { formatted: { value: VALID_RRN } }),
		renewStartDate: one('2029.01.01', { formatted: { year: '2029', month: '01', day: '01' } }),
		renewEndDate: one('2029 12.31', { formatted: { year: '2029', month: '12', day: '31' } }),
		issueDate: one('2019.09.10'),
		authority: one('서울지방경찰청장'),
		...overrides,
	};
	return {
		documentType: 'driverLicense',
		idType: "Driver's License",
		isConfident,
		fields: Object.entries(fields).map(([field, values]) => ({ field, values })),
	};
}

const fieldReview = (
	document: RecognizedDocument,
	review: ReturnType<typeof reviewDocument>,
	field: string,
) => review.fields[document.fields.findIndex((f) => f.field === field)][0];

describe('reviewDocument', () => {
	test('a consistent license needs no review', () => {
		const document = license();
		const review = reviewDocument(document, { runDate: '2026-11-22', minConfidence: 0.5 });
		expect(review.document).toEqual({
			valid: true,
			warnings: '',
			notes: '',
			needsReview: false,
			licenseClasses: '1종보통, 2종소형',
			renewalOverdue: false,
		});
		expect(review.fields.flat().every((f) => f.needsReview === false)).toBe(true);
		expect(fieldReview(document, review, 'personalNum')).toEqual({
			valid: true,
			warnings: '',
			notes: '',
			needsReview: false,
		});
	});

	test('renewal overdue: a warning, the card stays valid, review needed', () => {
		const document = license();
		const review = reviewDocument(document, { runDate: '2030-01-01', minConfidence: 0 });
		expect(review.document).toEqual({
			valid: true,
			warnings: 'renewEndDate: renewal overdue since the end of the window',
			notes: '',
			needsReview: true,
			licenseClasses: '1종보통, 2종소형',
			renewalOverdue: true,
		});
		expect(fieldReview(document, review, 'renewEndDate')).toEqual({
			valid: true,
			warnings: 'renewEndDate: renewal overdue since the end of the window',
			notes: '',
			needsReview: true,
		});
	});

	test('an impossible birth date and region 27 make the card invalid, naming fields only', () => {
		const document = license({
			personalNum: [{ text: '801301-1234567' }],
			num: [{ text: '27-00-123456-10' }],
		});
		const review = reviewDocument(document, { runDate: '2026-11-22', minConfidence: 0 });
		expect(review.document.valid).toBe(false);
		expect(review.document.needsReview).toBe(true);
		expect(fieldReview(document, review, 'personalNum').valid).toBe(false);
		expect(fieldReview(document, review, 'num').valid).toBe(false);
		expect(review.document.warnings).not.toMatch(/801301|1234567|27-00/);
	});

	// isConfident false concerns the whole card, so every value of it says so too.
	test('low confidence and isConfident false are reasons to review', () => {
		const document = license(
			{ name: [{ text: '홍길동', confidenceScore: 0.42 }], code: [{ text: 'AB12CD' }] },
			false,
		);
		const review = reviewDocument(document, { runDate: '2026-11-22', minConfidence: 0.8 });
		expect(fieldReview(document, review, 'name')).toEqual({
			valid: null,
			warnings:
				'name: confidence 0.42 is below the minimum 0.8; document: CLOVA OCR reported isConfident false',
			notes: '',
			needsReview: true,
		});
		expect(fieldReview(document, review, 'code')).toEqual({
			valid: null,
			warnings:
				'code: no confidence score (minimum 0.8); document: CLOVA OCR reported isConfident false',
			notes: '',
			needsReview: true,
		});
		expect(review.document).toMatchObject({
			valid: true,
			warnings:
				'document: CLOVA OCR reported isConfident false; document: confidence below 0.8 for name, code',
			needsReview: true,
		});
	});

	// A missing key field concerns the whole card too: it comes first among its reasons.
	test('a license without its number: the document and every value need review', () => {
		const document = license({ num: [{ text: '' }] }, false);
		const review = reviewDocument(document, { runDate: '2026-11-22', minConfidence: 0 });
		const cardWarnings = 'num: missing; document: CLOVA OCR reported isConfident false';
		expect(review.document).toMatchObject({
			valid: null,
			warnings: cardWarnings,
			needsReview: true,
		});
		expect(fieldReview(document, review, 'personalNum')).toEqual({
			valid: true,
			warnings: cardWarnings,
			notes: '',
			needsReview: true,
		});
		expect(
			review.fields.flat().every((f) => f.needsReview && f.warnings.endsWith(cardWarnings)),
		).toBe(true);
	});

	test('minConfidence 0 turns the confidence check off', () => {
		const document = license({ name: [{ text: '홍길동', confidenceScore: 0 }] });
		expect(
			reviewDocument(document, { runDate: '2026-11-22', minConfidence: 0 }).document.needsReview,
		).toBe(false);
	});
});

describe('runDateIn', () => {
	test.each([
		['Asia/Seoul', '2026-11-22T15:30:00Z', '2026-11-23'],
		['UTC', '2026-11-22T15:30:00Z', '2026-11-22'],
		['America/New_York', '2026-01-01T03:00:00Z', '2025-12-31'],
	])('%s at %s is %s', (zone, instant, expected) => {
		expect(runDateIn(zone, new Date(instant))).toBe(expected);
	});
});
