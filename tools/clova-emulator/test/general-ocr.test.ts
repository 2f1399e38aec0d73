/**
 * General OCR (`POST {base}/general` on its own domain), over real HTTP: JSON and multipart
 * bodies, one `images[]` entry per page of a PDF or TIFF, tables only with
 * `enableTableDetection` (0028 with the domain's toggle off), `lang` and `version` as
 * documented, image URLs, the page cap, and the domain rules every product follows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { contractPages, contractPdf } from '../../samples/multi-page-pdf';
import { pdfOfPngPages, writePng } from '../../samples/pdf-pages';
import { fixturePages } from '../page-answers';
import {
	errorBody,
	holdSlots,
	jsonMessage,
	multipartMessage,
	pngWith,
	postFormData,
	postJson,
	productEndpoint,
	SIGNATURES,
	useEmulator,
	type HttpResult,
} from './test-support';

const emulator = useEmulator();
const SAMPLES = join(__dirname, '..', '..', '..', 'samples');
const CONTRACT = readFileSync(join(SAMPLES, 'contract.pdf'));

type Vertex = { x: number; y: number };
interface Word {
	valueType: string;
	boundingPoly?: { vertices: Vertex[] };
	bounding?: { left: number; top: number; width: number; height: number };
	inferText: string;
	inferConfidence: number;
	type: string;
	lineBreak: boolean;
}
interface Cell {
	rowIndex: number;
	columnIndex: number;
	rowSpan: number;
	columnSpan: number;
	boundingPoly: { vertices: Vertex[] };
	inferConfidence: number;
	cellTextLines: Array<{ cellWords: Array<{ inferText: string }> }>;
}
interface Page {
	uid: string;
	name: string;
	inferResult: string;
	message: string;
	validationResult?: { result: string };
	convertedImageInfo?: { width: number; height: number; pageIndex: number; longImage: boolean };
	fields?: Word[];
	tables?: Array<{ cells: Cell[]; boundingPoly: unknown; inferConfidence: number }>;
}
interface Answer {
	version: string;
	requestId: string;
	timestamp: number;
	images: Page[];
}

function general(body: unknown, options: { secret?: string | null } = {}): Promise<HttpResult> {
	return postJson(emulator(), body, { url: productEndpoint(emulator(), 'general'), ...options });
}

function parsed(result: HttpResult): Answer {
	expect([result.status, result.text.slice(0, 200)]).toEqual([200, result.text.slice(0, 200)]);
	return JSON.parse(result.text) as Answer;
}

function pdfMessage(file: Buffer, extra: Record<string, unknown> = {}) {
	return jsonMessage(file, { format: 'pdf', name: 'contract' }, extra);
}

/** A little-endian TIFF whose chain holds `pages` image file directories. */
function tiffOfPages(pages: number): Buffer {
	const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]);
	const ifds = Array.from({ length: pages }, (_unused, index) => {
		const ifd = Buffer.alloc(2 + 12 + 4);
		ifd.writeUInt16LE(1, 0);
		ifd.writeUInt16LE(256, 2); // ImageWidth
		ifd.writeUInt16LE(3, 4); // SHORT
		ifd.writeUInt32LE(1, 6);
		ifd.writeUInt16LE(1, 10);
		const next = index === pages - 1 ? 0 : 8 + (index + 1) * ifd.length;
		ifd.writeUInt32LE(next, 14);
		return ifd;
	});
	return Buffer.concat([header, ...ifds]);
}

const words = (page: Page): string[] => (page.fields ?? []).map((field) => field.inferText);
const fixtureWords = (index: number): string[] =>
	((fixturePages('general-contract.synthetic.json')[index] as unknown as Page).fields ?? []).map(
		(field) => field.inferText,
	);

