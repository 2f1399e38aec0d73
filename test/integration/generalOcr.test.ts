/**
 * Read Text (General OCR) in n8n's real engine against the emulator's General domain, over real
 * HTTP: every output (lines, words, text, tables with and without First Row Is Header, raw) of
 * the three-page sample contract and of its first page as a PNG, item for item, each expected
 * item derived from the emulator's fixture (general-contract.synthetic.json) by this file, not by
 * the node's code; the request the emulator recorded; the registration number split across two
 * words on page 3, masked in every output but raw; the redacted copy judged by sharp; the
 * service's and the node's refusals.
 */
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	DEFAULT_RUNTIME_OPTIONS,
	type Emulator,
	type ScenarioName,
} from '../../tools/clova-emulator';
import { contractPdf } from '../../tools/samples/multi-page-pdf';
import {
	decode,
	maxChannelIn,
	maxDifferenceIn,
	metadataFound,
	minChannelIn,
	sampleCard,
} from '../fixtures/redactedPixels';
import {
	binaryItem,
	emulatorPerSuite,
	runClovaNode,
	type RunOptions,
	type RunResult,
} from './harness';
import { productPath, requestIdOf } from './harness/documentFixtures';
import { maxDifferenceBeyond } from './harness/pagePixels';
import {
	generalFixturePages,
	polygonBox,
	polygonCorners,
	type FixtureTable,
	type FixtureTextPage,
	type FixtureWord,
} from './harness/pageFixtures';

const SECRET = 'general-ocr-secret-5d09';
let emulator: Emulator;
emulatorPerSuite(SECRET, (started) => (emulator = started));
afterEach(() =>
	emulator.configure({
		documentEdits: [],
		tableDetection: DEFAULT_RUNTIME_OPTIONS.tableDetection,
	}),
);

const READ_TEXT = { resource: 'text', operation: 'readText' };
const UID = /^[0-9a-f]{32}$/;
const CONTRACT_PDF = sampleCard('contract.pdf');
const PAGE1_PNG = sampleCard('contract-page1.png');
const CONTRACT = generalFixturePages('general-contract');

/** The fake registration number on page 3, read as two words; its back half as masked. */
const FRONT_WORD = '900101-';
const BACK_WORD = '1234567';
const MASKED_BACK = '1******';

interface Input {
	file: Buffer;
	fileName: string;
	mimeType: string;
}

const PDF_INPUT: Input = {
	file: CONTRACT_PDF,
	fileName: 'contract.pdf',
	mimeType: 'application/pdf',
};
const PAGE1_INPUT: Input = { file: PAGE1_PNG, fileName: 'page1.png', mimeType: 'image/png' };

interface ReadText {
	parameters?: RunOptions['parameters'];
	input?: Input;
	scenario?: ScenarioName;
	edits?: Array<[string, string]>;
}

async function readText(options: ReadText = {}): Promise<RunResult> {
	const { file, fileName, mimeType } = options.input ?? PDF_INPUT;
	if (options.scenario) emulator.setScenario(options.scenario);
	if (options.edits) emulator.configure({ documentEdits: options.edits });
	return await runClovaNode({
		parameters: { ...READ_TEXT, ...options.parameters },
		items: [await binaryItem(file, fileName, mimeType)],
		credentials: { invokeUrl: emulator.invokeUrls.general, secretKey: SECRET },
	});
}

async function itemsOf(options: ReadText = {}): Promise<IDataObject[]> {
	const result = await readText(options);
	expect(result.error).toBeUndefined();
	expect(emulator.requests.map(({ path, status }) => [path, status])).toEqual([
		[productPath(emulator, 'general'), 200],
	]);
	return result.items.map(({ json }) => json);
}

/** The message the node sent, as the emulator recorded it. */
function sentMessage(n = 0): Record<string, unknown> {
	return emulator.requests[n].message as Record<string, unknown>;
}

// ---- expected items, derived from the fixture pages ----

/** A page as the emulator serves it: the fixture's page at `pageIndex` of the answer. */
interface ServedPage {
	page: FixtureTextPage;
	pageIndex: number;
}

const CONTRACT_PAGES: ServedPage[] = CONTRACT.map((page, pageIndex) => ({ page, pageIndex }));
const PAGE1_ONLY: ServedPage[] = [{ page: CONTRACT[0], pageIndex: 0 }];

