import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A boolean option of the node: its key, the name the editor shows, its default. */
export interface BooleanOption {
	readonly name: string;
	readonly displayName: string;
	readonly default: boolean;
}

/**
 * A boolean option's value: true or false, or from an expression exactly the text "true" or
 * "false"; the default when absent. Null for anything else: a truthiness reading would let an
 * expression's "false" (or "0", "no") turn on an option such as Reveal Sensitive Values.
 */
export function booleanOptionValue(value: unknown, fallback: boolean): boolean | null {
	if (value === undefined) return fallback;
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false') return false;
	return null;
}

/** Reads a boolean option strictly; any other value fails the item, naming the option, not the value. */
export function readBooleanOption(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
	option: BooleanOption,
): boolean {
	const raw = Object.prototype.hasOwnProperty.call(options, option.name)
		? options[option.name]
		: undefined;
	const value = booleanOptionValue(raw, option.default);
	if (value !== null) return value;
	throw new NodeOperationError(ctx.getNode(), `${option.displayName} must be true or false`, {
		itemIndex,
		description:
			'Turn the option on or off, or make its expression give a boolean or the text "true" or "false".',
	});
}