describe('General OCR: the answer', () => {
	it('any image: the generic reading, in the documented shape (JSON body)', async () => {
		const answer = parsed(await general(jsonMessage(pngWith('anything'), { name: 'demo' })));
		expect(Object.keys(answer)).toEqual(['version', 'requestId', 'timestamp', 'images']);
		expect(answer).toMatchObject({ version: 'V2', requestId: 'req-0001' });
		expect(answer.images).toHaveLength(1);
		const [page] = answer.images;
		expect(Object.keys(page ?? {})).toEqual([
			'uid',
			'name',
			'inferResult',
			'message',
			'validationResult',
			'convertedImageInfo',
			'fields',
		]);
		expect(page).toMatchObject({
			name: 'demo',
			inferResult: 'SUCCESS',
			message: 'SUCCESS',
			validationResult: { result: 'NO_REQUESTED' },
			convertedImageInfo: { width: 1536, height: 864, pageIndex: 0, longImage: false },
		});
		expect(page?.uid).toMatch(/^[0-9a-f]{32}$/);
		expect(page?.fields?.[0]).toEqual({
			valueType: 'ALL',
			boundingPoly: {
				vertices: [
					{ x: 4, y: 5 },
					{ x: 64, y: 5 },
					{ x: 64, y: 27 },
					{ x: 4, y: 27 },
				],
			},
			inferText: '파일(F)',
			inferConfidence: 1,
			type: 'NORMAL',
			lineBreak: false,
		});
		expect(page?.fields?.filter((field) => field.lineBreak)).toHaveLength(3);
		expect(emulator().requests[0]).toMatchObject({
			product: 'general',
			scenario: 'general-success',
			scenarioSource: 'default',
			pageCount: 1,
		});
	});

	it('the contract PDF (multipart): one entry per page, pageIndex 0..2, each page’s words', async () => {
		const result = await postFormData(
			emulator(),
			multipartMessage({ format: 'pdf', name: 'contract' }),
			CONTRACT,
			{ url: productEndpoint(emulator(), 'general'), filename: 'contract.pdf' },
		);
		const answer = parsed(result);
		expect(answer.images.map((page) => page.convertedImageInfo)).toEqual(
			[0, 1, 2].map((pageIndex) => ({ width: 1240, height: 1754, pageIndex, longImage: false })),
		);
		expect(answer.images.map((page) => page.name)).toEqual(['contract', 'contract', 'contract']);
		expect(new Set(answer.images.map((page) => page.uid)).size).toBe(3);
		expect(answer.images.map((page) => words(page).length)).toEqual([105, 77, 59]);
		expect(answer.images.map(words)).toEqual([0, 1, 2].map(fixtureWords));
		expect(answer.images.every((page) => page.tables === undefined)).toBe(true);
		expect(emulator().requests[0]).toMatchObject({
			uploadMode: 'multipart',
			scenario: 'general-contract',
			scenarioSource: 'file-marker',
			pageCount: 3,
		});
	});

	it('reads the fake registration number on page 3 as two words of one line', async () => {
		const page = parsed(await general(pdfMessage(CONTRACT))).images[2];
		const fields = page?.fields ?? [];
		const at = fields.findIndex((field) => field.inferText === '900101-');
		expect(fields.slice(at - 1, at + 2).map((field) => [field.inferText, field.lineBreak])).toEqual(
			[
				['주민등록번호:', false],
				['900101-', false],
				['1234567', true],
			],
		);
	});

	it('tables only with enableTableDetection: the fee table on page 2, its merged cell', async () => {
		const answer = parsed(await general(pdfMessage(CONTRACT, { enableTableDetection: true })));
		expect(answer.images.map((page) => page.tables?.length)).toEqual([0, 1, 0]);
		const table = answer.images[1]?.tables?.[0];
		expect(Object.keys(table ?? {})).toEqual(['cells', 'boundingPoly', 'inferConfidence']);
		const cells = table?.cells ?? [];
		expect(Object.keys(cells[0] ?? {})).toEqual([
			'rowIndex',
			'columnIndex',
			'rowSpan',
			'columnSpan',
			'boundingPoly',
			'inferConfidence',
			'cellTextLines',
		]);
		expect(
			cells.map((cell) => [
				cell.rowIndex,
				cell.columnIndex,
				cell.rowSpan,
				cell.columnSpan,
				cell.cellTextLines
					.flatMap((line) => line.cellWords.map((word) => word.inferText))
					.join(' '),
			]),
		).toEqual([
			[0, 0, 1, 1, '구분'],
			[0, 1, 1, 1, '금액'],
			[0, 2, 1, 1, '지급 방법'],
			[1, 0, 1, 1, '착수금'],
			[1, 1, 1, 1, '3,000,000원'],
			[1, 2, 2, 1, '계좌 이체'],
			[2, 0, 1, 1, '잔금'],
			[2, 1, 1, 1, '7,000,000원'],
		]);
		// The same request without the flag (or with "false", as NAVER's example sends it): none.
		for (const flag of [false, 'false'])
			expect(
				parsed(await general(pdfMessage(CONTRACT, { enableTableDetection: flag }))).images.every(
					(page) => !('tables' in page),
				),
			).toBe(true);
		expect(
			parsed(await general(jsonMessage(pngWith('x'), {}, { enableTableDetection: 'true' })))
				.images[0]?.tables,
		).toEqual([]);
	});

	it('V1: `bounding` (left, top, width, height) in place of every boundingPoly', async () => {
		const answer = parsed(
			await general(pdfMessage(CONTRACT, { version: 'V1', enableTableDetection: true })),
		);
		expect(answer.version).toBe('V1');
		expect(answer.images[0]?.fields?.[0]).toMatchObject({
			bounding: { left: expect.any(Number), top: expect.any(Number) },
		});
		expect(Object.keys(answer.images[0]?.fields?.[0] ?? {})).toEqual([
			'valueType',
			'bounding',
			'inferText',
			'inferConfidence',
			'type',
			'lineBreak',
		]);
		const v2 = parsed(await general(pdfMessage(CONTRACT))).images[0]?.fields?.[0];
		const [a, b, c] = v2?.boundingPoly?.vertices ?? [];
		expect(answer.images[0]?.fields?.[0]?.bounding).toEqual({
			left: a?.x,
			top: a?.y,
			width: (b?.x ?? 0) - (a?.x ?? 0),
			height: (c?.y ?? 0) - (a?.y ?? 0),
		});
		expect(JSON.stringify(answer)).not.toContain('boundingPoly');
	});

	it('general-failure: inferResult FAILURE on every page', async () => {
		emulator().setScenario('general-failure');
		const answer = parsed(await general(pdfMessage(CONTRACT)));
		expect(answer.images.map(({ inferResult, message }) => [inferResult, message])).toEqual([
			['FAILURE', 'Read page:0 error.'],
			['FAILURE', 'Read page:1 error.'],
			['FAILURE', 'Read page:2 error.'],
		]);
	});

	it('documentEdits apply to General answers too', async () => {
		emulator().configure({ documentEdits: [['"inferText":"1234567"', '"inferText":"I234567"']] });
		const page = parsed(await general(pdfMessage(CONTRACT))).images[2];
		expect(words(page ?? ({} as Page))).toContain('I234567');
	});
});

