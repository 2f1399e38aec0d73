/**
 * General OCR's and Template OCR's answers: one `images[]` entry per page of the uploaded file
 * (a PDF or TIFF has several, page-count.ts), each with the request's image name, a uid of its
 * own and, for General OCR (and Template OCR on a PDF or TIFF), `convertedImageInfo` with its
 * `pageIndex`. Built from the synthetic fixtures (fixtures/README.md):
 * - `general-success.synthetic.json`: any image's generic reading, one page repeated per page;
 * - `general-contract.synthetic.json`: the three pages of samples/contract.pdf, measured on its
 *   ink (tools/samples/measure-words.ts), page i of a file being the contract's page i mod 3;
 * - `template-form.synthetic.json`: samples/form.*, matched to template 390.
 *
 * `tables` are kept only when the request asked for them (`enableTableDetection`); a `V1`
 * request gets `bounding` ({left, top, width, height}, assumed) instead of each `boundingPoly`.
 * Answers are compact JSON, as the captured real response.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { FORM_TEMPLATE, type TemplateInfo, type TemplateNotMatched } from './emulator-options';
import type { ClovaErrorKind } from './error-codes';
import type { ValidOcrRequest } from './ocr-request';
import type { GeneralScenarioName, PageScenarioName, TemplateScenarioName } from './scenarios';

const FIXTURES = join(__dirname, 'fixtures');

type Json = Record<string, unknown>;

interface FixtureDocument {
	images: Json[];
}

const loaded = new Map<string, FixtureDocument>();

function fixture(file: string): FixtureDocument {
	let document = loaded.get(file);
	if (document === undefined) {
		document = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as FixtureDocument;
		loaded.set(file, document);
	}
	return document;
}

/** The pages of a fixture (deep copies are made when answering). */
export function fixturePages(file: string): readonly Json[] {
	return fixture(file).images;
}

export const GENERAL_GENERIC_FIXTURE = 'general-success.synthetic.json';
export const GENERAL_CONTRACT_FIXTURE = 'general-contract.synthetic.json';
export const TEMPLATE_FORM_FIXTURE = 'template-form.synthetic.json';

/** The message of a page the service could not read (the documented failure example's). */
export function readFailureMessage(pageIndex: number): string {
	return `Read page:${pageIndex} error.`;
}

export const NOT_MATCHED_MESSAGE = 'NOT_FOUND: not found matched template';

/** The sample form's size (samples/form.png, A5 landscape at 150 dpi). */
export const FORM_SIZE = { width: 1240, height: 874 } as const;

/** What the request and the knobs give an answer. */
export interface PageRequest {
	readonly request: ValidOcrRequest;
	/** Pages of the uploaded file (1 for an image or a URL). */
	readonly pages: number;
	/** Whether the file is a PDF or TIFF (converted pages). */
	readonly converted: boolean;
	readonly now: number;
	readonly uid: () => string;
	readonly templates: readonly TemplateInfo[];
}

export type PageAnswer = { kind: 'text'; text: string } | { kind: 'error'; error: ClovaErrorKind };

function copy<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/** A deep copy of a fixture page without its `uid` and `name` (the answer's own come first). */
function withoutUidAndName(page: Json): Json {
	const result = copy(page);
	delete result['uid'];
	delete result['name'];
	return result;
}

/** Puts `uid` and `name` first, as every documented `images[]` entry has them. */
function entry(values: Json, input: PageRequest): Json {
	return { uid: input.uid(), name: input.request.imageName, ...values };
}

/** Replaces every `boundingPoly` with V1's `bounding` (its axis-aligned box), in place of the key. */
export function toV1(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(toV1);
	if (typeof value !== 'object' || value === null) return value;
	const out: Json = {};
	for (const [key, child] of Object.entries(value as Json)) {
		if (key === 'boundingPoly') out['bounding'] = bounding(child);
		else out[key] = toV1(child);
	}
	return out;
}

