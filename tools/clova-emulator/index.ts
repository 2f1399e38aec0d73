/**
 * CLOVA OCR emulator (Document OCR models, General OCR, Template OCR; one domain per product):
 * test and demo tooling, never shipped in dist.
 */
export { startEmulator, ENDPOINT_SUFFIX, EMULATOR_HOST } from './emulator';
export type { Emulator, EmulatorDomain } from './emulator';
export {
	DOCUMENT_PRODUCTS,
	PRODUCT_INFO,
	PRODUCTS,
	isDocumentProduct,
	isProduct,
} from './products';
export type { DocumentProduct, PageProduct, Product, ProductInfo } from './products';
export {
	DEFAULT_RUNTIME_OPTIONS,
	EmulatorOptionsError,
	FORM_TEMPLATE,
	TEMPLATE_NOT_MATCHED,
} from './emulator-options';
export type {
	DomainOptions,
	DomainSettings,
	EmulatorOptions,
	EmulatorRuntimeOptions,
	EmulatorStartOptions,
	TemplateInfo,
	TemplateNotMatched,
} from './emulator-options';
export type { EmulatorStats, RecordedRequest, RequestSummary } from './request-log';
export { REDACTED } from './request-log';
export {
	ALL_SCENARIO_NAMES,
	DEFAULT_TRANSIENT_FAULTS,
	DOCUMENT_SCENARIOS,
	GENERAL_SCENARIOS,
	PRODUCT_SCENARIOS,
	FAULT_SCENARIOS,
	SCENARIO_NAMES,
	TEMPLATE_SCENARIOS,
	isScenarioName,
} from './scenarios';
export type {
	AnswerScenarioName,
	DocumentScenarioName,
	FaultScenarioName,
	GeneralScenarioName,
	IdCardScenarioName,
	PageScenarioName,
	ProductScenarioName,
	ScenarioName,
	TemplateScenarioName,
} from './scenarios';
export { NOT_MATCHED_MESSAGE, fixturePages } from './page-answers';
export { pageCountOf, pdfPageCount, tiffPageCount } from './page-count';
export type { ScenarioSource } from './scenario-selection';
export { FILE_MARKER_PREFIX } from './scenario-selection';
export { CLOVA_ERRORS } from './error-codes';
export type { ClovaErrorBody } from './error-codes';
export { MAX_FILE_BYTES, OCR_LANGUAGES } from './ocr-request';
export type { RequestContract, UploadMode } from './ocr-request';
export { IMAGE_FORMATS } from './file-signature';
export type { ImageFormat } from './file-signature';
export { createSeededRandom, rollFault } from './seeded-random';
export {
	drawLatency,
	drawUniform,
	LATENCY_DISTRIBUTIONS,
	lognormalSigma,
	ServiceClock,
} from './service-time';
export type { DrawnLatencies, LatencyDistribution, LatencyModel } from './service-time';
