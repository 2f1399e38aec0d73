/**
 * The General and Template OCR fixtures against the samples they describe (samples/contract.pdf,
 * samples/contract-page1.png, samples/form.png), judged with an implementation of its own: the
 * PDF's page images decoded here (zlib and the PNG row filters, not tools/samples/pdf-pages.ts),
 * the PNGs with pngjs (the fixtures were measured with sharp). Every word's polygon is its ink
 * grown by 2 px (ink on each edge of the inner box, none on the ring around it), words run in
 * reading order, each cell's polygon sits on its ruling, the merged cell spans two rows with no
 * ruling across it, and a checkbox is checked when there is ink inside its box.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

import { PNG } from 'pngjs';

import { contractPdf } from '../../samples/multi-page-pdf';
import { FILE_MARKER_PREFIX } from '../scenario-selection';
import { FIXTURES } from './test-support';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');

type Vertex = { x: number; y: number };
type Box = [number, number, number, number];
interface Polygon {
	vertices: Vertex[];
}
interface Word {
	inferText: string;
	boundingPoly: Polygon;
	lineBreak: boolean;
}
interface Cell {
	rowIndex: number;
	columnIndex: number;
	rowSpan: number;
	columnSpan: number;
	boundingPoly: Polygon;
	cellTextLines: Array<{ boundingPoly: Polygon; cellWords: Array<Omit<Word, 'lineBreak'>> }>;
}
interface GeneralPage {
	convertedImageInfo: { width: number; height: number; pageIndex: number };
	fields: Word[];
	tables: Array<{ cells: Cell[]; boundingPoly: Polygon }>;
}
interface TemplateField extends Word {
	name: string;
	type: string;
	checked?: boolean;
	subFields?: Word[];
}
interface TemplatePage {
	title: { inferText: string; boundingPoly: Polygon };
	fields: TemplateField[];
}

interface Pixels {
	width: number;
	height: number;
	/** RGB, 3 bytes a pixel. */
	rgb: Buffer;
}

function fixture<T>(file: string): T[] {
	return (JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { images: T[] }).images;
}

/** Undoes the PNG row filters (one byte a pixel, Predictor 15 in the PDF) of an inflated stream. */
function unfilter(data: Buffer, width: number, height: number): Buffer {
	const out = Buffer.alloc(width * height);
	for (let y = 0; y < height; y++) {
		const filter = data[y * (width + 1)];
		for (let x = 0; x < width; x++) {
			const raw = data[y * (width + 1) + 1 + x] ?? 0;
			const left = x > 0 ? (out[y * width + x - 1] ?? 0) : 0;
			const up = y > 0 ? (out[(y - 1) * width + x] ?? 0) : 0;
			const upLeft = x > 0 && y > 0 ? (out[(y - 1) * width + x - 1] ?? 0) : 0;
			let predicted = 0;
			if (filter === 1) predicted = left;
			else if (filter === 2) predicted = up;
			else if (filter === 3) predicted = (left + up) >> 1;
			else if (filter === 4) {
				const p = left + up - upLeft;
				const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
				predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
			} else if (filter !== 0) throw new Error(`row filter ${String(filter)}`);
			out[y * width + x] = (raw + predicted) & 0xff;
		}
	}
	return out;
}

/** The page images of a PDF whose pages are 8-bit indexed images (Flate, PNG predictors). */
function pdfPages(pdf: Buffer): Pixels[] {
	const text = pdf.toString('latin1');
	const pages: Pixels[] = [];
	for (
		let at = text.indexOf('/Subtype /Image');
		at !== -1;
		at = text.indexOf('/Subtype /Image', at + 1)
	) {
		const end = text.indexOf('stream\n', at);
		const dictionary = text.slice(at, end);
		const number = (key: string) => Number(new RegExp(`/${key} (\\d+)`).exec(dictionary)?.[1]);
		const [width, height, length] = [number('Width'), number('Height'), number('Length')];
		expect([number('BitsPerComponent'), dictionary.includes('/Predictor 15')]).toEqual([8, true]);
		const palette = Buffer.from(/<([0-9a-f]+)>/.exec(dictionary)?.[1] ?? '', 'hex');
		const data = inflateSync(pdf.subarray(end + 7, end + 7 + length));
		const indexes = unfilter(data, width, height);
		const rgb = Buffer.alloc(width * height * 3);
		for (let i = 0; i < indexes.length; i++)
			palette.copy(rgb, i * 3, indexes[i]! * 3, indexes[i]! * 3 + 3);
		pages.push({ width, height, rgb });
	}
	return pages;
}

