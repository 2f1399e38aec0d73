/**
 * Decides which scenario answers a valid request, in this precedence:
 * 1. programmatic: the next queued scenario, else the `setScenario` override;
 * 2. a `[scenario=<name>]` directive in the image name;
 * 3. a `CLOVA-EMULATOR:scenario=<name>` marker anywhere in the file bytes;
 * 4. the configured default.
 * Unknown names in directives and markers are ignored.
 *
 * Each document scenario belongs to one product; a request is answered for its domain's product
 * (`selectScenarioFor`):
 * - the queue and the `setScenario` override are programmatic and scoped: a queued scenario
 *   waits for the first request on a domain it applies to (its product's, or any for a fault),
 *   and an override of another product is passed over;
 * - the image-name directive and the file marker describe the uploaded document: another
 *   product's document read by this product's model fails, so it is answered with this
 *   product's failure scenario (an ID-card scenario never yields an ID-card body elsewhere);
 *   General OCR reads any document (its generic reading), Template OCR matches no template
 *   (`foreignScenario` in products.ts);
 * - the default is `defaultScenario` when it is a fault or this product's, else this product's
 *   success scenario.
 */
import { PRODUCT_INFO, type Product } from './products';
import {
	isAnswerScenario,
	isScenarioName,
	scenarioProduct,
	type AnswerScenarioName,
	type ScenarioName,
} from './scenarios';

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
	/** The directive or marker named another product's document (`foreignScenario` answers). */
	foreign?: boolean;
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

/** Whether a scenario may answer on a domain of `product`: a fault anywhere, a document on its product's. */
export function appliesTo(name: ScenarioName, product: Product): boolean {
	const owner = scenarioProduct(name);
	return owner === null || owner === product;
}

/** The default for a domain of `product`: the configured default if it applies there, else the product's success. */
export function defaultScenarioFor(product: Product, configured: ScenarioName): ScenarioName {
	return appliesTo(configured, product) ? configured : PRODUCT_INFO[product].successScenario;
}

/** The document (or page answer) that `slow` and `truncated` carry on a domain of `product`. */
export function fallbackDocumentFor(
	product: Product,
	configured: ScenarioName,
): AnswerScenarioName {
	return isAnswerScenario(configured) && appliesTo(configured, product)
		? configured
		: PRODUCT_INFO[product].successScenario;
}

/** Removes and returns the first queued scenario that applies to `product`, if any. */
export function takeQueued(queue: ScenarioName[], product: Product): ScenarioName | undefined {
	const index = queue.findIndex((name) => appliesTo(name, product));
	return index === -1 ? undefined : queue.splice(index, 1)[0];
}

export interface ProductScenarioInputs extends Omit<ScenarioInputs, 'queued' | 'defaultScenario'> {
	/** The pending queue; the scenario taken from it is removed. */
	queue: ScenarioName[];
	/** The configured default (`defaultScenario`). */
	defaultScenario: ScenarioName;
}

/** Picks the scenario for a valid request on a domain of `product` (rules at the top). */
export function selectScenarioFor(product: Product, inputs: ProductScenarioInputs): ScenarioChoice {
	const override =
		inputs.override !== null && appliesTo(inputs.override, product) ? inputs.override : null;
	const choice = selectScenario({
		queued: takeQueued(inputs.queue, product),
		override,
		imageName: inputs.imageName,
		file: inputs.file,
		defaultScenario: defaultScenarioFor(product, inputs.defaultScenario),
	});
	if (appliesTo(choice.scenario, product)) return choice;
	// A directive or marker naming another product's document: this model cannot read it.
	return { scenario: PRODUCT_INFO[product].foreignScenario, source: choice.source, foreign: true };
}