/** The columns every item ends with: the page's size and where it came from. */
function tail(page: FixtureTextPage, imageName: string, uid: unknown) {
	return {
		pageWidth: page.convertedImageInfo.width,
		pageHeight: page.convertedImageInfo.height,
		imageName,
		requestId: requestIdOf(emulator),
		uid,
	};
}

/** The uid of each page, as the items carry it: one per page, 32 hex digits, all different. */
function pageUids(items: IDataObject[], pages: number): string[] {
	const uids = Array.from({ length: pages }, (_unused, pageIndex) => {
		const uid = items.find((item) => item.pageIndex === pageIndex)?.uid as string;
		expect(uid).toMatch(UID);
		return uid;
	});
	expect(new Set(uids).size).toBe(pages);
	return uids;
}

/** A word's text as output: the back half of the registration number masked unless revealed. */
function shown(text: string, reveal: boolean): string {
	return !reveal && text === BACK_WORD ? MASKED_BACK : text;
}

/** A page's words as lines: up to and including each word with `lineBreak`. */
function linesOfPage(words: FixtureWord[]): FixtureWord[][] {
	const lines: FixtureWord[][] = [];
	let line: FixtureWord[] = [];
	for (const word of words) {
		line.push(word);
		if (word.lineBreak) {
			lines.push(line);
			line = [];
		}
	}
	if (line.length > 0) lines.push(line);
	return lines;
}

function boxAroundWords(words: FixtureWord[]) {
	const boxes = words.map((word) => polygonBox(word.boundingPoly));
	const x = Math.min(...boxes.map((box) => box.x));
	const y = Math.min(...boxes.map((box) => box.y));
	const right = Math.max(...boxes.map((box) => box.x + box.width));
	const bottom = Math.max(...boxes.map((box) => box.y + box.height));
	return { x, y, width: right - x, height: bottom - y };
}

const lowest = (words: FixtureWord[]) => Math.min(...words.map((word) => word.inferConfidence));

interface Expectation {
	served: ServedPage[];
	items: IDataObject[];
	imageName: string;
	reveal?: boolean;
	polygons?: boolean;
}

function expectedWords({
	served,
	items,
	imageName,
	reveal = false,
	polygons = false,
}: Expectation) {
	const uids = pageUids(items, served.length);
	let index = 0;
	return served.flatMap(({ page, pageIndex }) =>
		linesOfPage(page.fields).flatMap((line, lineIndex) =>
			line.map((word) => ({
				documentType: 'text',
				field: 'word',
				index: index++,
				pageIndex,
				lineIndex,
				text: shown(word.inferText, reveal),
				value: shown(word.inferText, reveal),
				confidence: word.inferConfidence,
				lineBreak: word.lineBreak,
				...polygonBox(word.boundingPoly),
				...tail(page, imageName, uids[pageIndex]),
				...(polygons ? { polygon: word.boundingPoly } : {}),
			})),
		),
	);
}

function expectedLines({ served, items, imageName, reveal = false }: Expectation) {
	const uids = pageUids(items, served.length);
	let index = 0;
	return served.flatMap(({ page, pageIndex }) =>
		linesOfPage(page.fields).map((line, lineIndex) => {
			const text = line.map((word) => shown(word.inferText, reveal)).join(' ');
			return {
				documentType: 'text',
				field: 'line',
				index: index++,
				pageIndex,
				lineIndex,
				text,
				value: text,
				confidence: lowest(line),
				wordCount: line.length,
				...boxAroundWords(line),
				...tail(page, imageName, uids[pageIndex]),
			};
		}),
	);
}

function expectedPageTexts({ served, items, imageName, reveal = false }: Expectation) {
	const uids = pageUids(items, served.length);
	return served.map(({ page, pageIndex }, position) => {
		const lines = linesOfPage(page.fields);
		const text = lines
			.map((line) => line.map((word) => shown(word.inferText, reveal)).join(' '))
			.join('\n');
		return {
			documentType: 'text',
			field: 'text',
			index: position,
			pageIndex,
			text,
			value: text,
			confidence: lowest(page.fields),
			lineCount: lines.length,
			wordCount: page.fields.length,
			...tail(page, imageName, uids[pageIndex]),
		};
	});
}