describe('General OCR: multi-page files', () => {
	it('a 20-page PDF built in memory: 20 entries, page i the contract’s page i mod 3', async () => {
		const { pdf, pages } = contractPdf(20);
		const answer = parsed(await general(pdfMessage(pdf)));
		expect(answer.images.map((page) => page.convertedImageInfo?.pageIndex)).toEqual(
			Array.from({ length: 20 }, (_unused, i) => i),
		);
		expect(answer.images.map(words)).toEqual(
			Array.from({ length: 20 }, (_unused, i) => fixtureWords(i % 3)),
		);
		expect(emulator().requests[0]?.pageCount).toBe(20);
		// Its pages as single images: the same words, one entry each.
		for (const page of pages.slice(0, 4)) {
			const single = parsed(
				await general(jsonMessage(page.png, { format: 'png', name: `page-${page.pageIndex}` })),
			);
			expect(single.images.map(words)).toEqual([fixtureWords(page.pageIndex % 3)]);
			expect(single.images[0]?.convertedImageInfo?.pageIndex).toBe(0);
		}
		expect(
			emulator()
				.requests.slice(1)
				.map((record) => record.scenario),
		).toEqual([
			'general-contract-page1',
			'general-contract-page2',
			'general-contract-page3',
			'general-contract-page1',
		]);
	});

	it('a PDF without a marker: the generic page once per page', async () => {
		const pdf = pdfOfPngPages(
			contractPages()
				.slice(0, 2)
				.map((page) => writePng(page)),
			{ marker: 'no emulator marker', title: 't', pageWidthPt: 595, pageHeightPt: 842 },
		);
		const answer = parsed(await general(pdfMessage(pdf)));
		expect(
			answer.images.map((page) => [page.convertedImageInfo?.pageIndex, words(page)[0]]),
		).toEqual([
			[0, '파일(F)'],
			[1, '파일(F)'],
		]);
	});

	it('a multi-page TIFF: one entry per image file directory', async () => {
		const answer = parsed(
			await general(jsonMessage(tiffOfPages(4), { format: 'tiff', name: 'scan' })),
		);
		expect(answer.images.map((page) => page.convertedImageInfo?.pageIndex)).toEqual([0, 1, 2, 3]);
		expect(emulator().requests[0]?.pageCount).toBe(4);
	});

	it('a file over maxPages is refused with 0011, as a file over 50 MB (default cap 30)', async () => {
		expect(emulator().options.maxPages).toBe(30);
		const over = await general(pdfMessage(contractPdf(31).pdf));
		expect([over.status, errorBody(over).code]).toEqual([400, '0011']);
		expect(emulator().requests[0]?.rejectionReason).toBe('file has 31 pages, over maxPages 30');
		expect(parsed(await general(pdfMessage(contractPdf(30).pdf))).images).toHaveLength(30);
		emulator().configure({ maxPages: 2 });
		const capped = await general(pdfMessage(CONTRACT));
		expect([capped.status, errorBody(capped).code]).toEqual([400, '0011']);
		const tiff = await general(jsonMessage(tiffOfPages(3), { format: 'tif' }));
		expect(errorBody(tiff).code).toBe('0011');
		expect(
			parsed(await general(jsonMessage(tiffOfPages(2), { format: 'tif' }))).images,
		).toHaveLength(2);
	});

	it('an unreadable page count counts as one page', async () => {
		const pdf = Buffer.concat([SIGNATURES.pdf, Buffer.from('no page tree')]);
		expect(parsed(await general(pdfMessage(pdf))).images).toHaveLength(1);
	});
});

