/**
 * The Document OCR products the emulator serves. On the real service one domain serves one
 * product: its Invoke URL is `.../custom/v1/{domainId}/{invokeKey}`, and the product's path
 * is appended to it (docs: clova-products.md). The emulator hosts one domain per product.
 */
import type { DocumentScenarioName } from './scenarios';

import { PRODUCTS, type Product } from './product-names';

export { PRODUCTS, type Product };

export interface ProductInfo {
	/** Appended to the domain's base path: the only path the domain answers. */
	readonly path: string;
	/** Where the result sits: `images[0].<modelKey>` (passport: assumed, see fixtures/README.md). */
	readonly modelKey: string;
	/** The default domain id in the emulator's base path `/custom/v1/{domainId}/{invokeKey}`. */
	readonly domainId: string;
	/** Answered when nothing picks a scenario of this product. */
	readonly successScenario: DocumentScenarioName;
	/** Answered when the request names a document of another product (the model cannot read it). */
	readonly failureScenario: DocumentScenarioName;
}

export const PRODUCT_INFO: Readonly<Record<Product, ProductInfo>> = {
	idCard: {
		path: '/document/id-card',
		modelKey: 'idCard',
		domainId: '12345',
		successScenario: 'ic-success',
		failureScenario: 'ic-failure',
	},
	businessRegistration: {
		path: '/document/biz-license',
		modelKey: 'bizLicense',
		domainId: '12346',
		successScenario: 'biz-success',
		failureScenario: 'biz-failure',
	},
	receipt: {
		path: '/document/receipt',
		modelKey: 'receipt',
		domainId: '12347',
		successScenario: 'receipt-success',
		failureScenario: 'receipt-failure',
	},
	creditCard: {
		path: '/document/credit-card',
		modelKey: 'creditCard',
		domainId: '12348',
		successScenario: 'credit-card-success',
		failureScenario: 'credit-card-failure',
	},
	nameCard: {
		path: '/document/name-card',
		modelKey: 'nameCard',
		domainId: '12349',
		successScenario: 'name-card-success',
		failureScenario: 'name-card-failure',
	},
	passport: {
		path: '/document/passport',
		modelKey: 'passport',
		domainId: '12350',
		successScenario: 'passport-success',
		failureScenario: 'passport-failure',
	},
};

export function isProduct(value: unknown): value is Product {
	return typeof value === 'string' && (PRODUCTS as readonly string[]).includes(value);
}