/** A table as rows of cell texts, a merged cell's text in every place it covers. */
function tableGrid(table: FixtureTable): string[][] {
	const rows = Math.max(...table.cells.map((cell) => cell.rowIndex + cell.rowSpan));
	const columns = Math.max(...table.cells.map((cell) => cell.columnIndex + cell.columnSpan));
	const grid: Array<Array<string | undefined>> = Array.from({ length: rows }, () =>
		new Array<string | undefined>(columns).fill(undefined),
	);
	for (const cell of table.cells) {
		const text = cell.cellTextLines
			.map((line) => line.cellWords.map((word) => word.inferText).join(' '))
			.join('\n');
		for (let row = cell.rowIndex; row < cell.rowIndex + cell.rowSpan; row++)
			for (let column = cell.columnIndex; column < cell.columnIndex + cell.columnSpan; column++)
				grid[row][column] ??= text;
	}
	return grid.map((row) => row.map((text) => text ?? ''));
}

/** The contract's only table: page 2's fee table. */
const FEE_TABLE = CONTRACT[1].tables![0];

function expectedTableRows(items: IDataObject[], header: boolean) {
	const uid = items[0].uid;
	expect(uid).toMatch(UID);
	const grid = tableGrid(FEE_TABLE);
	const names = grid[0].map((text, column) => (header ? text : `column${column + 1}`));
	return grid.slice(header ? 1 : 0).map((row, i) => ({
		documentType: 'text',
		pageIndex: 1,
		tableIndex: 0,
		rowIndex: header ? i + 1 : i,
		...Object.fromEntries(names.map((name, column) => [name, row[column]])),
		confidence: FEE_TABLE.inferConfidence,
		...tail(CONTRACT[1], 'contract.pdf', uid),
	}));
}

const ITEM_TAIL = ['pageWidth', 'pageHeight', 'imageName', 'requestId', 'uid'];
const BOX = ['x', 'y', 'width', 'height'];

