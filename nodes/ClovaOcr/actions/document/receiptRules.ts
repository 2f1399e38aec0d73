import { NO_RULES, type DocumentRules } from '../../review/documentRules';
import { checkReceiptTotals } from '../../validation/receiptTotals';

/**
 * A receipt's arithmetic: the total and the items' sum as numbers, and a note (never a
 * warning: discounts and taxes vary) when they differ.
 */
export const RECEIPT_RULES: DocumentRules = {
	...NO_RULES,
	validateDocument(context) {
		const values = Object.entries(context.fields).flatMap(([field, texts]) =>
			texts.map((value) => ({ field, value })),
		);
		const { total, itemsTotal, notes } = checkReceiptTotals(values);
		const addsUp = total === null || itemsTotal === null ? null : notes.length === 0;
		return { valid: null, warnings: [], notes, checks: { totalsAddUp: addsUp }, total, itemsTotal };
	},
};
