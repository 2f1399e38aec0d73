import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Language } from './product';

export const LANGUAGES: readonly Language[] = ['ko', 'ja', 'zh-TW', 'en'];

/** At most this many templates per request: far more than a domain deploys, and bounded. */
export const MAX_TEMPLATE_IDS = 100;

/** A list from the editor (an array) or from an expression (an array, or text split at commas). */
function entriesOf(value: unknown): unknown[] | null {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') return value.split(',').map((entry) => entry.trim());
	if (typeof value === 'number') return [value];
	return null;
}

/**
 * Options > Languages: each one of `ko`, `ja`, `zh-TW`, `en`, once, in the order given. Anything
 * else fails the item, naming the option and the values it takes, never the value given.
 */
export function readLanguages(node: INode, itemIndex: number, value: unknown): Language[] {
	const entries = entriesOf(value);
	const known = (entry: unknown): entry is Language =>
		typeof entry === 'string' && (LANGUAGES as readonly string[]).includes(entry);
	if (entries === null || !entries.every(known)) {
		throw new NodeOperationError(node, `Languages must be among: ${LANGUAGES.join(', ')}`, {
			itemIndex,
			description: 'Choose the languages from the list, or make the expression give them.',
		});
	}
	return [...new Set(entries)];
}

/**
 * Options > Template IDs: whole numbers (a list, or text such as `390, 391`), each once. Anything
 * else fails the item; none means every template deployed in the domain.
 */
export function readTemplateIds(node: INode, itemIndex: number, value: unknown): number[] {
	const entries = entriesOf(value);
	const ids = entries?.map((entry) =>
		typeof entry === 'string' && /^\d{1,15}$/.test(entry) ? Number(entry) : entry,
	);
	const whole = (entry: unknown): entry is number =>
		typeof entry === 'number' && Number.isSafeInteger(entry) && entry >= 0;
	if (ids === undefined || !ids.every(whole)) {
		throw new NodeOperationError(node, 'Template IDs must be whole numbers separated by commas', {
			itemIndex,
			description:
				'Enter the IDs of templates deployed in the domain (CLOVA OCR console > Template > ID), e.g. 390, 391, or leave it empty to match every deployed template.',
		});
	}
	const unique = [...new Set(ids)];
	if (unique.length > MAX_TEMPLATE_IDS) {
		throw new NodeOperationError(node, `Template IDs takes at most ${MAX_TEMPLATE_IDS} IDs`, {
			itemIndex,
			description: 'Leave it empty to match every template deployed in the domain.',
		});
	}
	return unique;
}
