import type { Product } from '../product';
import { businessDocumentOf, BIZ_LICENSE_KEY } from './businessDocument';
import { BUSINESS_REGISTRATION_RULES } from './businessRules';

/** The business registration model (`/document/biz-license`). */
export const businessRegistrationProduct: Product = {
	id: 'businessRegistration',
	resultKey: BIZ_LICENSE_KEY,
	documentOf: (image) => businessDocumentOf(image),
	rules: BUSINESS_REGISTRATION_RULES,
	pages: 'one',
};