describe('contract.pdf (three pages): every output item for item', () => {
	test('the fixture this file reads: 105 + 77 + 59 words, the number as two words on page 3', () => {
		expect(CONTRACT.map((page) => page.fields.length)).toEqual([105, 77, 59]);
		expect(CONTRACT.map((page) => linesOfPage(page.fields).length)).toEqual([15, 14, 11]);
		const words = CONTRACT[2].fields.map((word) => word.inferText);
		const at = words.indexOf(FRONT_WORD);
		expect(words.slice(at - 1, at + 2)).toEqual(['주민등록번호:', FRONT_WORD, BACK_WORD]);
		expect(CONTRACT.map((page) => page.tables?.length)).toEqual([0, 1, 0]);
	});

	test('lines (default): one item per line, index across pages, lineIndex in its page', async () => {
		const items = await itemsOf();
		expect(items).toEqual(
			expectedLines({ served: CONTRACT_PAGES, items, imageName: 'contract.pdf' }),
		);
		expect(Object.keys(items[0])).toEqual([
			'documentType',
			'field',
			'index',
			'pageIndex',
			'lineIndex',
			'text',
			'value',
			'confidence',
			'wordCount',
			...BOX,
			...ITEM_TAIL,
		]);
		expect(items.map(({ pageIndex }) => pageIndex)).toEqual([
			...new Array(15).fill(0),
			...new Array(14).fill(1),
			...new Array(11).fill(2),
		]);
		expect(items[36]).toMatchObject({
			index: 36,
			pageIndex: 2,
			lineIndex: 7,
			text: '주민등록번호: 900101- 1******',
			wordCount: 3,
			pageWidth: 1240,
			pageHeight: 1754,
		});
	});

	test('words: one item per word with its box; Include Polygons adds its polygon', async () => {
		const items = await itemsOf({ parameters: { output: 'words' } });
		expect(items).toHaveLength(241);
		expect(items).toEqual(
			expectedWords({ served: CONTRACT_PAGES, items, imageName: 'contract.pdf' }),
		);
		expect(Object.keys(items[0])).toEqual([
			'documentType',
			'field',
			'index',
			'pageIndex',
			'lineIndex',
			'text',
			'value',
			'confidence',
			'lineBreak',
			...BOX,
			...ITEM_TAIL,
		]);
		emulator.reset();
		const withPolygons = await itemsOf({
			parameters: { output: 'words', options: { includePolygons: true } },
		});
		expect(withPolygons).toEqual(
			expectedWords({
				served: CONTRACT_PAGES,
				items: withPolygons,
				imageName: 'contract.pdf',
				polygons: true,
			}),
		);
	});

	test('text: one item per page, its lines joined by line breaks', async () => {
		const items = await itemsOf({ parameters: { output: 'text' } });
		expect(items).toEqual(
			expectedPageTexts({ served: CONTRACT_PAGES, items, imageName: 'contract.pdf' }),
		);
		expect(
			items.map(({ pageIndex, lineCount, wordCount }) => [pageIndex, lineCount, wordCount]),
		).toEqual([
			[0, 15, 105],
			[1, 14, 77],
			[2, 11, 59],
		]);
		expect(Object.keys(items[0])).toEqual([
			'documentType',
			'field',
			'index',
			'pageIndex',
			'text',
			'value',
			'confidence',
			'lineCount',
			'wordCount',
			...ITEM_TAIL,
		]);
		expect((items[2].text as string).split('\n')[7]).toBe('주민등록번호: 900101- 1******');
	});

	test('tables (Detect Tables): each row of the fee table, columns by position, the merged cell in both rows', async () => {
		const items = await itemsOf({
			parameters: { output: 'tables', options: { tableDetection: true } },
		});
		expect(items).toEqual(expectedTableRows(items, false));
		expect(items.map(({ column1, column2, column3 }) => [column1, column2, column3])).toEqual([
			['구분', '금액', '지급 방법'],
			['착수금', '3,000,000원', '계좌 이체'],
			['잔금', '7,000,000원', '계좌 이체'],
		]);
		expect(Object.keys(items[0])).toEqual([
			'documentType',
			'pageIndex',
			'tableIndex',
			'rowIndex',
			'column1',
			'column2',
			'column3',
			'confidence',
			...ITEM_TAIL,
		]);
	});

	test('tables with First Row Is Header: the header names the columns and is no item', async () => {
		const items = await itemsOf({
			parameters: {
				output: 'tables',
				options: { tableDetection: true, firstRowIsHeader: true },
			},
		});
		expect(items).toEqual(expectedTableRows(items, true));
		expect(
			items.map((item) => [item.rowIndex, item['구분'], item['금액'], item['지급 방법']]),
		).toEqual([
			[1, '착수금', '3,000,000원', '계좌 이체'],
			[2, '잔금', '7,000,000원', '계좌 이체'],
		]);
	});

	test('tables: a header that is a row key gets column_, a repeated one its position', async () => {
		const items = await itemsOf({
			edits: [
				['"inferText":"구분"', '"inferText":"confidence"'],
				['"inferText":"금액"', '"inferText":"confidence"'],
			],
			parameters: {
				output: 'tables',
				options: { tableDetection: true, firstRowIsHeader: true },
			},
		});
		expect(Object.keys(items[0])).toEqual([
			'documentType',
			'pageIndex',
			'tableIndex',
			'rowIndex',
			'column_confidence',
			'column2',
			'지급 방법',
			'confidence',
			...ITEM_TAIL,
		]);
		expect(items.map((item) => [item.column_confidence, item.column2, item.confidence])).toEqual([
			['착수금', '3,000,000원', FEE_TABLE.inferConfidence],
			['잔금', '7,000,000원', FEE_TABLE.inferConfidence],
		]);
	});

	test('raw: each page as served, unmasked; tables only with Detect Tables', async () => {
		const items = await itemsOf({ parameters: { output: 'raw' } });
		const uids = items.map(({ uid }) => uid as string);
		expect(new Set(uids).size).toBe(3);
		expect(items).toEqual(
			// No `tables` without Detect Tables (toEqual: an undefined key is an absent one).
			CONTRACT.map((page, i) => ({
				...page,
				uid: uids[i],
				name: 'contract.pdf',
				tables: undefined,
			})),
		);
		for (const item of items)
			expect(Object.keys(item)).toEqual([
				'uid',
				'name',
				'inferResult',
				'message',
				'validationResult',
				'convertedImageInfo',
				'fields',
			]);
		expect(JSON.stringify(items[2])).toContain(`"inferText":"${BACK_WORD}"`);
		emulator.reset();
		const withTables = await itemsOf({
			parameters: { output: 'raw', options: { tableDetection: true } },
		});
		expect(withTables).toEqual(
			CONTRACT.map((page, i) => ({ ...page, uid: withTables[i].uid, name: 'contract.pdf' })),
		);
		expect(withTables.map(({ tables }) => (tables as unknown[]).length)).toEqual([0, 1, 0]);
	});
});

