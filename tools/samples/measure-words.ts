/**
 * Measures the words on the sample contract and form (samples/contract.pdf, samples/form.png)
 * and writes the CLOVA emulator's General and Template OCR answers for them:
 *   tools/clova-emulator/fixtures/general-contract.synthetic.json (three pages: words, lines,
 *     the fee table with its merged cell)
 *   tools/clova-emulator/fixtures/template-form.synthetic.json (the form's title and fields)
 *
 *   npx tsx tools/samples/measure-words.ts [samples dir] [fixtures dir]
 *
 * The text comes from document-layouts.ts (what generate.sh drew); every word's box is the dark
 * ink found for it on the page (word-boxes.ts) grown by 2 px, as the specimen geometry of the
 * other samples; a table's and a cell's box is the ink of its ruling. Confidence scores are
 * made up (deterministic). Re-run after redrawing the contract or the form.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import sharp from 'sharp';

import {
	cellGrid,
	CONTRACT_PAGES,
	FORM,
	FORM_TEMPLATE,
	type Box,
	type Page,
	type Table,
	type TableCell,
	type TextLine,
} from './document-layouts';
import { pngPagesOfPdf, writePng } from './pdf-pages';
import { inkBox, isDark, splitWords, type Raster } from './word-boxes';

/** A sample timestamp for the fixtures (the emulator writes the request's time). */
const FIXTURE_TIMESTAMP = 1716163200000;

type Vertex = { x: number; y: number };
interface Polygon {
	vertices: Vertex[];
}

function polygon([x0, y0, x1, y1]: Box, grow: number): Polygon {
	const [l, t, r, b] = [Math.max(0, x0 - grow), Math.max(0, y0 - grow), x1 + grow, y1 + grow];
	return {
		vertices: [
			{ x: l, y: t },
			{ x: r, y: t },
			{ x: r, y: b },
			{ x: l, y: b },
		],
	};
}

function union(boxes: readonly Box[]): Box {
	return [
		Math.min(...boxes.map((box) => box[0])),
		Math.min(...boxes.map((box) => box[1])),
		Math.max(...boxes.map((box) => box[2])),
		Math.max(...boxes.map((box) => box[3])),
	];
}

/** A made-up, repeatable confidence in [0.95, 1). */
function confidence(...seed: number[]): number {
	const n = seed.reduce((hash, value) => (hash * 31 + value * 7919 + 17) % 100003, 7);
	return Math.round((0.95 + (n % 500) / 10000) * 10000) / 10000;
}

interface Word {
	text: string;
	box: Box;
}

/** The search band of a line of text: the page's width, a bit above and below the glyphs. */
function lineBand(line: TextLine, width: number): Box {
	return [0, Math.floor(line.y - 0.25 * line.size), width, Math.ceil(line.y + 1.35 * line.size)];
}

function wordsIn(raster: Raster, search: Box, text: string): Word[] {
	const texts = text.split(' ');
	const split = splitWords(raster, search, texts.length);
	if (texts.length > 1 && split.narrowestSpace < split.widestInside + 4)
		throw new Error(`${text}: spaces (${split.narrowestSpace} px) too close to letter gaps`);
	return split.words.map((box, index) => ({ text: texts[index] ?? '', box }));
}

async function rasterOf(png: Buffer): Promise<Raster> {
	const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	return { width: info.width, height: info.height, channels: info.channels, data };
}

/**
 * A grid line near `at` between `from` and `to`: the columns (vertical) or rows (horizontal)
 * inked along the whole span, as [x0, y0, x1, y1]. Lines that cross or end on it (another
 * ruling's cap) ink only a few pixels of such a column, so they do not count.
 */