describe('General OCR: the request', () => {
	it('enableTableDetection: true with the domain’s table toggle off is 400 / 0028 (JSON and multipart)', async () => {
		emulator().configure({ tableDetection: false });
		const json = await general(pdfMessage(CONTRACT, { enableTableDetection: true }));
		const multipart = await postFormData(
			emulator(),
			multipartMessage({ format: 'pdf', name: 'contract' }, { enableTableDetection: true }),
			CONTRACT,
			{ url: productEndpoint(emulator(), 'general') },
		);
		for (const result of [json, multipart])
			expect([result.status, errorBody(result)]).toEqual([
				400,
				expect.objectContaining({
					code: '0028',
					message: 'Table detection disabled: Please activate the table extractor button.',
					path: new URL(productEndpoint(emulator(), 'general')).pathname,
				}),
			]);
		// Without the flag the toggle does not matter.
		expect(parsed(await general(pdfMessage(CONTRACT))).images).toHaveLength(3);
		expect(emulator().stats.byErrorCode).toEqual({ '0028': 2 });
	});

	it.each([['ko'], ['ja'], ['zh-TW'], ['en'], ['ko,ja,zh-TW'], ['ko, ja, zh-TW']])(
		'lang %j is taken',
		async (lang) => {
			expect((await general(jsonMessage(pngWith('x'), {}, { lang }))).status).toBe(200);
		},
	);

	it.each([['fr'], ['KO'], [''], ['ko,'], ['ko;ja'], [['ko']], [1]])(
		'lang %j is 400 / 0011',
		async (lang) => {
			const result = await general(jsonMessage(pngWith('x'), {}, { lang }));
			expect([result.status, errorBody(result).code]).toEqual([400, '0011']);
			expect(emulator().requests[0]?.rejectionReason).toContain('lang');
		},
	);

	it('version: V1 or V2, required; anything else is 0011', async () => {
		for (const [version, status] of [
			['V1', 200],
			['V2', 200],
			[undefined, 400],
			['V3', 400],
			['v2', 400],
		] as const) {
			const body = jsonMessage(pngWith('x'));
			if (version === undefined) delete body.version;
			else body.version = version;
			expect([version, (await general(body)).status]).toEqual([version, status]);
		}
	});

	it.each([['yes'], [1], [null]])('enableTableDetection %j is 0011', async (flag) => {
		const result = await general(jsonMessage(pngWith('x'), {}, { enableTableDetection: flag }));
		expect(errorBody(result).code).toBe('0011');
	});

	it('an image URL: a public http(s) URL is read (never downloaded); data wins over url', async () => {
		const byUrl = (url: unknown) =>
			general({
				version: 'V2',
				requestId: 'r',
				timestamp: 1,
				images: [{ format: 'jpg', name: 'remote', url }],
			});
		const answer = parsed(await byUrl('https://example.com/scan.jpg'));
		expect(answer.images[0]).toMatchObject({ name: 'remote', inferResult: 'SUCCESS' });
		expect(emulator().requests[0]).toMatchObject({ file: null, pageCount: 1 });
		for (const url of [
			'http://localhost/a.jpg',
			'http://127.0.0.1/a.jpg',
			'http://10.1.2.3/a.jpg',
			'http://192.168.0.1/a.jpg',
			'http://[::1]/a.jpg',
			'http://intranet/a.jpg',
			'ftp://example.com/a.jpg',
			'not a url',
			42,
		]) {
			const refused = await byUrl(url);
			expect([url, refused.status, errorBody(refused).code]).toEqual([url, 400, '0011']);
		}
		// data and url: data wins, the url is not looked at.
		const both = await general(
			jsonMessage(pngWith('x'), { url: 'http://localhost/ignored.png', name: 'both' }),
		);
		expect(parsed(both).images[0]?.name).toBe('both');
		const none = await general({
			version: 'V2',
			requestId: 'r',
			timestamp: 1,
			images: [{ format: 'png', name: 'x' }],
		});
		expect(errorBody(none).code).toBe('0011');
	});

	it('an image URL with a [scenario=NAME] directive in its name', async () => {
		const answer = parsed(
			await general({
				version: 'V2',
				requestId: 'r',
				timestamp: 1,
				images: [
					{
						format: 'png',
						name: 'p [scenario=general-contract-page3]',
						url: 'https://a.example/p',
					},
				],
			}),
		);
		expect(answer.images.map(words)).toEqual([fixtureWords(2)]);
	});
});

