/**
 * The products the emulator serves, one domain each (products.ts has their facts): the Document
 * OCR models, then General OCR (`/general`) and Template OCR (`/infer`).
 */
export const DOCUMENT_PRODUCTS = [
	'idCard',
	'businessRegistration',
	'receipt',
	'creditCard',
	'nameCard',
	'passport',
] as const;

export const PRODUCTS = [...DOCUMENT_PRODUCTS, 'general', 'template'] as const;

export type Product = (typeof PRODUCTS)[number];
/** A Document OCR model's product (its answer: `images[0].<modelKey>.result`). */
export type DocumentProduct = (typeof DOCUMENT_PRODUCTS)[number];
/** General and Template OCR: answers built page by page (`images[]`, one entry per page). */
export type PageProduct = Exclude<Product, DocumentProduct>;

export function isDocumentProduct(product: Product): product is DocumentProduct {
	return (DOCUMENT_PRODUCTS as readonly string[]).includes(product);
}
