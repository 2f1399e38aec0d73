import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
} from 'n8n-workflow';

import { outboundError, type ItemError } from './outboundError';
import { outboundRows, type Disclosure } from './outboundItems';
import { outboundText } from './outboundText';

/** What one input item came to: its output items and how much of them may show, or its error. */
export type ItemOutcome =
	| { rows: INodeExecutionData[]; disclosure: Disclosure }
	| { error: ItemError };

/**
 * The node's one exit. Everything the node emits passes here before n8n sees it: each item's
 * output (outboundRows), each failed item's `error` under On Error: Continue and any error the
 * run throws (outboundError). `run` gives one outcome per input item (undefined for items not
 * started after a stop).
 */
export async function exitExecution(
	ctx: IExecuteFunctions,
	run: (ctx: IExecuteFunctions) => Promise<Array<ItemOutcome | undefined>>,
): Promise<INodeExecutionData[][]> {
	const node = ctx.getNode();
	// n8n names a node's AI-tool variant `<name>Tool`
	const forModel = node.type.endsWith('Tool');
	let outcomes: Array<ItemOutcome | undefined>;
	try {
		outcomes = await run(ctx);
	} catch (error) {
		throw outboundError(node, error, undefined, forModel);
	}
	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		if (!outcome) return;
		if ('error' in outcome) {
			const { message } = outboundError(node, outcome.error, itemIndex, forModel);
			output.push({ json: { error: message }, pairedItem: { item: itemIndex } });
			return;
		}
		output.push(
			...ctx.helpers.constructExecutionMetaData(outboundRows(outcome.rows, outcome.disclosure), {
				itemData: { item: itemIndex },
			}),
		);
	});
	return [output];
}

type CredentialTest = (
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
) => Promise<INodeCredentialTestResult>;

/** The credential test's verdict leaves through the same rules as error messages. */
export function exitCredentialTest(test: CredentialTest): CredentialTest {
	return async function (this: ICredentialTestFunctions, credential: ICredentialsDecrypted) {
		const { status, message } = await test.call(this, credential);
		return { status, message: outboundText(message) };
	};
}
