/**
 * Decides which scenario answers a valid request, in this precedence:
 * 1. programmatic: the next queued scenario, else the `setScenario` override;
 * 2. a `[scenario=<name>]` directive in the image name;
 * 3. a `CLOVA-EMULATOR:scenario=<name>` marker anywhere in the file bytes;
 * 4. the configured default.
 * Unknown names in directives and markers are ignored.
 */
import { isScenarioName, type ScenarioName } from './scenarios';

export type ScenarioSource =
	| 'queue'
	| 'override'
	| 'image-name'
	| 'file-marker'
	| 'default'
	| 'fault-rate';

export interface ScenarioChoice {
	scenario: ScenarioName;
	source: ScenarioSource;
}

export const FILE_MARKER_PREFIX = 'CLOVA-EMULATOR:scenario=';

const NAME_DIRECTIVE = /\[scenario=([a-z0-9-]+)\]/g;
const MARKER_PREFIX_BYTES = Buffer.from(FILE_MARKER_PREFIX, 'latin1');
const MARKER_NAME_MAX = 40;

export function scenarioFromImageName(imageName: string): ScenarioName | null {
	for (const match of imageName.matchAll(NAME_DIRECTIVE)) {
		const name = match[1];
		if (isScenarioName(name)) return name;
	}
	return null;
}

export function scenarioFromFileMarker(file: Buffer): ScenarioName | null {
	let index = file.indexOf(MARKER_PREFIX_BYTES);
	while (index !== -1) {
		const start = index + MARKER_PREFIX_BYTES.length;
		let end = start;
		while (end < file.length && end - start < MARKER_NAME_MAX && isNameByte(file[end] ?? 0)) end++;
		const name = file.toString('latin1', start, end);
		if (isScenarioName(name)) return name;
		index = file.indexOf(MARKER_PREFIX_BYTES, start);
	}
	return null;
}

function isNameByte(byte: number): boolean {
	return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x2d;
}

export interface ScenarioInputs {
	queued: ScenarioName | undefined;
	override: ScenarioName | null;
	imageName: string;
	file: Buffer;
	defaultScenario: ScenarioName;
}

export function selectScenario(inputs: ScenarioInputs): ScenarioChoice {
	if (inputs.queued !== undefined) return { scenario: inputs.queued, source: 'queue' };
	if (inputs.override !== null) return { scenario: inputs.override, source: 'override' };
	const fromName = scenarioFromImageName(inputs.imageName);
	if (fromName !== null) return { scenario: fromName, source: 'image-name' };
	const fromFile = scenarioFromFileMarker(inputs.file);
	if (fromFile !== null) return { scenario: fromFile, source: 'file-marker' };
	return { scenario: inputs.defaultScenario, source: 'default' };
}