function ruling(raster: Raster, at: number, from: number, to: number, vertical: boolean): Box {
	const inked: number[] = [];
	for (let offset = at - 4; offset <= at + 4; offset++) {
		let count = 0;
		for (let along = from; along < to; along++)
			if (vertical ? isDark(raster, offset, along) : isDark(raster, along, offset)) count++;
		if (count >= 0.9 * (to - from)) inked.push(offset);
	}
	if (inked.length === 0) throw new Error(`no ruling at ${at}`);
	const [first, last] = [Math.min(...inked), Math.max(...inked) + 1];
	return vertical ? [first, from, last, to] : [from, first, to, last];
}

/** A cell's box: from the outer edge of its left (top) ruling to that of its right (bottom). */
function cellBox(raster: Raster, table: Table, cell: TableCell): Box {
	const [x0, y0, x1, y1] = cellGrid(table, cell);
	return [
		ruling(raster, x0, y0, y1, true)[0],
		ruling(raster, y0, x0, x1, false)[1],
		ruling(raster, x1, y0, y1, true)[2],
		ruling(raster, y1, x0, x1, false)[3],
	];
}

interface GeneralField {
	valueType: 'ALL';
	boundingPoly: Polygon;
	inferText: string;
	inferConfidence: number;
	type: 'NORMAL';
	lineBreak: boolean;
}

function fieldsOf(words: readonly Word[], page: number, start: number): GeneralField[] {
	return words.map((word, index) => ({
		valueType: 'ALL',
		boundingPoly: polygon(word.box, 2),
		inferText: word.text,
		inferConfidence: confidence(page, start + index),
		type: 'NORMAL',
		lineBreak: index === words.length - 1,
	}));
}

/**
 * Words in visual lines: a word joins the line whose band it overlaps vertically; lines top to
 * bottom, words left to right (a merged cell's text, centred between two rows, is a line of
 * its own).
 */
function visualLines(words: readonly Word[]): Word[][] {
	const lines: Word[][] = [];
	for (const word of [...words].sort((a, b) => a.box[1] - b.box[1])) {
		const line = lines.find((candidate) =>
			candidate.some((other) => word.box[1] < other.box[3] && word.box[3] > other.box[1]),
		);
		if (line === undefined) lines.push([word]);
		else line.push(word);
	}
	return lines.map((line) => line.sort((a, b) => a.box[0] - b.box[0]));
}

async function generalPage(raster: Raster, page: Page, pageIndex: number) {
	const fields: GeneralField[] = [];
	const tables: unknown[] = [];
	for (const block of page.blocks) {
		if (block.kind === 'line') {
			const words = wordsIn(raster, lineBand(block.line, page.width), block.line.text);
			fields.push(...fieldsOf(words, pageIndex, fields.length));
			continue;
		}
		const table = block.table;
		const cellWords = new Map<TableCell, Word[]>();
		for (const cell of table.cells) {
			const [x0, y0, x1, y1] = cellGrid(table, cell);
			cellWords.set(cell, wordsIn(raster, [x0 + 4, y0 + 4, x1 - 4, y1 - 4], cell.text));
		}
		// Reading order: the table's words in visual lines (a table word's field and its cell
		// word share polygon and confidence).
		const confidences = new Map<Word, number>();
		for (const words of visualLines([...cellWords.values()].flat())) {
			const added = fieldsOf(words, pageIndex, fields.length);
			added.forEach((field, index) => confidences.set(words[index]!, field.inferConfidence));
			fields.push(...added);
		}
		const [left, top, right, bottom] = [
			table.columns[0]!,
			table.rows[0]!,
			table.columns[table.columns.length - 1]!,
			table.rows[table.rows.length - 1]!,
		];
		const outline = inkBox(raster, [left - 4, top - 4, right + 4, bottom + 4]);
		if (outline === null) throw new Error('table without ink');
		tables.push({
			cells: table.cells.map((cell, index) => {
				const words = cellWords.get(cell) ?? [];
				return {
					rowIndex: cell.row,
					columnIndex: cell.column,
					rowSpan: cell.rowSpan,
					columnSpan: cell.columnSpan,
					boundingPoly: polygon(cellBox(raster, table, cell), 0),
					inferConfidence: confidence(pageIndex, 1000 + index),
					cellTextLines: [
						{
							boundingPoly: polygon(union(words.map((word) => word.box)), 2),
							inferConfidence: confidence(pageIndex, 2000 + index),
							cellWords: words.map((word) => ({
								inferText: word.text,
								boundingPoly: polygon(word.box, 2),
								inferConfidence: confidences.get(word) ?? 0,
							})),
						},
					],
				};
			}),
			boundingPoly: polygon(outline, 0),
			inferConfidence: confidence(pageIndex, 4000 + tables.length),
		});
	}
	return {
		uid: '{uid}',
		name: 'contract',
		inferResult: 'SUCCESS',
		message: 'SUCCESS',
		validationResult: { result: 'NO_REQUESTED' },
		convertedImageInfo: {
			width: raster.width,
			height: raster.height,
			pageIndex,
			longImage: false,
		},
		fields,
		tables,
	};
}

