/** CLOVA OCR Document OCR emulator (one domain per product): test and demo tooling, never shipped in dist. */
export { startEmulator, ENDPOINT_SUFFIX, EMULATOR_HOST } from './emulator';
export type { Emulator, EmulatorDomain } from './emulator';
export { PRODUCT_INFO, PRODUCTS, isProduct } from './products';
export type { Product, ProductInfo } from './products';
export { DEFAULT_RUNTIME_OPTIONS, EmulatorOptionsError } from './emulator-options';
export type {
	DomainOptions,
	DomainSettings,
	EmulatorOptions,
	EmulatorRuntimeOptions,
	EmulatorStartOptions,
} from './emulator-options';
export type { EmulatorStats, RecordedRequest, RequestSummary } from './request-log';
export { REDACTED } from './request-log';
export {
	ALL_SCENARIO_NAMES,
	DEFAULT_TRANSIENT_FAULTS,
	DOCUMENT_SCENARIOS,
	PRODUCT_SCENARIOS,
	FAULT_SCENARIOS,
	SCENARIO_NAMES,
	isScenarioName,
} from './scenarios';
export type {
	DocumentScenarioName,
	FaultScenarioName,
	IdCardScenarioName,
	ProductScenarioName,
	ScenarioName,
} from './scenarios';
export type { ScenarioSource } from './scenario-selection';
export { FILE_MARKER_PREFIX } from './scenario-selection';
export { CLOVA_ERRORS } from './error-codes';
export type { ClovaErrorBody } from './error-codes';
export { MAX_FILE_BYTES } from './ocr-request';
export type { UploadMode } from './ocr-request';
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
