/**
 * What the emulator serves for General OCR and Template OCR, read straight from its fixtures
 * (tools/clova-emulator/fixtures/general-*.synthetic.json, template-form.synthetic.json), so the
 * integration tests can derive each item from the served pages without the node's own code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', '..', '..', 'tools', 'clova-emulator', 'fixtures');

export interface FixtureVertex {
	x: number;
	y: number;
}

export interface FixturePolygon {
	vertices: FixtureVertex[];
}

/** A General OCR word (`images[].fields[]`). */
export interface FixtureWord {
	valueType: string;
	boundingPoly: FixturePolygon;
	inferText: string;
	inferConfidence: number;
	type: string;
	lineBreak: boolean;
}

export interface FixtureCell {
	rowIndex: number;
	columnIndex: number;
	rowSpan: number;
	columnSpan: number;
	boundingPoly: FixturePolygon;
	inferConfidence: number;
	cellTextLines: Array<{
		boundingPoly: FixturePolygon;
		inferConfidence: number;
		cellWords: Array<{ inferText: string; boundingPoly: FixturePolygon; inferConfidence: number }>;
	}>;
}

export interface FixtureTable {
	cells: FixtureCell[];
	boundingPoly: FixturePolygon;
	inferConfidence: number;
}

/** One page of a General OCR fixture (`images[i]`). */
export interface FixtureTextPage {
	uid: string;
	name: string;
	inferResult: string;
	message: string;
	validationResult: { result: string };
	convertedImageInfo: { width: number; height: number; pageIndex: number; longImage: boolean };
	fields: FixtureWord[];
	tables?: FixtureTable[];
}

/** A Template OCR field or sub-field (`images[0].fields[]`, `subFields[]`). */
export interface FixtureTemplateField {
	name?: string;
	valueType?: string;
	boundingPoly: FixturePolygon;
	inferText: string;
	inferConfidence: number;
	type?: string;
	lineBreak?: boolean;
	checked?: boolean;
	subFields?: FixtureTemplateField[];
}

export interface FixtureTemplateImage {
	uid: string;
	name: string;
	inferResult: string;
	message: string;
	matchedTemplate: { id: number; name: string };
	title: Record<string, unknown>;
	fields: FixtureTemplateField[];
	validationResult: { result: string };
}

function readFixture<T>(file: string): { images: T[] } {
	return JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { images: T[] };
}

/** The pages of a General OCR fixture, as written (before the emulator's uid and name). */
export function generalFixturePages(
	fixture: 'general-contract' | 'general-success',
): FixtureTextPage[] {
	return readFixture<FixtureTextPage>(`${fixture}.synthetic.json`).images;
}

/** `images[0]` of the Template OCR fixture (the sample form), as written. */
export function templateFixtureImage(): FixtureTemplateImage {
	return readFixture<FixtureTemplateImage>('template-form.synthetic.json').images[0];
}

/** The axis-aligned box of a polygon, as `{x, y, width, height}`. */
export function polygonBox(polygon: FixturePolygon): {
	x: number;
	y: number;
	width: number;
	height: number;
} {
	const xs = polygon.vertices.map((vertex) => vertex.x);
	const ys = polygon.vertices.map((vertex) => vertex.y);
	const x = Math.min(...xs);
	const y = Math.min(...ys);
	return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** The axis-aligned box of a polygon as `[x0, y0, x1, y1]` (the pixel judges' Box). */
export function polygonCorners(polygon: FixturePolygon): [number, number, number, number] {
	const { x, y, width, height } = polygonBox(polygon);
	return [x, y, x + width, y + height];
}
