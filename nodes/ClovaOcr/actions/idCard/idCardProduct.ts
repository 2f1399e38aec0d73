import type { IdDocumentType } from '../../model/documentTypes';
import { recognizedDocumentOf } from '../../response/recognizedDocument';
import { ID_CARD_RULES } from '../../review/documentRules';
import type { Product } from '../product';
import { assertExpectedDocument } from '../recognitionChecks';

/** The ID-card model (`/document/id-card`), accepting `expects` only, or any ID for null. */
export function idCardProduct(expects: IdDocumentType | null): Product {
	return {
		id: 'idCard',
		resultKey: 'idCard',
		documentOf(image, node, itemIndex) {
			const document = recognizedDocumentOf(image);
			assertExpectedDocument(node, document, expects, itemIndex);
			return document;
		},
		rules: ID_CARD_RULES,
		pages: 'one',
	};
}
