import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { OPERATION_SUBTITLE } from './actions/operations';
import { NODE_DESCRIPTION } from './actions/toolDescription';
import { exitCredentialTest, exitExecution } from './boundary/exit';
import { nodeProperties } from './description';
import { runItems } from './execute';
import { testClovaCredential } from './transport/credentialTest';

export class ClovaOcr implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CLOVA OCR',
		name: 'clovaOcr',
		icon: { light: 'file:../../icons/clovaOcr.svg', dark: 'file:../../icons/clovaOcr.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: OPERATION_SUBTITLE,
		description: NODE_DESCRIPTION,
		defaults: { name: 'CLOVA OCR' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clovaOcrApi', required: true, testedBy: 'clovaOcrApiTest' }],
		properties: nodeProperties,
	};

	methods = { credentialTest: { clovaOcrApiTest: exitCredentialTest(testClovaCredential) } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await exitExecution(this, runItems);
	}
}
