import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A parameter with a fixed list of values (a dropdown): the name the editor shows and the values. */
export interface ChoiceParameter<T extends string> {
	readonly displayName: string;
	readonly values: readonly T[];
}

/**
 * A dropdown's value, read strictly: one of its values, or the default when absent. Anything an
 * expression gives otherwise fails the item, naming the parameter and the values it takes, never
 * the value given (a model or a spreadsheet may fill it).
 */
export function readChoice<T extends string>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: ChoiceParameter<T>,
	value: unknown,
	fallback: T,
): T {
	if (value === undefined) return fallback;
	if (typeof value === 'string' && (parameter.values as readonly string[]).includes(value))
		return value as T;
	throw new NodeOperationError(
		ctx.getNode(),
		`${parameter.displayName} must be one of: ${parameter.values.join(', ')}`,
		{
			itemIndex,
			description: `Choose ${parameter.displayName} from the list, or make its expression give one of these values.`,
		},
	);
}