function pngPixels(bytes: Buffer): Pixels {
	const png = PNG.sync.read(bytes);
	const rgb = Buffer.alloc(png.width * png.height * 3);
	for (let i = 0; i < png.width * png.height; i++) png.data.copy(rgb, i * 3, i * 4, i * 4 + 3);
	return { width: png.width, height: png.height, rgb };
}

function dark(page: Pixels, x: number, y: number): boolean {
	const i = (y * page.width + x) * 3;
	return page.rgb[i]! < 110 && page.rgb[i + 1]! < 120 && page.rgb[i + 2]! < 130;
}

function inked(page: Pixels, [x0, y0, x1, y1]: Box): boolean {
	for (let y = Math.max(0, y0); y < Math.min(page.height, y1); y++)
		for (let x = Math.max(0, x0); x < Math.min(page.width, x1); x++)
			if (dark(page, x, y)) return true;
	return false;
}

/** The share of a column (or row) segment that is dark. */
function darkShare(page: Pixels, [x0, y0, x1, y1]: Box): number {
	let count = 0;
	let all = 0;
	for (let y = y0; y < y1; y++)
		for (let x = x0; x < x1; x++) {
			all++;
			if (dark(page, x, y)) count++;
		}
	return count / all;
}

/** An axis-aligned polygon (top-left, top-right, bottom-right, bottom-left) as a box. */
function boxOf(polygon: Polygon): Box {
	const [tl, tr, br, bl] = polygon.vertices;
	expect([tl?.y, tr?.x, br?.x, br?.y, bl?.x, bl?.y]).toEqual([
		tr?.y,
		br?.x,
		tr?.x,
		bl?.y,
		tl?.x,
		br?.y,
	]);
	return [tl!.x, tl!.y, br!.x, br!.y];
}

/** The ink box a polygon grown by 2 px came from: ink on its four edges, none on the ring. */
function expectInkGrownBy2(page: Pixels, what: string, polygon: Polygon): Box {
	const [l, t, r, b] = boxOf(polygon);
	const [x0, y0, x1, y1] = [l + 2, t + 2, r - 2, b - 2];
	expect([
		what,
		inked(page, [x0, y0, x0 + 1, y1]),
		inked(page, [x1 - 1, y0, x1, y1]),
		inked(page, [x0, y0, x1, y0 + 1]),
		inked(page, [x0, y1 - 1, x1, y1]),
	]).toEqual([what, true, true, true, true]);
	expect([
		what,
		inked(page, [x0 - 1, y0 - 1, x0, y1 + 1]),
		inked(page, [x1, y0 - 1, x1 + 1, y1 + 1]),
		inked(page, [x0 - 1, y0 - 1, x1 + 1, y0]),
		inked(page, [x0 - 1, y1, x1 + 1, y1 + 1]),
	]).toEqual([what, false, false, false, false]);
	return [x0, y0, x1, y1];
}

