import { DOCUMENT_OUTPUTS, type OperationDefinition } from '../product';
import { idCardProduct } from './idCardProduct';

const PRODUCT = idCardProduct('driverLicense');

export const recognizeDriverLicense: OperationDefinition = {
	subtitle: "Driver's License",
	outputs: DOCUMENT_OUTPUTS,
	option: {
		name: "Recognize Driver's License",
		value: 'recognizeDriverLicense',
		description: "Read a Korean driver's license (운전면허증)",
		action: "Recognize a driver's license",
	},
	productOf: () => PRODUCT,
};
