import type { ResourceDefinition } from '../product';
import { recognizeBusinessRegistration } from './recognizeBusinessRegistration.operation';

/** Business registration certificates, through Document OCR's biz-license model. */
export const businessRegistrationResource: ResourceDefinition = {
	option: {
		name: 'Business Registration',
		value: 'businessRegistration',
		description:
			'Korean business registration certificates (사업자등록증), for know-your-business checks',
	},
	operations: { recognizeBusinessRegistration },
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['businessRegistration'] } },
			options: [recognizeBusinessRegistration.option],
			default: 'recognizeBusinessRegistration',
		},
	],
};