describe('the request', () => {
	test('POST /general on the General domain; images[0] is {format, name}: no lang, no tables, no templateIds', async () => {
		await itemsOf();
		const [request] = emulator.requests;
		expect(request).toMatchObject({
			method: 'POST',
			path: productPath(emulator, 'general'),
			product: 'general',
			uploadMode: 'multipart',
			imageFormat: 'pdf',
			imageName: 'contract.pdf',
			pageCount: 3,
			scenario: 'general-contract',
			scenarioSource: 'file-marker',
		});
		expect(request.file?.equals(CONTRACT_PDF)).toBe(true);
		const message = sentMessage();
		expect(Object.keys(message)).toEqual(['version', 'requestId', 'timestamp', 'images']);
		expect(message.version).toBe('V2');
		expect(message.images).toEqual([{ format: 'pdf', name: 'contract.pdf' }]);
	});

	test('Languages is lang, in the order chosen; Detect Tables is enableTableDetection: true', async () => {
		await itemsOf({
			parameters: { options: { languages: ['en', 'ko', 'ja', 'zh-TW'], tableDetection: true } },
		});
		const message = sentMessage();
		expect(Object.keys(message)).toEqual([
			'version',
			'requestId',
			'timestamp',
			'lang',
			'enableTableDetection',
			'images',
		]);
		expect([message.lang, message.enableTableDetection, message.images]).toEqual([
			'en,ko,ja,zh-TW',
			true,
			[{ format: 'pdf', name: 'contract.pdf' }],
		]);
	});

	test('Detect Tables off sends no enableTableDetection (not false); one language alone', async () => {
		await itemsOf({ parameters: { options: { languages: ['ko'], tableDetection: false } } });
		const message = sentMessage();
		expect(message.lang).toBe('ko');
		expect(message).not.toHaveProperty('enableTableDetection');
	});

	test('JSON upload: the same message with the file as images[0].data', async () => {
		await itemsOf({ parameters: { options: { uploadMode: 'json' } } });
		expect(emulator.requests[0].uploadMode).toBe('json');
		expect(sentMessage().images).toEqual([
			{ format: 'pdf', name: 'contract.pdf', data: CONTRACT_PDF.toString('base64') },
		]);
	});
});

describe('contract-page1.png: one page as an image', () => {
	test.each([
		['lines', expectedLines],
		['words', expectedWords],
		['text', expectedPageTexts],
	] as const)('%s: page 1 exactly, pageIndex 0 and its size', async (output, expected) => {
		const items = await itemsOf({ input: PAGE1_INPUT, parameters: { output } });
		expect(items).toEqual(expected({ served: PAGE1_ONLY, items, imageName: 'page1.png' }));
		expect(emulator.requests[0]).toMatchObject({
			imageFormat: 'png',
			pageCount: 1,
			scenario: 'general-contract-page1',
			scenarioSource: 'file-marker',
		});
		expect(sentMessage().images).toEqual([{ format: 'png', name: 'page1.png' }]);
	});

	test('raw: the page as served', async () => {
		const items = await itemsOf({ input: PAGE1_INPUT, parameters: { output: 'raw' } });
		expect(items).toEqual([
			{ ...CONTRACT[0], uid: expect.stringMatching(UID), name: 'page1.png', tables: undefined },
		]);
	});
});

describe('any other image: general-success', () => {
	test("lines of the emulator's generic reading, its page size", async () => {
		const [generic] = generalFixturePages('general-success');
		const items = await itemsOf({
			input: { file: sampleCard('form.jpg'), fileName: 'scan.jpg', mimeType: 'image/jpeg' },
		});
		expect(emulator.requests[0].scenario).toBe('general-success');
		expect(items).toEqual(
			expectedLines({ served: [{ page: generic, pageIndex: 0 }], items, imageName: 'scan.jpg' }),
		);
		expect(items.map(({ text }) => text)).toEqual([
			'파일(F) 편집(E) 보기(V) 도움말(H)',
			'견본 텍스트 SPECIMEN TEXT',
			'General OCR emulator sample',
		]);
	});
});

