/**
 * A receipt's arithmetic: the prices of its item lines (`subResults[*].items[*].price.price`)
 * against its total (`totalPrice.price`). Amounts are not personal data, but the notes stay
 * generic: they say what disagrees, never the amounts.
 */

/** A value of a receipt's field: its path as flattenElements writes it, and its text. */
export interface ReceiptValue {
	field: string;
	value: string;
}

export interface ReceiptTotals {
	/** `totalPrice.price` as a number; null when missing or unreadable. */
	total: number | null;
	/** The sum of the item lines' prices; null when there is none or one is unreadable. */
	itemsTotal: number | null;
	notes: string[];
}

export const TOTAL_FIELD = 'totalPrice.price';
const ITEM_PRICE_FIELD = /^subResults\[\d{1,9}\]\.items\[\d{1,9}\]\.price\.price$/;

export const TOTALS_DIFFER_NOTE =
	'totalPrice: the items add up to a different amount than the total (discounts or taxes may explain it)';
export const TOTAL_UNREADABLE_NOTE = 'totalPrice: the total could not be read as an amount';
export const ITEM_PRICE_UNREADABLE_NOTE =
	"subResults: an item's price could not be read as an amount, so the items were not added up";

/** Currency marks before the number (after NFKC: `￦` is `₩`, `＼` is `\`, `￥` is `¥`). */
const CURRENCY_BEFORE = ['KRW', 'JPY', '₩', '\\', '¥'];
/** Currency marks after the number. */
const CURRENCY_AFTER = ['KRW', 'JPY', '원', '円'];
const MINUS_SIGNS = ['-', '\u2212'];

/** Digits grouped by commas, with an optional decimal part of one or two digits. */
const COMMA_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/;
/** Digits grouped by dots (`12.000`: OCR's reading of a comma), without a decimal part. */
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
/** Digits alone, with an optional decimal part of one or two digits. */
const UNGROUPED = /^\d+(?:\.\d{1,2})?$/;
/** At most 11 digits before the point: cents of 512 lines add up within safe integers. */
const MAX_WHOLE_DIGITS = 11;
const MAX_AMOUNT_TEXT = 64;

function stripStart(text: string, marks: readonly string[]): [string, boolean] {
	const mark = marks.find((candidate) => text.startsWith(candidate));
	return mark === undefined ? [text, false] : [text.slice(mark.length), true];
}

function stripEnd(text: string, marks: readonly string[]): [string, boolean] {
	const mark = marks.find((candidate) => text.endsWith(candidate));
	return mark === undefined ? [text, false] : [text.slice(0, text.length - mark.length), true];
}

/**
 * The amount a receipt's text stands for, or null when it does not read as one. Accepted,
 * after NFKC (full-width digits, `，`, `￦`) and with all white space removed:
 * - digits alone (`12000`), grouped by commas (`12,000`, `1,234,567`) or by dots (`12.000`,
 *   read as twelve thousand: OCR reads a receipt's commas as dots, and won and yen have no
 *   minor unit); a decimal part of one or two digits after ungrouped or comma-grouped digits
 *   (`12.50`, `1,234.5`); at most 11 digits before the point;
 * - one currency mark before (`₩`, `\`, `¥`, `KRW`, `JPY`) and/or after (`원`, `円`, `KRW`,
 *   `JPY`);
 * - one minus sign (`-` or `−`), before or after the currency mark, or at the very end
 *   (`1,000-`, as receipts print discounts): a negative amount.
 * Anything else (`1.234,50`, `12,00`, `1,2345`, `1e3`, two signs, other currencies) is null.
 */
export function amountOf(text: string): number | null {
	if (text.length > MAX_AMOUNT_TEXT) return null;
	let rest = text.normalize('NFKC').replace(/\s/g, '');
	let signs = 0;
	let found: boolean;
	[rest, found] = stripStart(rest, MINUS_SIGNS);
	if (found) signs++;
	[rest] = stripStart(rest, CURRENCY_BEFORE);
	[rest, found] = stripStart(rest, MINUS_SIGNS);
	if (found) signs++;
	[rest, found] = stripEnd(rest, MINUS_SIGNS);
	if (found) signs++;
	[rest] = stripEnd(rest, CURRENCY_AFTER);
	[rest, found] = stripEnd(rest, MINUS_SIGNS);
	if (found) signs++;
	if (signs > 1) return null;
	let digits: string;
	if (COMMA_GROUPED.test(rest)) digits = rest.replace(/,/g, '');
	else if (DOT_GROUPED.test(rest)) digits = rest.replace(/\./g, '');
	else if (UNGROUPED.test(rest)) digits = rest;
	else return null;
	const whole = digits.split('.')[0].replace(/^0+(?=\d)/, '');
	if (whole.length > MAX_WHOLE_DIGITS) return null;
	const amount = Number(digits);
	return signs === 1 && amount !== 0 ? -amount : amount;
}

function centsOf(amount: number): number {
	return Math.round(amount * 100);
}

/**
 * The amount of one field from all its values: the one amount they all read as (a value read
 * twice), else the amount of their texts joined (`12,` and `000`), else null.
 */
function fieldAmount(values: readonly string[]): number | null {
	const amounts = values.map(amountOf);
	const first = amounts[0];
	if (
		first !== null &&
		first !== undefined &&
		amounts.every((amount) => amount !== null && centsOf(amount) === centsOf(first))
	)
		return first;
	return values.length > 1 ? amountOf(values.join('')) : null;
}

/**
 * Reads `totalPrice.price` and adds up `subResults[*].items[*].price.price` (negative lines,
 * discounts printed as items, included), from the values of a receipt's fields (field paths
 * as flattenElements writes them, texts as the node normalizes them); the values of one field
 * are read together. A note when the two are both known and differ (to the cent), or when a
 * value there does not read as an amount (amountOf). Other fields are ignored.
 */
export function checkReceiptTotals(values: ReadonlyArray<ReceiptValue>): ReceiptTotals {
	const byField = new Map<string, string[]>();
	for (const { field, value } of values) {
		if (field !== TOTAL_FIELD && !ITEM_PRICE_FIELD.test(field)) continue;
		const texts = byField.get(field) ?? [];
		texts.push(value);
		byField.set(field, texts);
	}
	const notes: string[] = [];

	const totalTexts = byField.get(TOTAL_FIELD);
	const total = totalTexts === undefined ? null : fieldAmount(totalTexts);
	if (totalTexts !== undefined && total === null) notes.push(TOTAL_UNREADABLE_NOTE);

	let itemsCents: number | null = null;
	for (const [field, texts] of byField) {
		if (field === TOTAL_FIELD) continue;
		const amount = fieldAmount(texts);
		if (amount === null) {
			notes.push(ITEM_PRICE_UNREADABLE_NOTE);
			itemsCents = null;
			break;
		}
		itemsCents = (itemsCents ?? 0) + centsOf(amount);
	}
	if (itemsCents !== null && !Number.isSafeInteger(itemsCents)) itemsCents = null;
	const itemsTotal = itemsCents === null ? null : itemsCents / 100;

	if (total !== null && itemsCents !== null && centsOf(total) !== itemsCents)
		notes.push(TOTALS_DIFFER_NOTE);
	return { total, itemsTotal, notes };
}
