/**
 * Loads the documented response examples (tools/clova-emulator/fixtures) as text and
 * personalizes them for one request by textual substitution, so every quirk
 * of the printed examples (trailing comma, `idtype`, "2029 12.31", 0.0)
 * reaches the wire byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DOCUMENT_PRODUCTS, PRODUCT_INFO } from './products';
import type { DocumentScenarioName } from './scenarios';
import {
	BUSINESS_REGISTRATION_GEOMETRY,
	DRIVER_LICENSE_GEOMETRY,
	elementAt,
	placeElements,
	placeFields,
	RECEIPT_GEOMETRY,
	RESIDENT_CARD_GEOMETRY,
	type FieldGeometry,
} from './specimen-geometry';

export const FIXTURE_DIRECTORY = join(__dirname, 'fixtures');

interface DocumentSource {
	file: string;
	/** Extra textual edits applied to the fixture text once, at load time (a string: its first occurrence). */
	edits?: ReadonlyArray<readonly [search: string | RegExp, replacement: string]>;
	/** Carries none of the keys personalization fills in (a response without the optional keys). */
	bare?: boolean;
	/** Polygons moved onto a sample card's text (specimen-geometry.ts), after the edits. */
	geometry?: Record<string, FieldGeometry>;
	/** For valid-JSON fixtures: a sample's values and geometry, by path (see `Specimen`). */
	specimen?: Specimen;
}

/**
 * A specimen made from a valid-JSON fixture: elements (paths under `images[0].<modelKey>.result`)
 * get the sample's values, and their polygons move onto the sample's text. The fixture is
 * written back with JSON.stringify(…, 4), the layout the synthetic product fixtures are in.
 */
interface Specimen {
	modelKey: string;
	geometry: Record<string, FieldGeometry>;
	values?: Record<string, { text: string; formatted: Record<string, string> }>;
}

const NO_REQUESTED =
	'"validationResult": {\n                "result": "NO_REQUESTED"\n            }';

/** The resident-card example with the service's verdict (and its message, when given) changed. */
function verdict(result: string, message?: string): DocumentSource {
	const messageLine =
		message === undefined ? '' : `,\n                "message": ${JSON.stringify(message)}`;
	return {
		file: 'ic-success.ko.json',
		edits: [
			[
				NO_REQUESTED,
				`"validationResult": {\n                "result": "${result}"${messageLine}\n            }`,
			],
		],
	};
}

// The examples print `rois` as [{vertices: [points]}]; the result table as a list of points.
const ROIS_AS_EXAMPLE = /"rois": \[\s*\{\s*"vertices": (\[[^\]]*\])\s*\}\s*\]/;