describe('the registration number on page 3, split across two words', () => {
	const outputs = ['lines', 'words', 'text'] as const;
	const builders = { lines: expectedLines, words: expectedWords, text: expectedPageTexts };

	test.each(outputs)('%s: masked 900101- 1******, no back digit anywhere', async (output) => {
		const items = await itemsOf({ parameters: { output } });
		expect(items).toEqual(
			builders[output]({ served: CONTRACT_PAGES, items, imageName: 'contract.pdf' }),
		);
		const json = JSON.stringify(items);
		expect(json).toContain(FRONT_WORD);
		expect(json).toContain(MASKED_BACK);
		expect(json).not.toContain('234567');
	});

	test.each(outputs)('%s with Reveal Sensitive Values: shown whole', async (output) => {
		const items = await itemsOf({
			parameters: { output, options: { revealSensitiveValues: true } },
		});
		expect(items).toEqual(
			builders[output]({ served: CONTRACT_PAGES, items, imageName: 'contract.pdf', reveal: true }),
		);
		expect(JSON.stringify(items)).toContain(BACK_WORD);
	});

	test('tables: a number in one cell, and one split across two cells, are masked; Reveal shows them', async () => {
		const oneCell: Array<[string, string]> = [
			['"inferText":"3,000,000원"', '"inferText":"900101-1234567"'],
		];
		const masked = await itemsOf({
			edits: oneCell,
			parameters: { output: 'tables', options: { tableDetection: true } },
		});
		expect(masked.map(({ column1, column2 }) => [column1, column2])).toEqual([
			['구분', '금액'],
			['착수금', '900101-1******'],
			['잔금', '7,000,000원'],
		]);
		emulator.reset();
		const twoCells: Array<[string, string]> = [
			['"inferText":"착수금"', '"inferText":"900101-"'],
			['"inferText":"3,000,000원"', '"inferText":"1234567"'],
		];
		const split = await itemsOf({
			edits: twoCells,
			parameters: { output: 'tables', options: { tableDetection: true } },
		});
		expect(split[1]).toMatchObject({ column1: '900101-', column2: '1******' });
		expect(JSON.stringify(split)).not.toContain('234567');
		emulator.reset();
		const revealed = await itemsOf({
			edits: twoCells,
			parameters: {
				output: 'tables',
				options: { tableDetection: true, revealSensitiveValues: true },
			},
		});
		expect(revealed[1]).toMatchObject({ column1: '900101-', column2: '1234567' });
	});
});

const bytesOf = async (binary: IBinaryData) =>
	await Container.get(BinaryDataService).getAsBuffer(binary);

/** Every item carries the one stored copy, under `redacted`, and says `redaction`. */
function expectOneCopy(items: INodeExecutionData[], redaction: string, fileName: string) {
	expect(items.map(({ json }) => json.redaction)).toEqual(items.map(() => redaction));
	expect(items.map(({ binary }) => Object.keys(binary ?? {}))).toEqual(
		items.map(() => ['redacted']),
	);
	const copy = items[0].binary!.redacted;
	for (const { binary } of items) expect(binary!.redacted).toBe(copy);
	expect(copy).toMatchObject({ fileName, fileExtension: 'png', mimeType: 'image/png' });
	return copy;
}

