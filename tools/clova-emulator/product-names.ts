/** The Document OCR products the emulator serves, one domain each (products.ts has their facts). */
export const PRODUCTS = [
	'idCard',
	'businessRegistration',
	'receipt',
	'creditCard',
	'nameCard',
	'passport',
] as const;

export type Product = (typeof PRODUCTS)[number];
