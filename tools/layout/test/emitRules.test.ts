import { checkEmits } from '../emitRules';

const NODE_CLASS = `
export class ClovaOcr implements INodeType {
	methods = { credentialTest: { clovaOcrApiTest: exitCredentialTest(testClovaCredential) } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await exitExecution(this, runItems);
	}
}`;

describe('checkEmits', () => {
	test('the node as it should be passes', () => {
		expect(
			checkEmits([
				{ path: 'nodes/ClovaOcr/ClovaOcr.node.ts', text: NODE_CLASS },
				{
					path: 'nodes/ClovaOcr/boundary/exit.ts',
					text: 'ctx.helpers.constructExecutionMetaData(rows)',
				},
				{
					path: 'nodes/ClovaOcr/boundary/outboundBinary.ts',
					text: 'ctx.helpers.prepareBinaryData(b)',
				},
			]),
		).toEqual([]);
	});

	test("n8n's output helpers outside the boundary", () => {
		expect(
			checkEmits([
				{
					path: 'nodes/ClovaOcr/actions/redactedCopy.ts',
					text: 'await ctx.helpers.prepareBinaryData(data)',
				},
				{ path: 'nodes/ClovaOcr/execute.ts', text: 'ctx.helpers.constructExecutionMetaData(rows)' },
				{ path: 'tools/bench/x.ts', text: 'prepareBinaryData' },
			]),
		).toEqual([
			{
				from: 'nodes/ClovaOcr/actions/redactedCopy.ts',
				to: 'prepareBinaryData',
				rule: "only nodes/ClovaOcr/boundary/ may emit through n8n's prepareBinaryData",
			},
			{
				from: 'nodes/ClovaOcr/execute.ts',
				to: 'constructExecutionMetaData',
				rule: "only nodes/ClovaOcr/boundary/ may emit through n8n's constructExecutionMetaData",
			},
		]);
	});

	test('an execute, a credential test or another entry point that bypasses the exits', () => {
		const text = NODE_CLASS.replace('await exitExecution(this, runItems)', 'await runItems(this)')
			.replace('exitCredentialTest(testClovaCredential)', 'testClovaCredential')
			.replace(
				'async execute',
				'async supplyData(this: ISupplyDataFunctions) { return {} }\n\tasync execute',
			);
		expect(
			checkEmits([{ path: 'nodes/ClovaOcr/ClovaOcr.node.ts', text }]).map((v) => v.to),
		).toEqual(['execute', 'credentialTest', 'supplyData']);
	});
});