describe('General OCR: its domain', () => {
	it('another product’s path is 0001 there, and /general elsewhere is 0001', async () => {
		const generalBase = emulator().invokeUrls.general;
		for (const url of [
			`${generalBase}/document/id-card`,
			`${generalBase}/infer`,
			`${emulator().invokeUrls.idCard}/general`,
			`${emulator().invokeUrls.template}/general`,
		]) {
			const result = await postJson(emulator(), jsonMessage(pngWith('x')), { url });
			expect([url, result.status, errorBody(result).code]).toEqual([url, 400, '0001']);
		}
		expect(emulator().requests.every((record) => record.product === null)).toBe(true);
	});

	it('another product’s sample is read as any document; the contract on the ID-card domain fails', async () => {
		const certificate = readFileSync(join(SAMPLES, 'business-registration.png'));
		const read = parsed(await general(jsonMessage(certificate)));
		expect(words(read.images[0] ?? ({} as Page))[0]).toBe('파일(F)');
		const idCard = await postJson(emulator(), pdfMessage(CONTRACT));
		expect(JSON.parse(idCard.text)).toMatchObject({ images: [{ inferResult: 'ERROR' }] });
		expect(emulator().requests.map((record) => [record.scenario, record.scenarioSource])).toEqual([
			['general-success', 'file-marker'],
			['ic-failure', 'file-marker'],
		]);
	});

	it('the secret, the cap (0025, per domain) and the latency apply as on the other domains', async () => {
		expect((await general(jsonMessage(pngWith('x')), { secret: 'wrong' })).status).toBe(401);
		emulator().configure({ concurrencyCap: 1, latencyMs: 60_000 });
		const held = await holdSlots(emulator(), 1, 'general');
		const refused = await general(jsonMessage(pngWith('x')));
		expect([refused.status, errorBody(refused).code]).toEqual([400, '0025']);
		emulator().configure({ latencyMs: 30 });
		const template = await postJson(emulator(), jsonMessage(pngWith('x')), {
			url: productEndpoint(emulator(), 'template'),
		});
		expect(template.status).toBe(200);
		await held.release();
		const admitted = await general(jsonMessage(pngWith('x')));
		expect(admitted.status).toBe(200);
		expect(emulator().requests.at(-1)?.delayMs).toBe(30);
	});

	it('scenarios of General OCR answer on its domain only; faults everywhere', async () => {
		emulator().setScenario('general-contract');
		expect(parsed(await general(jsonMessage(pngWith('x')))).images.map(words)).toEqual([
			fixtureWords(0),
		]);
		const idCard = await postJson(emulator(), jsonMessage(pngWith('x')));
		expect(idCard.text).toContain('"idtype": "ID Card"');
		emulator().enqueue('server-error', 'general-contract-page2');
		expect(errorBody(await general(jsonMessage(pngWith('x')))).code).toBe('0500');
		expect(parsed(await general(jsonMessage(pngWith('x')))).images.map(words)).toEqual([
			fixtureWords(1),
		]);
		emulator().setScenario(null);
		emulator().configure({ slowMs: 5 });
		emulator().enqueue('truncated');
		await expect(general(jsonMessage(pngWith('x')))).rejects.toThrow();
		emulator().configure({ defaultScenario: 'general-contract-page3' });
		emulator().enqueue('slow');
		expect(parsed(await general(jsonMessage(pngWith('x')))).images.map(words)).toEqual([
			fixtureWords(2),
		]);
	});
});
