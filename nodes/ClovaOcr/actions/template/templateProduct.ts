import { NO_RULES } from '../../review/documentRules';
import type { Product } from '../product';
import { templateDocumentOf } from './templateDocument';
import { assertTemplateImageRead, TEMPLATE_RESULT_KEY } from './templateRead';

/** Template OCR (`/infer`): the fields of a form, as the domain's deployed templates name them. */
export const TEMPLATE_PRODUCT: Product = {
	id: 'template',
	resultKey: TEMPLATE_RESULT_KEY,
	documentOf: (image) => templateDocumentOf(image),
	rules: NO_RULES,
	pages: 'many',
	assertRead: assertTemplateImageRead,
};