const DOCUMENT_SOURCES: Record<DocumentScenarioName, DocumentSource> = {
	'ic-success': { file: 'ic-success.ko.json' },
	'ic-success-en': { file: 'ic-success.en.json' },
	'dl-success': { file: 'dl-success.ko.json' },
	'pp-success': { file: 'pp-success.synthetic.json' },
	'ac-success': { file: 'ac-success.synthetic.json' },
	'infer-error': { file: 'ic-failure.ko.json' },
	// Not documented: the ERROR example with inferResult FAILURE (message kept).
	'infer-failure': {
		file: 'ic-failure.ko.json',
		edits: [['"inferResult": "ERROR"', '"inferResult": "FAILURE"']],
	},
	'ic-failure': { file: 'ic-failure.ko.json' },
	'dl-failure': { file: 'dl-failure.ko.json' },
	// Synthetic specimen cards (no real person): the documented shapes with unmasked, internally
	// consistent values, so validation and output masking have something to work on.
	// 800101-123456 has RRN check digit 0; license 11-00-… was first issued at age 20.
	// Their polygons are those of the sample cards' text (samples/), for redacted copies.
	'ic-specimen': {
		file: 'ic-success.ko.json',
		geometry: RESIDENT_CARD_GEOMETRY,
		edits: unmask([
			['홍**', '홍길동'],
			['800***-234****', '800101-1234560'],
			['서울특별시 ***', '서울특별시 종로구 세종대로 209'],
		]).concat([
			['"text": "서울특별시 **구청장 **"', '"text": "서울특별시 종로구청장"'],
			['"value": "서울특별시 **구청장"', '"value": "서울특별시 종로구청장"'],
		]),
	},
	// The documented keys the examples print only one way (README: "Documented keys").
	'ic-valid': verdict('VALID'),
	'ic-invalid': verdict('INVALID', 'The ID card did not pass the validity check.'),
	'ic-unchecked': verdict('UNCHECKED'),
	'ic-validation-error': verdict('ERROR', 'The validity check could not be run.'),
	'ic-language-en': {
		file: 'ic-success.en.json',
		edits: [['"estimatedLanguage": "ko"', '"estimatedLanguage": "en"']],
	},
	'ic-key-text': {
		file: 'ic-success.ko.json',
		edits: ['성명', '주민등록번호', '주소', '발급일자', '발급기관'].map(
			(keyText) => ['"keyText": ""', `"keyText": "${keyText}"`] as const,
		),
	},
	'ic-rois-points': { file: 'ic-success.ko.json', edits: [[ROIS_AS_EXAMPLE, '"rois": $1']] },
	'ic-minimal': { file: 'ic-minimal.synthetic.json', bare: true },
	// The other products (fixtures/README.md). Their failures are the ID card's failure example
	// with inferResult FAILURE, as infer-failure.
	'biz-success': { file: 'biz-success.synthetic.json' },
	'biz-individual': { file: 'biz-individual.synthetic.json' },
	'biz-failure': failure(),
	// The sample certificate (samples/business-registration.*) carries biz-success's values.
	'biz-specimen': {
		file: 'biz-success.synthetic.json',
		specimen: { modelKey: 'bizLicense', geometry: BUSINESS_REGISTRATION_GEOMETRY },
	},
	'receipt-success': { file: 'receipt-success.synthetic.json' },
	'receipt-mismatch': { file: 'receipt-mismatch.synthetic.json' },
	'receipt-failure': failure(),
	// The sample receipt (samples/receipt.*): receipt-success with a fictional store.
	'receipt-specimen': {
		file: 'receipt-success.synthetic.json',
		specimen: {
			modelKey: 'receipt',
			geometry: RECEIPT_GEOMETRY,
			values: {
				'storeInfo.name': { text: '견본마트', formatted: { value: '견본마트' } },
				'storeInfo.bizNum': { text: '101-81-56785', formatted: { value: '1018156785' } },
				'storeInfo.tel.0': { text: '(02)123-4567', formatted: { value: '021234567' } },
			},
		},
	},
	'credit-card-success': { file: 'credit-card-success.synthetic.json' },
	'credit-card-failure': failure(),
	'name-card-success': { file: 'name-card-success.synthetic.json' },
	'name-card-failure': failure(),
	'passport-success': { file: 'passport-success.synthetic.json' },
	'passport-failure': failure(),
	'dl-specimen': {
		file: 'dl-success.ko.json',
		geometry: DRIVER_LICENSE_GEOMETRY,
		edits: unmask([
			['**-**-******-**', '11-00-123456-10'],
			['홍**', '홍길동'],
			['******-*******', '800101-1234560'],
			['서울시 ***', '서울시 종로구 세종대로 209'],
			['H1***', 'H1A2B3'],
		]),
	},
};

/** The failure example with inferResult FAILURE: a reading that ran and failed, any product. */
function failure(): DocumentSource {
	return {
		file: 'ic-failure.ko.json',
		edits: [['"inferResult": "ERROR"', '"inferResult": "FAILURE"']],
	};
}

/** The fixture text with a specimen's values and geometry (valid-JSON fixtures only). */
function applySpecimen(text: string, specimen: Specimen): string {
	const document = JSON.parse(text) as { images: Array<Record<string, { result: unknown }>> };
	const result = document.images[0]?.[specimen.modelKey]?.result;
	if (result === undefined) throw new Error(`fixture lacks images[0].${specimen.modelKey}.result`);
	for (const [path, { text: value, formatted }] of Object.entries(specimen.values ?? {})) {
		const element = elementAt(result, path);
		element['text'] = value;
		element['formatted'] = formatted;
	}
	placeElements(result, specimen.geometry);
	return `${JSON.stringify(document, null, 4)}\n`;
}

/** Edits that replace a masked value in both `text` and `formatted.value`. */
function unmask(pairs: ReadonlyArray<readonly [string, string]>): Array<readonly [string, string]> {
	return pairs.flatMap(([masked, specimen]) => [
		[`"text": "${masked}"`, `"text": "${specimen}"`] as const,
		[`"value": "${masked}"`, `"value": "${specimen}"`] as const,
	]);
}

