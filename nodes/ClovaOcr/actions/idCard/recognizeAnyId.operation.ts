import { DOCUMENT_OUTPUTS, type OperationDefinition } from '../product';
import { idCardProduct } from './idCardProduct';

const PRODUCT = idCardProduct(null);

export const recognizeAnyId: OperationDefinition = {
	subtitle: 'Any ID',
	outputs: DOCUMENT_OUTPUTS,
	option: {
		name: 'Recognize Any ID',
		value: 'recognizeAnyId',
		description:
			"Read whichever ID CLOVA OCR identifies: resident registration card, driver's license, passport or alien registration card",
		action: 'Recognize any ID',
	},
	productOf: () => PRODUCT,
};
