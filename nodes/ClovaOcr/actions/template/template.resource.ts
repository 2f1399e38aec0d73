import type { ResourceDefinition } from '../product';
import { readTemplate } from './readTemplate.operation';

/** Template OCR: the fields of the forms a domain's templates describe. */
export const templateResource: ResourceDefinition = {
	option: {
		name: 'Template (Template OCR)',
		value: 'template',
		description: 'The fields of your own forms, from templates made in the CLOVA OCR console',
	},
	operations: { readTemplate },
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['template'] } },
			options: [readTemplate.option],
			default: 'readTemplate',
		},
	],
};
