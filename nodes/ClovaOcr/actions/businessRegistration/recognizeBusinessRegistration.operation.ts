import { DOCUMENT_OUTPUTS, type OperationDefinition } from '../product';
import { businessRegistrationProduct } from './businessRegistrationProduct';

const PRODUCT = businessRegistrationProduct;

export const recognizeBusinessRegistration: OperationDefinition = {
	subtitle: 'Business Registration',
	outputs: DOCUMENT_OUTPUTS,
	option: {
		name: 'Recognize Business Registration',
		value: 'recognizeBusinessRegistration',
		description: 'Read a Korean business registration certificate (사업자등록증)',
		action: 'Recognize a business registration certificate',
	},
	productOf: () => PRODUCT,
};