/** A word's width in ems, roughly: Hangul 1, narrow punctuation 0.35, the rest 0.6. */
function ems(text: string): number {
	return [...text].reduce(
		(sum, c) => sum + (/[\uac00-\ud7a3]/.test(c) ? 1 : /[.,:;()'"\-/~ ]/.test(c) ? 0.35 : 0.6),
		0,
	);
}

/** Splits words into lines at each lineBreak. */
function lines<T extends { lineBreak: boolean }>(words: readonly T[]): T[][] {
	const result: T[][] = [[]];
	for (const word of words) {
		result[result.length - 1]!.push(word);
		if (word.lineBreak) result.push([]);
	}
	return result.filter((line) => line.length > 0);
}

const CONTRACT = readFileSync(join(SAMPLES, 'contract.pdf'));
const PAGES = pdfPages(CONTRACT);
const GENERAL = fixture<GeneralPage>('general-contract.synthetic.json');

describe('samples/contract.pdf and general-contract.synthetic.json', () => {
	it('three A4 pages at 150 dpi, as the fixture’s convertedImageInfo says; page 1 is contract-page1.png', () => {
		expect(PAGES.map(({ width, height }) => [width, height])).toEqual([
			[1240, 1754],
			[1240, 1754],
			[1240, 1754],
		]);
		expect(GENERAL.map((page) => page.convertedImageInfo)).toEqual(
			[0, 1, 2].map((pageIndex) => ({ width: 1240, height: 1754, pageIndex, longImage: false })),
		);
		const png = pngPixels(readFileSync(join(SAMPLES, 'contract-page1.png')));
		expect([png.width, png.height]).toEqual([1240, 1754]);
		expect(png.rgb.equals(PAGES[0]!.rgb)).toBe(true);
	});

	it.each([0, 1, 2])('page %i: every word’s polygon is its ink grown by 2 px', (index) => {
		const page = PAGES[index]!;
		for (const [n, word] of GENERAL[index]!.fields.entries())
			expectInkGrownBy2(page, `${n} ${word.inferText}`, word.boundingPoly);
	});

	it.each([0, 1, 2])('page %i: words in reading order, widths as their letters', (index) => {
		const fieldLines = lines(GENERAL[index]!.fields);
		let previousBottom = 0;
		for (const line of fieldLines) {
			const boxes = line.map((word) => boxOf(word.boundingPoly));
			const text = line.map((word) => word.inferText).join(' ');
			// Left to right, apart; on one band.
			for (let i = 1; i < boxes.length; i++) {
				expect([text, boxes[i]![0] > boxes[i - 1]![2]]).toEqual([text, true]);
				expect([text, boxes[i]![1] < boxes[i - 1]![3] && boxes[i]![3] > boxes[i - 1]![1]]).toEqual([
					text,
					true,
				]);
			}
			// Lines go down the page (a table row below the one before it).
			const top = Math.min(...boxes.map((box) => box[1]));
			expect([text, top >= previousBottom - 40]).toEqual([text, true]);
			previousBottom = Math.max(...boxes.map((box) => box[3]));
			// Each word as wide as its letters, within the line's own scale: a word box given the
			// wrong text (a shifted split) would not be.
			const scale =
				boxes.reduce((sum, box) => sum + box[2] - box[0], 0) /
				line.reduce((sum, word) => sum + ems(word.inferText), 0);
			for (const [i, word] of line.entries()) {
				const ratio = (boxes[i]![2] - boxes[i]![0]) / (ems(word.inferText) * scale);
				expect([word.inferText, ratio > 0.45 && ratio < 1.8]).toEqual([word.inferText, true]);
			}
		}
	});

	it('page 3: the fake registration number is two words, 900101- and 1234567', () => {
		const words = GENERAL[2]!.fields;
		const front = words.find((word) => word.inferText === '900101-')!;
		const back = words.find((word) => word.inferText === '1234567')!;
		expect(words.indexOf(back)).toBe(words.indexOf(front) + 1);
		const [f, b] = [boxOf(front.boundingPoly), boxOf(back.boundingPoly)];
		expect(b[0] - f[2]).toBeGreaterThan(6);
		expect(inked(PAGES[2]!, [f[2], f[1], b[0], f[3]])).toBe(false);
		expect(words.map((word) => word.inferText).join(' ')).not.toContain('900101-1234567');
	});

	it('page 2: the table’s cells sit on their ruling; the merged cell spans two rows unruled', () => {
		expect(GENERAL.map((page) => page.tables.length)).toEqual([0, 1, 0]);
		const page = PAGES[1]!;
		const table = GENERAL[1]!.tables[0]!;
		const cellBoxes = table.cells.map((cell) => boxOf(cell.boundingPoly));
		expect(boxOf(table.boundingPoly)).toEqual([
			Math.min(...cellBoxes.map((box) => box[0])),
			Math.min(...cellBoxes.map((box) => box[1])),
			Math.max(...cellBoxes.map((box) => box[2])),
			Math.max(...cellBoxes.map((box) => box[3])),
		]);
		for (const [i, cell] of table.cells.entries()) {
			const [l, t, r, b] = cellBoxes[i]!;
			const what = `cell ${cell.rowIndex},${cell.columnIndex}`;
			// Its outermost rows and columns are ruling (dark along the whole side) ...
			expect([
				what,
				darkShare(page, [l, t + 4, l + 1, b - 4]) > 0.9,
				darkShare(page, [r - 1, t + 4, r, b - 4]) > 0.9,
				darkShare(page, [l + 4, t, r - 4, t + 1]) > 0.9,
				darkShare(page, [l + 4, b - 1, r - 4, b]) > 0.9,
			]).toEqual([what, true, true, true, true]);
			// ... and the pixels just outside are not.
			expect([
				what,
				darkShare(page, [l - 1, t + 4, l, b - 4]) < 0.5,
				darkShare(page, [r, t + 4, r + 1, b - 4]) < 0.5,
				darkShare(page, [l + 4, t - 1, r - 4, t]) < 0.5,
				darkShare(page, [l + 4, b, r - 4, b + 1]) < 0.5,
			]).toEqual([what, true, true, true, true]);
			// Its words are inside it, and on the page as fields with the same polygons.
			for (const word of cell.cellTextLines.flatMap((line) => line.cellWords)) {
				const [wl, wt, wr, wb] = boxOf(word.boundingPoly);
				expect([what, wl > l, wt > t, wr < r, wb < b]).toEqual([what, true, true, true, true]);
				expect(GENERAL[1]!.fields).toContainEqual(expect.objectContaining(word));
			}
		}
		const merged = table.cells.filter((cell) => cell.rowSpan > 1);
		expect(merged.map((cell) => [cell.rowIndex, cell.columnIndex, cell.rowSpan])).toEqual([
			[1, 2, 2],
		]);
		const [ml, mt, mr, mb] = boxOf(merged[0]!.boundingPoly);
		const rowsOfColumn1 = table.cells
			.filter((cell) => cell.columnIndex === 1 && cell.rowIndex >= 1)
			.map((cell) => boxOf(cell.boundingPoly));
		expect([mt, mb]).toEqual([rowsOfColumn1[0]![1], rowsOfColumn1[1]![3]]);
		// No ruling crosses the merged cell, while one crosses the cells beside it.
		const middle = rowsOfColumn1[1]![1] + 1;
		expect(darkShare(page, [ml + 4, middle, mr - 4, middle + 1])).toBeLessThan(0.5);
		const [cl, , cr] = rowsOfColumn1[0]!;
		expect(darkShare(page, [cl + 4, middle, cr - 4, middle + 1])).toBeGreaterThan(0.9);
	});

	it('the built multi-page PDF’s pages and single images are the contract’s pages', () => {
		const built = contractPdf(5);
		const pages = pdfPages(built.pdf);
		expect(pages.map((page, i) => page.rgb.equals(PAGES[i % 3]!.rgb))).toEqual([
			true,
			true,
			true,
			true,
			true,
		]);
		expect(
			built.pages.map((page) => pngPixels(page.png).rgb.equals(PAGES[page.pageIndex % 3]!.rgb)),
		).toEqual([true, true, true, true, true]);
		expect(built.pages.map((page) => page.scenario)).toEqual([
			'general-contract-page1',
			'general-contract-page2',
			'general-contract-page3',
			'general-contract-page1',
			'general-contract-page2',
		]);
		expect(built.pdf.toString('latin1')).toContain(`${FILE_MARKER_PREFIX}general-contract\n`);
	});
});

describe('samples/form.png and template-form.synthetic.json', () => {
	const form = pngPixels(readFileSync(join(SAMPLES, 'form.png')));
	const [answer] = fixture<TemplatePage>('template-form.synthetic.json');

	it('the title’s and every field’s polygon is its ink grown by 2 px (subFields too)', () => {
		expect([form.width, form.height]).toEqual([1240, 874]);
		expectInkGrownBy2(form, 'title', answer!.title.boundingPoly);
		for (const field of answer!.fields) {
			const [l, t, r, b] = expectInkGrownBy2(form, field.name, field.boundingPoly);
			for (const sub of field.subFields ?? []) {
				const [sl, st, sr, sb] = expectInkGrownBy2(form, sub.inferText, sub.boundingPoly);
				expect([sl >= l, st >= t, sr <= r, sb <= b]).toEqual([true, true, true, true]);
			}
		}
	});

	it('a checkbox is checked when there is ink inside its box', () => {
		const boxes = answer!.fields.filter((field) => field.type === 'CHECKBOX');
		expect(boxes.map((field) => [field.name, field.checked])).toEqual([
			['숙박 필요', true],
			['법인카드 사용', false],
		]);
		for (const field of boxes) {
			const [l, t, r, b] = boxOf(field.boundingPoly);
			// Inside the 2 px growth and the box's own 3 px line.
			expect([field.name, inked(form, [l + 6, t + 6, r - 6, b - 6])]).toEqual([
				field.name,
				field.checked,
			]);
		}
	});

	it('the registration number’s two fields lie in two boxes, front then back', () => {
		const [front, back] = ['주민등록번호 앞자리', '주민등록번호 뒷자리'].map(
			(name) => answer!.fields.find((field) => field.name === name)!,
		);
		const [f, b] = [boxOf(front!.boundingPoly), boxOf(back!.boundingPoly)];
		expect([front!.inferText, back!.inferText]).toEqual(['900101', '1234567']);
		// A box's ruling (a column dark along the field's height) between the two.
		let rulings = 0;
		for (let x = f[2]; x < b[0]; x++) if (darkShare(form, [x, f[1], x + 1, f[3]]) > 0.9) rulings++;
		expect(rulings).toBeGreaterThanOrEqual(4);
	});
});

describe('the new samples’ markers', () => {
	it.each([
		['contract.pdf', 'general-contract'],
		['contract-page1.png', 'general-contract-page1'],
		['form.png', 'template-success'],
		['form.jpg', 'template-success'],
	])('%s says %s', (file, scenario) => {
		const bytes = readFileSync(join(SAMPLES, file)).toString('latin1');
		const names = [...bytes.matchAll(/CLOVA-EMULATOR:scenario=([a-z0-9-]+)/g)].map((m) => m[1]);
		expect(new Set(names)).toEqual(new Set([scenario]));
	});
});
