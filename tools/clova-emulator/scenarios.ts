/**
 * The catalog of answers the emulator can give to a valid request.
 * Document scenarios serve a fixture from tools/clova-emulator/fixtures and belong to one
 * Document OCR product (the ID-card ones to `idCard`); page scenarios are General and Template
 * OCR's answers, built page by page from their fixtures (page-answers.ts); fault scenarios
 * misbehave on purpose (error codes, broken transport, odd bodies) on any product's domain.
 *
 * `DOCUMENT_SCENARIOS` and `SCENARIO_NAMES` are the ID-card domain's catalog, as they were
 * before the other products; `PRODUCT_SCENARIOS` lists each product's, `ALL_SCENARIO_NAMES`
 * every name.
 */
import { DOCUMENT_PRODUCTS, type Product } from './product-names';

export const DOCUMENT_SCENARIOS = [
	'ic-success',
	'ic-success-en',
	'dl-success',
	'pp-success',
	'ac-success',
	'infer-error',
	'infer-failure',
	'ic-failure',
	'dl-failure',
	'ic-specimen',
	'dl-specimen',
	'ic-valid',
	'ic-invalid',
	'ic-unchecked',
	'ic-validation-error',
	'ic-language-en',
	'ic-key-text',
	'ic-rois-points',
	'ic-minimal',
] as const;

/** The other Document OCR products' scenarios (fixtures/README.md). */
export const BUSINESS_REGISTRATION_SCENARIOS = [
	'biz-success',
	'biz-individual',
	'biz-failure',
	'biz-specimen',
] as const;
export const RECEIPT_SCENARIOS = [
	'receipt-success',
	'receipt-mismatch',
	'receipt-failure',
	'receipt-specimen',
] as const;
export const CREDIT_CARD_SCENARIOS = ['credit-card-success', 'credit-card-failure'] as const;
export const NAME_CARD_SCENARIOS = ['name-card-success', 'name-card-failure'] as const;
export const PASSPORT_SCENARIOS = ['passport-success', 'passport-failure'] as const;

/**
 * General OCR (`/general`): any image's generic reading; the sample contract (samples/contract.pdf,
 * its pages in order, cycling after page 3), or one of its pages as a single image first; a failed
 * reading.
 */
export const GENERAL_SCENARIOS = [
	'general-success',
	'general-contract',
	'general-contract-page1',
	'general-contract-page2',
	'general-contract-page3',
	'general-failure',
] as const;

/**
 * Template OCR (`/infer`): the sample form (samples/form.*) matched to the deployed template 390;
 * no template matched, as `inferResult: FAILURE` with NOT_FOUND's message, or as an error body.
 */
export const TEMPLATE_SCENARIOS = [
	'template-success',
	'template-not-matched',
	'template-not-matched-error',
] as const;

export const FAULT_SCENARIOS = [
	'server-error',
	'ocr-error',
	'rate-limit',
	'quota',
	'drop',
	'truncated',
	'non-json',
	'slow',
] as const;

/** The ID-card domain's document scenarios. */
export type IdCardScenarioName = (typeof DOCUMENT_SCENARIOS)[number];
/** The document scenarios of the other products. */
export type ProductScenarioName =
	| (typeof BUSINESS_REGISTRATION_SCENARIOS)[number]
	| (typeof RECEIPT_SCENARIOS)[number]
	| (typeof CREDIT_CARD_SCENARIOS)[number]
	| (typeof NAME_CARD_SCENARIOS)[number]
	| (typeof PASSPORT_SCENARIOS)[number];
/** Every document scenario, of any Document OCR product. */
export type DocumentScenarioName = IdCardScenarioName | ProductScenarioName;
export type GeneralScenarioName = (typeof GENERAL_SCENARIOS)[number];
export type TemplateScenarioName = (typeof TEMPLATE_SCENARIOS)[number];
/** General and Template OCR's scenarios: answers built page by page. */
export type PageScenarioName = GeneralScenarioName | TemplateScenarioName;
/** A scenario that belongs to a product: a document or a page answer. */
export type AnswerScenarioName = DocumentScenarioName | PageScenarioName;
export type FaultScenarioName = (typeof FAULT_SCENARIOS)[number];
export type ScenarioName = AnswerScenarioName | FaultScenarioName;

export const PRODUCT_SCENARIOS: Readonly<Record<Product, readonly AnswerScenarioName[]>> = {
	idCard: DOCUMENT_SCENARIOS,
	businessRegistration: BUSINESS_REGISTRATION_SCENARIOS,
	receipt: RECEIPT_SCENARIOS,
	creditCard: CREDIT_CARD_SCENARIOS,
	nameCard: NAME_CARD_SCENARIOS,
	passport: PASSPORT_SCENARIOS,
	general: GENERAL_SCENARIOS,
	template: TEMPLATE_SCENARIOS,
};

/** The ID-card domain's scenarios: its documents and the faults (the catalog as it was). */
export const SCENARIO_NAMES: readonly ScenarioName[] = [...DOCUMENT_SCENARIOS, ...FAULT_SCENARIOS];

/** Every document scenario (Document OCR), the ID card's first. */
export const ALL_DOCUMENT_SCENARIOS: readonly DocumentScenarioName[] = DOCUMENT_PRODUCTS.flatMap(
	(product) => PRODUCT_SCENARIOS[product] as readonly DocumentScenarioName[],
);

/** General and Template OCR's scenarios. */
export const ALL_PAGE_SCENARIOS: readonly PageScenarioName[] = [
	...GENERAL_SCENARIOS,
	...TEMPLATE_SCENARIOS,
];

/** Every scenario name, of every product, and the faults. */
export const ALL_SCENARIO_NAMES: readonly ScenarioName[] = [
	...ALL_DOCUMENT_SCENARIOS,
	...ALL_PAGE_SCENARIOS,
	...FAULT_SCENARIOS,
];

/** Faults that a retrying client is expected to survive; the default pool for `faultRate`. */
export const DEFAULT_TRANSIENT_FAULTS: readonly FaultScenarioName[] = [
	'rate-limit',
	'server-error',
	'ocr-error',
];

/** Any scenario name, of any product. */
export function isScenarioName(value: unknown): value is ScenarioName {
	return typeof value === 'string' && (ALL_SCENARIO_NAMES as readonly string[]).includes(value);
}

export function isDocumentScenario(name: ScenarioName): name is DocumentScenarioName {
	return (ALL_DOCUMENT_SCENARIOS as readonly string[]).includes(name);
}

export function isPageScenario(name: ScenarioName): name is PageScenarioName {
	return (ALL_PAGE_SCENARIOS as readonly string[]).includes(name);
}

/** A product's scenario (document or page), not a fault. */
export function isAnswerScenario(name: ScenarioName): name is AnswerScenarioName {
	return isDocumentScenario(name) || isPageScenario(name);
}

export function isFaultScenario(name: ScenarioName): name is FaultScenarioName {
	return (FAULT_SCENARIOS as readonly string[]).includes(name);
}

/** The product a document scenario belongs to; null for a fault (it applies on every domain). */
export function scenarioProduct(name: ScenarioName): Product | null {
	for (const [product, names] of Object.entries(PRODUCT_SCENARIOS) as Array<
		[Product, readonly AnswerScenarioName[]]
	>) {
		if ((names as readonly string[]).includes(name)) return product;
	}
	return null;
}