describe('Add Redacted Image', () => {
	test('contract-page1.png: no number, noRegions, a copy with the same pixels and no metadata', async () => {
		const result = await readText({
			input: PAGE1_INPUT,
			parameters: { output: 'lines', options: { redactedImage: true } },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(15);
		const copy = await bytesOf(expectOneCopy(result.items, 'noRegions', 'page1-redacted.png'));
		const [after, before] = await Promise.all([decode(copy), decode(PAGE1_PNG)]);
		expect([after.width, after.height]).toEqual([1240, 1754]);
		expect(maxDifferenceBeyond(after, before, [], 0)).toBe(0);
		expect(await metadataFound(PAGE1_PNG)).toContain('marker');
		expect(await metadataFound(copy)).toEqual([]);
	});

	test('page 3 as a PNG: the masked word is black, the front half and the rest untouched', async () => {
		const page3 = contractPdf(3).pages[2];
		expect(page3.scenario).toBe('general-contract-page3');
		const result = await readText({
			input: { file: page3.png, fileName: 'page3.png', mimeType: 'image/png' },
			parameters: { output: 'words', options: { redactedImage: true } },
		});
		expect(result.error).toBeUndefined();
		expect(emulator.requests[0]).toMatchObject({
			scenario: 'general-contract-page3',
			scenarioSource: 'file-marker',
		});
		const items = result.items.map(({ json }) => json);
		const served = [{ page: CONTRACT[2], pageIndex: 0 }];
		expect(items).toEqual(
			expectedWords({ served, items, imageName: 'page3.png' }).map((item) => ({
				...item,
				redaction: 'applied',
			})),
		);
		expect(items.map(({ text }) => text)).toContain(MASKED_BACK);
		const copy = await bytesOf(expectOneCopy(result.items, 'applied', 'page3-redacted.png'));

		const word = (text: string) => CONTRACT[2].fields.find((w) => w.inferText === text)!;
		const back = polygonCorners(word(BACK_WORD).boundingPoly);
		const front = polygonCorners(word(FRONT_WORD).boundingPoly);
		const [after, before] = await Promise.all([decode(copy), decode(page3.png)]);
		expect([after.width, after.height]).toEqual([before.width, before.height]);
		// The service's boxes sit on the page's ink: both halves were printed there.
		expect([minChannelIn(before, back) < 128, minChannelIn(before, front) < 128]).toEqual([
			true,
			true,
		]);
		expect(maxChannelIn(after, back)).toBe(0);
		expect(maxDifferenceIn(after, before, front)).toBe(0);
		// Only the word's box, grown by its 2 px margin, changed (4 px leaves room for rounding).
		expect(maxDifferenceBeyond(after, before, [back], 4)).toBe(0);
		expect(maxDifferenceBeyond(after, before, [], 0)).toBeGreaterThan(128);
		expect(await metadataFound(copy)).toEqual([]);
	});

	test('the three-page PDF: unsupported, the reason in warnings, needs review, no binary', async () => {
		const result = await readText({
			parameters: { output: 'text', options: { redactedImage: true } },
		});
		expect(result.error).toBeUndefined();
		const items = result.items.map(({ json }) => json);
		const plain = expectedPageTexts({ served: CONTRACT_PAGES, items, imageName: 'contract.pdf' });
		expect(items).toEqual(
			plain.map((item) => ({
				...item,
				redaction: 'unsupported',
				warnings:
					'redaction: no redacted copy, PDF is not supported (only JPEG and PNG can be redacted)',
				needsReview: true,
			})),
		);
		expect(result.items.map(({ binary }) => binary)).toEqual([undefined, undefined, undefined]);
	});

	test('raw output ignores the option: the pages as served, no redaction key, no binary', async () => {
		const result = await readText({
			input: PAGE1_INPUT,
			parameters: { output: 'raw', options: { redactedImage: true } },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].binary).toBeUndefined();
		expect(result.items[0].json).not.toHaveProperty('redaction');
	});
});

/** The error that stopped the node: name, message, description and item. */
function failure(result: RunResult) {
	const error = result.error as
		| (Error & { description?: string; context?: { itemIndex?: number } })
		| undefined;
	expect(result.items).toEqual([]);
	return {
		name: error?.name,
		message: error?.message,
		description: error?.description,
		itemIndex: error?.context?.itemIndex,
	};
}

describe('refusals', () => {
	test("Detect Tables with the domain's table extraction off: the 0028 message", async () => {
		emulator.configure({ tableDetection: false });
		const result = await readText({
			input: PAGE1_INPUT,
			parameters: { output: 'tables', options: { tableDetection: true } },
		});
		expect(failure(result)).toEqual({
			name: 'NodeApiError',
			message:
				"Table detection is off for this domain: turn on the domain's table extraction (CLOVA OCR error 0028, HTTP 400)",
			description:
				"Turn on table extraction in the domain's settings (NAVER Cloud console > CLOVA OCR > General OCR > your domain), or turn off Options > Detect Tables.",
			itemIndex: 0,
		});
		expect(emulator.requests.map(({ status, errorCode }) => [status, errorCode])).toEqual([
			[400, '0028'],
		]);
		expect(sentMessage().enableTableDetection).toBe(true);
	});

	test('general-failure: the page the service could not read fails the item', async () => {
		const result = await readText({ scenario: 'general-failure' });
		expect(failure(result)).toEqual({
			name: 'NodeApiError',
			message: 'CLOVA OCR could not read the image: Read page:0 error.',
			description:
				'The service answered inferResult FAILURE for page 1. Use a sharp, well-lit photo of the whole document, or a scan of at least 300 dpi, with nothing covering it.',
			itemIndex: 0,
		});
		expect(emulator.requests).toHaveLength(1);
	});

	test('page 2 of 3 failed: the item fails naming that page, no items for the others', async () => {
		const read = '"inferResult":"SUCCESS","message":"SUCCESS"';
		const info =
			'"validationResult":{"result":"NO_REQUESTED"},"convertedImageInfo":{"width":1240,"height":1754,"pageIndex":1,';
		const result = await readText({
			edits: [
				[`${read},${info}`, `"inferResult":"FAILURE","message":"Read page:1 error.",${info}`],
			],
		});
		expect(failure(result)).toEqual({
			name: 'NodeApiError',
			message: 'CLOVA OCR could not read the image: Read page:1 error.',
			description:
				'The service answered inferResult FAILURE for page 2. Use a sharp, well-lit photo of the whole document, or a scan of at least 300 dpi, with nothing covering it.',
			itemIndex: 0,
		});
	});

	const NO_TABLE = {
		name: 'NodeOperationError',
		message: 'CLOVA OCR found no table in the image',
		description:
			"Turn on table detection in the node's options (Detect Tables) and in the domain's settings (table extraction, in the CLOVA OCR console), or choose another output.",
		itemIndex: 0,
	};

	test('Tables without Detect Tables (no tables in the answer): the no-table message', async () => {
		const result = await readText({ parameters: { output: 'tables' } });
		expect(failure(result)).toEqual(NO_TABLE);
		expect(sentMessage()).not.toHaveProperty('enableTableDetection');
	});

	test('Tables with Detect Tables on a page without one (tables: []): the no-table message', async () => {
		const result = await readText({
			input: PAGE1_INPUT,
			parameters: { output: 'tables', options: { tableDetection: true } },
		});
		expect(failure(result)).toEqual(NO_TABLE);
		expect(emulator.requests.map(({ status }) => status)).toEqual([200]);
	});

	test('no word on any page: the no-text message; raw still gives the pages', async () => {
		// Every page's words moved to a key the node does not read: `fields` is empty.
		const edits: Array<[string, string]> = [['"fields":[', '"fields":[],"unread":[']];
		const result = await readText({ edits });
		expect(failure(result)).toEqual({
			name: 'NodeOperationError',
			message: 'CLOVA OCR read the image but found no text',
			description:
				'Use a sharp, well-lit photo or a scan of at least 300 dpi, the right way up, of a page that shows text.',
			itemIndex: 0,
		});
		emulator.reset();
		const raw = await itemsOf({ edits, parameters: { output: 'raw' } });
		expect(raw.map(({ fields }) => fields)).toEqual([[], [], []]);
	});

	test('Languages fr fails the item naming the option, before anything is sent', async () => {
		const result = await readText({ parameters: { options: { languages: ['ko', 'fr'] } } });
		expect(failure(result)).toEqual({
			name: 'NodeOperationError',
			message: 'Languages must be among: ko, ja, zh-TW, en',
			description: 'Choose the languages from the list, or make the expression give them.',
			itemIndex: 0,
		});
		expect(emulator.requests).toEqual([]);
	});

	test('the three-page PDF sent to an ID-card operation fails before sending: the single-page check', async () => {
		const result = await runClovaNode({
			parameters: { operation: 'recognizeIdCard' },
			items: [await binaryItem(CONTRACT_PDF, 'contract.pdf', 'application/pdf')],
			credentials: { invokeUrl: emulator.invokeUrl, secretKey: SECRET },
		});
		expect(failure(result)).toEqual({
			name: 'NodeOperationError',
			message: 'The PDF file has 3 pages',
			description:
				"CLOVA OCR's ID-card and document models read single-page PDF files only. Split the file and send one page per item (e.g. the page with the card), or read every page with Text > Read Text.",
			itemIndex: 0,
		});
		expect(emulator.requests).toEqual([]);
	});
});
