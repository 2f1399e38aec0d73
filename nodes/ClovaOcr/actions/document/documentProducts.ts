import { PRODUCTS } from '../../model/products';
import { NO_RULES } from '../../review/documentRules';
import type { DocumentModel, Product } from '../product';
import { modelDocumentOf } from './modelDocument';
import { RECEIPT_RULES } from './receiptRules';

function modelProduct(model: DocumentModel, rules = NO_RULES): Product {
	return {
		id: model,
		resultKey: PRODUCTS[model].resultKey!,
		documentOf: (image) => modelDocumentOf(image, model),
		rules,
		pages: 'one',
	};
}

/** The Document OCR models Recognize Other Document reads, each at its own path. */
export const DOCUMENT_MODEL_PRODUCTS: Readonly<Record<DocumentModel, Product>> = {
	receipt: modelProduct('receipt', RECEIPT_RULES),
	creditCard: modelProduct('creditCard'),
	nameCard: modelProduct('nameCard'),
	passport: modelProduct('passport'),
};
