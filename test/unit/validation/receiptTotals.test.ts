import fc from 'fast-check';

import {
	amountOf,
	checkReceiptTotals,
	ITEM_PRICE_UNREADABLE_NOTE,
	TOTAL_UNREADABLE_NOTE,
	TOTALS_DIFFER_NOTE,
} from '../../../nodes/ClovaOcr/validation/receiptTotals';

describe('amountOf', () => {
	test.each([
		['12000', 12000],
		['12,000', 12000],
		['1,234,567', 1234567],
		['₩12,000', 12000],
		['￦12,000', 12000],
		['\\12,000', 12000],
		['KRW 12,000', 12000],
		['12,000원', 12000],
		['12,000 원', 12000],
		['¥1,200', 1200],
		['1,200円', 1200],
		['１２，０００', 12000],
		[' 12, 000 ', 12000],
		['12.000', 12000],
		['1.234.567', 1234567],
		['12.50', 12.5],
		['12.5', 12.5],
		['1,234.56', 1234.56],
		['-1,000', -1000],
		['−1,000', -1000],
		['1,000-', -1000],
		['-₩1,000', -1000],
		['₩-1,000', -1000],
		['-1,000원', -1000],
		['1,000원-', -1000],
		['0', 0],
		['-0', 0],
		['00012', 12],
		['99,999,999,999', 99999999999],
	])('%s reads as %d', (text, amount) => {
		expect(amountOf(text)).toBe(amount);
	});

	test.each([
		'',
		'-',
		'₩',
		'abc',
		'12,00',
		'1,2345',
		',000',
		'1,000,',
		'1.234,50',
		'1.234.50',
		'1,234.567',
		'12.345.6',
		'1e3',
		'0x10',
		'Infinity',
		'NaN',
		'--1,000',
		'-1,000-',
		'-₩-1,000',
		'$12.00',
		'12,000 KRW EUR',
		'100,000,000,000',
		'123456789012',
		'1 000'.repeat(20),
		'합계 12,000',
	])('%j is not an amount', (text) => {
		expect(amountOf(text)).toBeNull();
	});

	test('any comma-grouped integer reads back as itself, with or without marks', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }),
				fc.constantFrom('', '₩', '￦', '\\'),
				fc.constantFrom('', '원', 'KRW'),
				(amount, before, after) => {
					const grouped = Math.abs(amount).toLocaleString('en-US');
					const text = `${amount < 0 ? '-' : ''}${before}${grouped}${after}`;
					expect(amountOf(text)).toBe(amount === 0 ? 0 : amount);
				},
			),
			{ seed: 3 },
		);
	});
});

const price = (subResult: number, item: number, value: string) => ({
	field: `subResults[${subResult}].items[${item}].price.price`,
	value,
});
const total = (value: string) => ({ field: 'totalPrice.price', value });

describe('checkReceiptTotals', () => {
	test('items that add up to the total: no note', () => {
		expect(
			checkReceiptTotals([
				{ field: 'storeInfo.name', value: 'emart everyday' },
				price(0, 0, '2,500'),
				{ field: 'subResults[0].items[0].price.unitPrice', value: '2,500' },
				price(0, 1, '6,000'),
				price(1, 0, '₩1,500'),
				total('10,000'),
			]),
		).toEqual({ total: 10000, itemsTotal: 10000, notes: [] });
	});

	test('a discount line counts as negative', () => {
		expect(
			checkReceiptTotals([price(0, 0, '12,000'), price(0, 1, '2,000-'), total('10,000')]),
		).toEqual({ total: 10000, itemsTotal: 10000, notes: [] });
	});

	test('a different total: a generic note, no amounts in it', () => {
		const result = checkReceiptTotals([
			price(0, 0, '12,000'),
			price(0, 1, '3,000'),
			total('14,000'),
		]);
		expect(result).toEqual({ total: 14000, itemsTotal: 15000, notes: [TOTALS_DIFFER_NOTE] });
		expect(TOTALS_DIFFER_NOTE).toBe(
			'totalPrice: the items add up to a different amount than the total (discounts or taxes may explain it)',
		);
		expect(result.notes.join(' ')).not.toMatch(/\d/);
	});

	test('compared to the cent, without floating-point drift', () => {
		expect(checkReceiptTotals([price(0, 0, '0.10'), price(0, 1, '0.20'), total('0.30')])).toEqual({
			total: 0.3,
			itemsTotal: 0.3,
			notes: [],
		});
		expect(checkReceiptTotals([price(0, 0, '0.10'), total('0.11')]).notes).toEqual([
			TOTALS_DIFFER_NOTE,
		]);
	});

	test('a total without items, items without a total: nothing to compare', () => {
		expect(checkReceiptTotals([total('₩8,500')])).toEqual({
			total: 8500,
			itemsTotal: null,
			notes: [],
		});
		expect(checkReceiptTotals([price(0, 0, '8,500')])).toEqual({
			total: null,
			itemsTotal: 8500,
			notes: [],
		});
		expect(checkReceiptTotals([])).toEqual({ total: null, itemsTotal: null, notes: [] });
	});

	test('an unreadable total or item price: a note, and no comparison', () => {
		expect(checkReceiptTotals([price(0, 0, '8,500'), total('팔천오백')])).toEqual({
			total: null,
			itemsTotal: 8500,
			notes: [TOTAL_UNREADABLE_NOTE],
		});
		expect(checkReceiptTotals([price(0, 0, '8,500'), price(0, 1, '?'), total('8,500')])).toEqual({
			total: 8500,
			itemsTotal: null,
			notes: [ITEM_PRICE_UNREADABLE_NOTE],
		});
	});

	test('several values of one field: the same amount twice, or one amount split', () => {
		expect(checkReceiptTotals([price(0, 0, '8,500'), total('8,500'), total('8500')])).toMatchObject(
			{ total: 8500, notes: [] },
		);
		expect(checkReceiptTotals([price(0, 0, '12,'), price(0, 0, '000'), total('12,000')])).toEqual({
			total: 12000,
			itemsTotal: 12000,
			notes: [],
		});
		expect(checkReceiptTotals([total('8,500'), total('9,000')])).toEqual({
			total: null,
			itemsTotal: null,
			notes: [TOTAL_UNREADABLE_NOTE],
		});
	});

	test('only the item lines’ price.price counts, not unit prices, sub-totals or look-alike paths', () => {
		expect(
			checkReceiptTotals([
				price(0, 0, '1,000'),
				{ field: 'subResults[0].items[0].price.unitPrice', value: '500' },
				{ field: 'subTotal[0].subTotalPrice', value: '1,000' },
				{ field: 'subResults[0].items[1].price.price.x', value: '5' },
				{ field: 'xsubResults[0].items[1].price.price', value: '5' },
				{ field: 'totalPrice.creditCardPrice', value: '7' },
				total('1,000'),
			]),
		).toEqual({ total: 1000, itemsTotal: 1000, notes: [] });
	});
});
