import type { ResourceDefinition } from '../product';
import { recognizeAnyId } from './recognizeAnyId.operation';
import { recognizeDriverLicense } from './recognizeDriverLicense.operation';
import { recognizeIdCard } from './recognizeIdCard.operation';

/** Korean IDs, through the ID-card model of Document OCR. The default resource. */
export const idCardResource: ResourceDefinition = {
	option: {
		name: 'ID Card',
		value: 'idCard',
		description: "Resident registration cards, driver's licenses and other Korean IDs",
	},
	operations: { recognizeIdCard, recognizeDriverLicense, recognizeAnyId },
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['idCard'] } },
			options: [recognizeIdCard.option, recognizeDriverLicense.option, recognizeAnyId.option],
			default: 'recognizeIdCard',
		},
	],
};
