/**
 * The catalog of answers the emulator can give to a valid ID-card request.
 * Document scenarios serve a fixture from tools/clova-emulator/fixtures; fault scenarios
 * misbehave on purpose (error codes, broken transport, odd bodies).
 */

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

export type DocumentScenarioName = (typeof DOCUMENT_SCENARIOS)[number];
export type FaultScenarioName = (typeof FAULT_SCENARIOS)[number];
export type ScenarioName = DocumentScenarioName | FaultScenarioName;

export const SCENARIO_NAMES: readonly ScenarioName[] = [...DOCUMENT_SCENARIOS, ...FAULT_SCENARIOS];

/** Faults that a retrying client is expected to survive; the default pool for `faultRate`. */
export const DEFAULT_TRANSIENT_FAULTS: readonly FaultScenarioName[] = [
	'rate-limit',
	'server-error',
	'ocr-error',
];

export function isScenarioName(value: unknown): value is ScenarioName {
	return typeof value === 'string' && (SCENARIO_NAMES as readonly string[]).includes(value);
}

export function isDocumentScenario(name: ScenarioName): name is DocumentScenarioName {
	return (DOCUMENT_SCENARIOS as readonly string[]).includes(name);
}

export function isFaultScenario(name: ScenarioName): name is FaultScenarioName {
	return (FAULT_SCENARIOS as readonly string[]).includes(name);
}
