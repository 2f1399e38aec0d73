import type { Product, ProductChoice } from './product';
import { OPERATIONS, type Operation } from './resources';

export { OPERATIONS, type Operation } from './resources';

const SUBTITLES = Object.fromEntries(
	Object.entries(OPERATIONS).map(([operation, { subtitle }]) => [operation, subtitle]),
);

/** The node's subtitle: an n8n expression that looks the operation up. */
export const OPERATION_SUBTITLE = `={{ ${JSON.stringify(SUBTITLES)}[$parameter["operation"]] }}`;

/** The product an item's image goes to: its operation's, and for Recognize Other Document its model's. */
export function productOfOperation(
	operation: Operation,
	choice: Partial<ProductChoice> = {},
): Product {
	return OPERATIONS[operation].productOf({
		documentModel: choice.documentModel ?? 'receipt',
		languages: choice.languages ?? [],
		tableDetection: choice.tableDetection ?? false,
		templateIds: choice.templateIds ?? [],
	});
}
