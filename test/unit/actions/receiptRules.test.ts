/**
 * RECEIPT_RULES: a receipt's total and its items' sum as numbers, a note (never a warning) when
 * they differ or cannot be read; no other check.
 */
import { RECEIPT_RULES } from '../../../nodes/ClovaOcr/actions/document/receiptRules';
import { reviewDocument } from '../../../nodes/ClovaOcr/review/reviewDocument';
import type { RecognizedDocument } from '../../../nodes/ClovaOcr/response/recognizedDocument';
import {
	ITEM_PRICE_UNREADABLE_NOTE,
	TOTAL_UNREADABLE_NOTE,
	TOTALS_DIFFER_NOTE,
} from '../../../nodes/ClovaOcr/validation/receiptTotals';
import type { ValidationContext } from '../../../nodes/ClovaOcr/validation/types';

const TOTAL = 'totalPrice.price';
const price = (line: number) => `subResults[0].items[${line}].price.price`;

function contextOf(fields: Record<string, string[]>): ValidationContext {
	return { documentType: 'receipt', runDate: '2026-12-03', fields };
}

describe('RECEIPT_RULES.validateDocument', () => {
	test.each<
		[string, Record<string, string[]>, number | null, number | null, boolean | null, string[]]
	>([
		[
			'the items add up to the total',
			{ [price(0)]: ['2,980'], [price(1)]: ['7,900'], [TOTAL]: ['10,880'] },
			10880,
			10880,
			true,
			[],
		],
		[
			'they differ: a note',
			{ [price(0)]: ['2,980'], [price(1)]: ['7,900'], [TOTAL]: ['9,880'] },
			9880,
			10880,
			false,
			[TOTALS_DIFFER_NOTE],
		],
		[
			'no total: the sum alone',
			{ [price(0)]: ['2,980'], [price(1)]: ['1,000'] },
			null,
			3980,
			null,
			[],
		],
		['no items: the total alone', { [TOTAL]: ['₩19,350'] }, 19350, null, null, []],
		['nothing to add up', { 'storeInfo.name': ['emart'] }, null, null, null, []],
		[
			'an unreadable total: a note, and no comparison',
			{ [price(0)]: ['2,980'], [TOTAL]: ['합계'] },
			null,
			2980,
			null,
			[TOTAL_UNREADABLE_NOTE],
		],
		[
			'an unreadable price: a note, no sum',
			{ [price(0)]: ['2,980'], [price(1)]: ['7,9OO'], [TOTAL]: ['10,880'] },
			10880,
			null,
			null,
			[ITEM_PRICE_UNREADABLE_NOTE],
		],
		[
			'the values of one field are read together',
			{ [price(0)]: ['12,', '000'], [TOTAL]: ['12', ',000'] },
			12000,
			12000,
			true,
			[],
		],
		[
			'a discount line counts as negative; cents are kept',
			{ [price(0)]: ['1,000.50'], [price(1)]: ['500-'], [TOTAL]: ['500.50'] },
			500.5,
			500.5,
			true,
			[],
		],
		[
			'unit prices and other amounts are not items',
			{
				[price(0)]: ['1,000'],
				'subResults[0].items[0].price.unitPrice': ['9,999'],
				'subTotal[0].subTotalPrice': ['9,999'],
				[TOTAL]: ['1,000'],
			},
			1000,
			1000,
			true,
			[],
		],
	])('%s', (_case, fields, total, itemsTotal, totalsAddUp, notes) => {
		expect(RECEIPT_RULES.validateDocument(contextOf(fields), new Map())).toEqual({
			valid: null,
			warnings: [],
			notes,
			checks: { totalsAddUp },
			total,
			itemsTotal,
		});
	});
});

describe('RECEIPT_RULES: nothing else', () => {
	test('no field check', () => {
		const context = contextOf({ [TOTAL]: ['x'] });
		expect(RECEIPT_RULES.validateField(TOTAL, 'x', context)).toEqual({ valid: null, warnings: [] });
	});

	test('no missing fields', () => {
		expect(RECEIPT_RULES.missingFieldWarnings(contextOf({}))).toEqual([]);
	});
});

describe('a receipt reviewed with RECEIPT_RULES', () => {
	const value = (text: string) => ({ text, formatted: { value: text.replace(/,/g, '') } });
	const receipt = (totalText: string): RecognizedDocument => ({
		documentType: 'receipt',
		idType: null,
		isConfident: null,
		fields: [
			{ field: price(0), values: [value('2,980')] },
			{ field: price(1), values: [value('7,900')] },
			{ field: TOTAL, values: [value(totalText)] },
		],
	});

	test.each<[string, string, object]>([
		[
			'totals that add up',
			'10,880',
			{ valid: null, warnings: '', notes: '', needsReview: false, total: 10880, itemsTotal: 10880 },
		],
		[
			'totals that differ: a note, no review',
			'9,880',
			{
				valid: null,
				warnings: '',
				notes: TOTALS_DIFFER_NOTE,
				needsReview: false,
				total: 9880,
				itemsTotal: 10880,
			},
		],
	])('%s', (_case, totalText, document) => {
		const review = reviewDocument(
			receipt(totalText),
			{ runDate: '2026-12-03', minConfidence: 0 },
			RECEIPT_RULES,
		);
		expect(review.document).toEqual(document);
		expect(review.fields.flat().every((field) => !field.needsReview && field.notes === '')).toBe(
			true,
		);
	});
});
