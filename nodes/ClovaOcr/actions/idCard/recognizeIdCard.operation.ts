import { DOCUMENT_OUTPUTS, type OperationDefinition } from '../product';
import { idCardProduct } from './idCardProduct';

const PRODUCT = idCardProduct('idCard');

export const recognizeIdCard: OperationDefinition = {
	subtitle: 'Resident Registration Card',
	outputs: DOCUMENT_OUTPUTS,
	option: {
		name: 'Recognize Resident Registration Card',
		value: 'recognizeIdCard',
		description: 'Read a Korean resident registration card (주민등록증)',
		action: 'Recognize a resident registration card',
	},
	productOf: () => PRODUCT,
};
