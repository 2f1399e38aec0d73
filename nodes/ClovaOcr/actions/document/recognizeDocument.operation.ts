import { DOCUMENT_OUTPUTS, type OperationDefinition } from '../product';
import { DOCUMENT_MODEL_PRODUCTS } from './documentProducts';

export const recognizeDocument: OperationDefinition = {
	subtitle: 'Other Document',
	outputs: DOCUMENT_OUTPUTS,
	option: {
		name: 'Recognize Other Document',
		value: 'recognizeDocument',
		description:
			'Read a receipt, credit card, business card or foreign passport with its Document OCR model',
		action: 'Recognize another document',
	},
	productOf: ({ documentModel }) => DOCUMENT_MODEL_PRODUCTS[documentModel],
};
