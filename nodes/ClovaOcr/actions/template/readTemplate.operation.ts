import { PRODUCTS } from '../../model/products';
import { DOCUMENT_OUTPUTS, type OperationDefinition } from '../product';
import { TEMPLATE_PRODUCT } from './templateProduct';

export const readTemplate: OperationDefinition = {
	subtitle: 'Read Template',
	outputs: DOCUMENT_OUTPUTS,
	option: {
		name: 'Read Template',
		value: 'readTemplate',
		description: `Read the fields of your own form templates, made in the CLOVA OCR console, with Template OCR (${PRODUCTS.template.path})`,
		action: 'Read a form template',
	},
	productOf: () => TEMPLATE_PRODUCT,
	messageOf: ({ languages, templateIds }) => ({
		...(languages.length > 0 ? { lang: languages.join(',') } : {}),
		...(templateIds.length > 0 ? { templateIds } : {}),
	}),
};