async function templateForm(raster: Raster) {
	const titleInk = inkBox(raster, FORM.title.search);
	if (titleInk === null) throw new Error('form title without ink');
	const fields = FORM.fields.map((field, index) => {
		const ink = inkBox(raster, field.search);
		if (ink === null) throw new Error(`${field.name}: no ink`);
		const words = field.type === 'NORMAL' ? wordsIn(raster, field.search, field.text) : [];
		return {
			name: field.name,
			valueType: field.valueType,
			boundingPoly: polygon(ink, 2),
			inferText: field.text,
			inferConfidence: confidence(9, index),
			type: field.type,
			lineBreak: true,
			...(field.checked === undefined ? {} : { checked: field.checked }),
			...(field.subFields === true
				? {
						subFields: words.map((word, w) => ({
							boundingPoly: polygon(word.box, 2),
							inferText: word.text,
							inferConfidence: confidence(9, 100 + index * 10 + w),
							lineBreak: w === words.length - 1,
						})),
					}
				: {}),
		};
	});
	return {
		uid: '{uid}',
		name: 'form',
		inferResult: 'SUCCESS',
		message: 'SUCCESS',
		matchedTemplate: { id: FORM_TEMPLATE.id, name: FORM_TEMPLATE.name },
		title: {
			name: FORM_TEMPLATE.name,
			boundingPoly: polygon(titleInk, 2),
			inferText: FORM.title.text,
			inferConfidence: confidence(9, 99),
		},
		fields,
		validationResult: { result: 'NO_REQUESTED' },
	};
}

function document(images: unknown[]): string {
	const answer = { version: 'V2', requestId: '1234', timestamp: FIXTURE_TIMESTAMP, images };
	return `${JSON.stringify(answer, null, 4)}\n`;
}

async function main(): Promise<void> {
	const root = join(__dirname, '..', '..');
	const samples = process.argv[2] ?? join(root, 'samples');
	const fixtures = process.argv[3] ?? join(root, 'tools', 'clova-emulator', 'fixtures');

	const pages = pngPagesOfPdf(readFileSync(join(samples, 'contract.pdf')));
	if (pages.length !== CONTRACT_PAGES.length)
		throw new Error(`contract.pdf has ${pages.length} pages, the layout ${CONTRACT_PAGES.length}`);
	const images = [];
	for (const [index, page] of CONTRACT_PAGES.entries())
		images.push(await generalPage(await rasterOf(writePng(pages[index]!)), page, index));
	writeFileSync(join(fixtures, 'general-contract.synthetic.json'), document(images));

	const form = await templateForm(await rasterOf(readFileSync(join(samples, 'form.png'))));
	writeFileSync(join(fixtures, 'template-form.synthetic.json'), document([form]));

	const words = images.map((image) => image.fields.length);
	console.log(`contract: ${words.join(' + ')} words; form: ${form.fields.length} fields`);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