function bounding(poly: unknown): Json {
	const vertices = ((poly as { vertices?: Array<{ x: number; y: number }> }).vertices ?? []).filter(
		(vertex) => typeof vertex.x === 'number' && typeof vertex.y === 'number',
	);
	const xs = vertices.map((vertex) => vertex.x);
	const ys = vertices.map((vertex) => vertex.y);
	const [left, top] = [Math.min(...xs), Math.min(...ys)];
	return { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}

function respond(images: Json[], input: PageRequest): string {
	const answer = {
		version: input.request.version,
		requestId: input.request.requestId,
		timestamp: input.now,
		images,
	};
	return JSON.stringify(input.request.version === 'V1' ? toV1(answer) : answer);
}

/** Page i of a multi-page answer cycling through `source` from its page `start`. */
function pagesOf(source: readonly Json[], start: number, input: PageRequest): Json[] {
	return Array.from({ length: input.pages }, (_unused, pageIndex) => {
		const page = withoutUidAndName(source[(start + pageIndex) % source.length]!);
		const info = page['convertedImageInfo'] as Json | undefined;
		if (info !== undefined) info['pageIndex'] = pageIndex;
		if (!input.request.enableTableDetection) delete page['tables'];
		return entry(page, input);
	});
}

const CONTRACT_START: Partial<Record<GeneralScenarioName, number>> = {
	'general-contract': 0,
	'general-contract-page1': 0,
	'general-contract-page2': 1,
	'general-contract-page3': 2,
};

/** A failed reading: one entry per page, `inferResult: FAILURE` and the page's message. */
function failurePages(input: PageRequest, message: (pageIndex: number) => string): Json[] {
	return Array.from({ length: input.pages }, (_unused, pageIndex) =>
		entry(
			{
				inferResult: 'FAILURE',
				message: message(pageIndex),
				validationResult: { result: 'NO_REQUESTED' },
			},
			input,
		),
	);
}

export function generalAnswer(scenario: GeneralScenarioName, input: PageRequest): PageAnswer {
	if (scenario === 'general-failure')
		return { kind: 'text', text: respond(failurePages(input, readFailureMessage), input) };
	const start = CONTRACT_START[scenario];
	const images =
		start === undefined
			? pagesOf(fixturePages(GENERAL_GENERIC_FIXTURE), 0, input)
			: pagesOf(fixturePages(GENERAL_CONTRACT_FIXTURE), start, input);
	return { kind: 'text', text: respond(images, input) };
}

/**
 * Whether the sample form matches: its template (390) is deployed and, when the request names
 * templates, among them.
 */
export function formMatches(
	templates: readonly TemplateInfo[],
	templateIds: readonly number[] | null,
): boolean {
	const deployed = templates.some((template) => template.id === FORM_TEMPLATE.id);
	return deployed && (templateIds === null || templateIds.includes(FORM_TEMPLATE.id));
}

/** The not-matched scenario the `templateNotMatched` knob picks. */
export function notMatchedScenario(as: TemplateNotMatched): TemplateScenarioName {
	return as === 'error' ? 'template-not-matched-error' : 'template-not-matched';
}

export function templateAnswer(scenario: TemplateScenarioName, input: PageRequest): PageAnswer {
	if (scenario === 'template-not-matched-error')
		return { kind: 'error', error: 'templateNotMatched' };
	if (scenario === 'template-not-matched')
		return {
			kind: 'text',
			text: respond(
				failurePages(input, () => NOT_MATCHED_MESSAGE),
				input,
			),
		};
	const name =
		input.templates.find((template) => template.id === FORM_TEMPLATE.id)?.name ??
		FORM_TEMPLATE.name;
	const images = Array.from({ length: input.pages }, (_unused, pageIndex) => {
		const page = withoutUidAndName(fixturePages(TEMPLATE_FORM_FIXTURE)[0]!);
		page['matchedTemplate'] = { id: FORM_TEMPLATE.id, name };
		// Assumed: the converted page's size and index, as General OCR gives them, for a PDF or TIFF.
		if (input.converted) page['convertedImageInfo'] = { ...FORM_SIZE, pageIndex, longImage: false };
		return entry(page, input);
	});
	return { kind: 'text', text: respond(images, input) };
}

export function pageAnswer(scenario: PageScenarioName, input: PageRequest): PageAnswer {
	return scenario.startsWith('general-')
		? generalAnswer(scenario as GeneralScenarioName, input)
		: templateAnswer(scenario as TemplateScenarioName, input);
}