export function documentFixtureFile(name: DocumentScenarioName): string {
	return DOCUMENT_SOURCES[name].file;
}

export interface DocumentPersonalization {
	requestId: string;
	timestamp: number;
	imageName: string;
	uid: string;
}

const STRING_LITERAL = '"(?:[^"\\\\]|\\\\.)*"';
const REQUEST_ID = new RegExp(`("requestId"\\s*:\\s*)${STRING_LITERAL}`);
const TIMESTAMP = /("timestamp"\s*:\s*)\d+/;
const UID_AND_NAME = new RegExp(
	`("uid"\\s*:\\s*)"\\{uid\\}"(\\s*,\\s*"name"\\s*:\\s*)${STRING_LITERAL}`,
);

const templates = new Map<DocumentScenarioName, string>();

/** The fixture text a scenario answers with, before personalization. */
export function documentTemplate(name: DocumentScenarioName): string {
	const cached = templates.get(name);
	if (cached !== undefined) return cached;
	const source = DOCUMENT_SOURCES[name];
	let text = readFileSync(join(FIXTURE_DIRECTORY, source.file), 'utf8');
	for (const [search, replacement] of source.edits ?? []) {
		const found = typeof search === 'string' ? text.includes(search) : search.test(text);
		if (!found) throw new Error(`fixture ${source.file} lacks ${String(search)}`);
		text =
			typeof search === 'string'
				? text.replace(search, () => replacement)
				: text.replace(search, replacement);
	}
	if (source.geometry) text = placeFields(text, source.geometry);
	if (source.specimen) text = applySpecimen(text, source.specimen);
	for (const pattern of source.bare ? [] : [REQUEST_ID, TIMESTAMP, UID_AND_NAME]) {
		if (!pattern.test(text))
			throw new Error(`fixture ${source.file} does not match ${pattern.source}`);
	}
	templates.set(name, text);
	return text;
}

/**
 * Replaces the first `requestId`, the first `timestamp`, and the `uid`/`name`
 * pair of images[0]; nothing else changes.
 */
export function personalizeDocument(template: string, values: DocumentPersonalization): string {
	return template
		.replace(REQUEST_ID, (_match, key: string) => key + JSON.stringify(values.requestId))
		.replace(TIMESTAMP, (_match, key: string) => key + String(values.timestamp))
		.replace(
			UID_AND_NAME,
			(_match, uidKey: string, nameKey: string) =>
				uidKey + JSON.stringify(values.uid) + nameKey + JSON.stringify(values.imageName),
		);
}

/** What the service adds for a PDF or TIFF: the converted page the coordinates refer to. */
export const CONVERTED_IMAGE_INFO = { width: 760, height: 480, pageIndex: 0 } as const;

const VALIDATION_RESULT_OBJECT = /("validationResult"\s*:\s*\{[^{}]*\})/;
const MODEL_KEY = new RegExp(
	`"(?:${DOCUMENT_PRODUCTS.map((product) => PRODUCT_INFO[product].modelKey).join('|')})"\\s*:`,
);

/**
 * Adds `convertedImageInfo` after `validationResult` of a recognized document (one with a
 * model key: `idCard`, `bizLicense`, `receipt`, ...), as the service does for PDF and TIFF
 * files (documented for the ID card, assumed for the other products); other answers stay as
 * they are.
 */
export function withConvertedImageInfo(text: string): string {
	if (!MODEL_KEY.test(text)) return text;
	const info = CONVERTED_IMAGE_INFO;
	return text.replace(
		VALIDATION_RESULT_OBJECT,
		(object: string) =>
			`${object},\n            "convertedImageInfo": {\n                "width": ${info.width},\n                "height": ${info.height},\n                "pageIndex": ${info.pageIndex}\n            }`,
	);
}

const CONVERTED_FORMATS: ReadonlySet<string> = new Set(['pdf', 'tif', 'tiff']);

export function renderDocument(
	name: DocumentScenarioName,
	values: DocumentPersonalization,
	imageFormat?: string,
): string {
	const text = personalizeDocument(documentTemplate(name), values);
	return imageFormat !== undefined && CONVERTED_FORMATS.has(imageFormat)
		? withConvertedImageInfo(text)
		: text;
}
