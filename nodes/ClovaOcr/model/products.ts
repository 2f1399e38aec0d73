/**
 * CLOVA OCR's products as the Invoke URL tells them apart: one domain serves one product, and
 * the node appends the product's path to the domain's base URL.
 */
export type ProductId =
	| 'idCard'
	| 'businessRegistration'
	| 'receipt'
	| 'creditCard'
	| 'nameCard'
	| 'passport'
	| 'general'
	| 'template';

export interface ProductInfo {
	/** Appended to the Invoke URL's base. */
	path: string;
	/** How messages name the product, after "a" or "an". */
	displayName: string;
	/** The key of `images[0]` that holds a Document OCR model's result; null for other products. */
	resultKey: string | null;
}

export const PRODUCTS: Readonly<Record<ProductId, ProductInfo>> = {
	idCard: { path: '/document/id-card', displayName: 'ID card', resultKey: 'idCard' },
	businessRegistration: {
		path: '/document/biz-license',
		displayName: 'business registration certificate',
		resultKey: 'bizLicense',
	},
	receipt: { path: '/document/receipt', displayName: 'receipt', resultKey: 'receipt' },
	creditCard: {
		path: '/document/credit-card',
		displayName: 'credit card',
		resultKey: 'creditCard',
	},
	nameCard: { path: '/document/name-card', displayName: 'business card', resultKey: 'nameCard' },
	passport: { path: '/document/passport', displayName: 'foreign passport', resultKey: 'passport' },
	general: { path: '/general', displayName: 'General OCR', resultKey: null },
	template: { path: '/infer', displayName: 'Template OCR', resultKey: null },
};

export const PRODUCT_IDS = Object.keys(PRODUCTS) as ProductId[];

/** The product whose path a URL path ends in, or null. */
export function productOfPath(path: string): ProductId | null {
	return PRODUCT_IDS.find((id) => path.endsWith(PRODUCTS[id].path)) ?? null;
}
