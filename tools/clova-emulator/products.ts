/**
 * The products the emulator serves. On the real service one domain serves one product: its
 * Invoke URL is `.../custom/v1/{domainId}/{invokeKey}`, and the product's path is appended to it
 * (docs: clova-products.md). The emulator hosts one domain per product: the Document OCR models,
 * General OCR and Template OCR.
 */
import type { AnswerScenarioName, DocumentScenarioName } from './scenarios';

import {
	DOCUMENT_PRODUCTS,
	isDocumentProduct,
	PRODUCTS,
	type DocumentProduct,
	type PageProduct,
	type Product,
} from './product-names';

export {
	DOCUMENT_PRODUCTS,
	isDocumentProduct,
	PRODUCTS,
	type DocumentProduct,
	type PageProduct,
	type Product,
};

export interface ProductInfo {
	/** Appended to the domain's base path: the only path the domain answers. */
	readonly path: string;
	/**
	 * Where a Document OCR result sits: `images[0].<modelKey>` (passport: assumed, see
	 * fixtures/README.md); null for General and Template OCR, whose answers are pages.
	 */
	readonly modelKey: string | null;
	/** The default domain id in the emulator's base path `/custom/v1/{domainId}/{invokeKey}`. */
	readonly domainId: string;
	/** Answered when nothing picks a scenario of this product. */
	readonly successScenario: AnswerScenarioName;
	/** The product's failed reading (inferResult FAILURE or ERROR). */
	readonly failureScenario: AnswerScenarioName;
	/**
	 * Answered when the request names a document of another product: a Document OCR model cannot
	 * read it (its failure), General OCR reads any document (its generic reading), Template OCR
	 * finds no matching template.
	 */
	readonly foreignScenario: AnswerScenarioName;
}

function documentModel(
	path: string,
	modelKey: string,
	domainId: string,
	successScenario: DocumentScenarioName,
	failureScenario: DocumentScenarioName,
): ProductInfo {
	return {
		path,
		modelKey,
		domainId,
		successScenario,
		failureScenario,
		foreignScenario: failureScenario,
	};
}

export const PRODUCT_INFO: Readonly<Record<Product, ProductInfo>> = {
	idCard: documentModel('/document/id-card', 'idCard', '12345', 'ic-success', 'ic-failure'),
	businessRegistration: documentModel(
		'/document/biz-license',
		'bizLicense',
		'12346',
		'biz-success',
		'biz-failure',
	),
	receipt: documentModel(
		'/document/receipt',
		'receipt',
		'12347',
		'receipt-success',
		'receipt-failure',
	),
	creditCard: documentModel(
		'/document/credit-card',
		'creditCard',
		'12348',
		'credit-card-success',
		'credit-card-failure',
	),
	nameCard: documentModel(
		'/document/name-card',
		'nameCard',
		'12349',
		'name-card-success',
		'name-card-failure',
	),
	passport: documentModel(
		'/document/passport',
		'passport',
		'12350',
		'passport-success',
		'passport-failure',
	),
	general: {
		path: '/general',
		modelKey: null,
		domainId: '12351',
		successScenario: 'general-success',
		failureScenario: 'general-failure',
		foreignScenario: 'general-success',
	},
	template: {
		path: '/infer',
		modelKey: null,
		domainId: '12352',
		successScenario: 'template-success',
		failureScenario: 'template-not-matched',
		foreignScenario: 'template-not-matched',
	},
};

export function isProduct(value: unknown): value is Product {
	return typeof value === 'string' && (PRODUCTS as readonly string[]).includes(value);
}
