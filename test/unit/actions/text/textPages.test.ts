/**
 * textPagesOf: every page of a General OCR answer read and checked: its page facts, its words
 * and tables with unknown keys dropped, a page the service could not read failing the item,
 * wrong types failing with their path, and every array bounded.
 */
import { NodeApiError } from 'n8n-workflow';

import { textPagesOf } from '../../../../nodes/ClovaOcr/actions/text/textPages';
import { ANSWER_LIMITS } from '../../../../nodes/ClovaOcr/response/answerLimits';
import {
	formatPath,
	ResponseShapeError,
} from '../../../../nodes/ClovaOcr/response/responseShapeError';
import {
	answerOf,
	box,
	cell,
	node,
	page,
	parsed,
	twoPageAnswer,
	word,
} from '../../../fixtures/general/twoPageAnswer';

const pagesOf = (answer: Record<string, unknown>) => textPagesOf(node, 0, parsed(answer).response);

/** A path as errors print it (the printer may scrub keys that look like digits, `cells`). */
const at = (...parts: Array<string | number>) => formatPath(parts);

function thrownBy(run: () => unknown): Error {
	try {
		run();
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a throw');
}

describe('textPagesOf: the pages of an answer', () => {
	test('page facts, source, words and tables, in the order sent', () => {
		const pages = pagesOf(twoPageAnswer());
		expect(
			pages.map(({ words, tables, ...facts }) => ({
				...facts,
				words: words.length,
				tables: tables.length,
			})),
		).toEqual([
			{
				position: 0,
				pageIndex: 0,
				pageWidth: 1000,
				pageHeight: 800,
				source: { imageName: 'scan.pdf', requestId: 'req-1', uid: 'uid-0' },
				words: 5,
				tables: 1,
			},
			{
				position: 1,
				pageIndex: 1,
				pageWidth: 1000,
				pageHeight: 800,
				source: { imageName: 'scan.pdf', requestId: 'req-1', uid: 'uid-1' },
				words: 2,
				tables: 0,
			},
		]);
	});

	test('unknown keys are dropped; missing ones stay missing', () => {
		const [first, second] = pagesOf(twoPageAnswer());
		expect(first.words[0]).toEqual({
			inferText: '성명',
			inferConfidence: 0.99,
			lineBreak: false,
			boundingPoly: box(10, 10, 60, 30),
		});
		expect(second.words[0]).toEqual({ inferText: 'Total', lineBreak: false });
		expect(first.tables[0].cells[2]).toEqual({
			rowIndex: 1,
			columnIndex: 1,
			rowSpan: 1,
			columnSpan: 1,
			inferConfidence: 0.9,
			cellTextLines: [
				{
					inferConfidence: 0.9,
					cellWords: [
						{ inferText: '1,000', inferConfidence: 0.9, boundingPoly: box(0, 0, 10, 10) },
						{ inferText: '원', inferConfidence: 0.9, boundingPoly: box(0, 0, 10, 10) },
					],
				},
			],
		});
	});

	test('without convertedImageInfo: pageIndex is the position, the size null', () => {
		const bare = { inferResult: 'SUCCESS', fields: [word('a')] };
		const pages = pagesOf({ images: [bare, bare] });
		expect(pages.map((p) => [p.pageIndex, p.pageWidth, p.pageHeight, p.source])).toEqual([
			[0, null, null, { imageName: null, requestId: null, uid: null }],
			[1, null, null, { imageName: null, requestId: null, uid: null }],
		]);
	});

	test('without fields or tables: no words, no tables', () => {
		const [only] = pagesOf({ images: [{ inferResult: 'SUCCESS' }] });
		expect([only.words, only.tables]).toEqual([[], []]);
	});

	test('a missing inferResult with fields counts as read', () => {
		expect(pagesOf({ images: [{ fields: [word('a')] }] })[0].words).toHaveLength(1);
	});
});

describe('textPagesOf: a page the service could not read fails the item', () => {
	test('inferResult FAILURE on the second page, with its message scrubbed', () => {
		const answer = twoPageAnswer();
		const images = answer.images as Array<Record<string, unknown>>;
		images[1] = {
			...images[1],
			inferResult: 'FAILURE',
			message: 'Read page:1 error 9001011234567',
		};
		const error = thrownBy(() => pagesOf(answer));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'CLOVA OCR could not read the image: Read page:1 error *************',
		);
		expect((error as NodeApiError).description).toBe(
			'The service answered inferResult FAILURE for page 2. Use a sharp, well-lit photo of the whole document, or a scan of at least 300 dpi, with nothing covering it.',
		);
	});

	test('without a message: what the service answered', () => {
		const error = thrownBy(() => pagesOf({ images: [{ inferResult: 'ERROR' }] }));
		expect(error.message).toBe(
			'CLOVA OCR could not read the image: the service answered inferResult ERROR',
		);
	});

	test('neither inferResult nor fields', () => {
		const error = thrownBy(() => pagesOf({ images: [{ tables: [] }] }));
		expect(error.message).toBe(
			'CLOVA OCR could not read the image: the service answered without inferResult and without fields',
		);
	});

	test('an undocumented inferResult is not echoed', () => {
		const error = thrownBy(() => pagesOf({ images: [{ inferResult: '900101-1234567' }] }));
		expect(error.message).toBe(
			'CLOVA OCR could not read the image: the service answered inferResult (not a documented value)',
		);
	});
});

describe('textPagesOf: wrong types fail with their path', () => {
	const shapeError = (answer: Record<string, unknown>) => {
		const error = thrownBy(() => pagesOf(answer));
		expect(error).toBeInstanceOf(ResponseShapeError);
		return (error as ResponseShapeError).reason;
	};

	test.each([
		[
			'a word without text',
			page(0, [word('a'), { inferConfidence: 1 }]),
			'images[0].fields[1].inferText: expected string, got undefined',
		],
		[
			'a word whose text is a number',
			page(0, [{ inferText: 900101 }]),
			'images[0].fields[0].inferText: expected string, got number',
		],
		[
			'lineBreak as a string',
			page(0, [{ inferText: 'a', lineBreak: 'true' }]),
			'images[0].fields[0].lineBreak: expected boolean, got string',
		],
		[
			'a vertex without y',
			page(0, [{ inferText: 'a', boundingPoly: { vertices: [{ x: 1 }] } }]),
			'images[0].fields[0].boundingPoly.vertices[0].y: expected number, got undefined',
		],
		[
			'fields as an object',
			page(0, {} as unknown as unknown[]),
			'images[0].fields: expected array, got object',
		],
		[
			'a fractional rowIndex',
			page(0, [], { tables: [{ cells: [{ rowIndex: 0.5 }] }] }),
			`${at('images', 0, 'tables', 0, 'cells', 0, 'rowIndex')}: expected integer, got float`,
		],
		[
			'a cell word without text',
			page(0, [], { tables: [{ cells: [{ cellTextLines: [{ cellWords: [{}] }] }] }] }),
			`${at('images', 0, 'tables', 0, 'cells', 0, 'cellTextLines', 0, 'cellWords', 0, 'inferText')}: expected string, got undefined`,
		],
	])('%s', (_, image, reason) => {
		expect(shapeError(answerOf([image]))).toBe(reason);
	});

	test('the path names the page', () => {
		const answer = answerOf([page(0, [word('a')]), page(1, [{ inferText: null }])]);
		expect(shapeError(answer)).toBe('images[1].fields[0].inferText: expected string, got null');
	});
});

describe('textPagesOf: every array is bounded, and so is the whole answer', () => {
	const limitMessage = (limit: number, what: string) =>
		`CLOVA OCR's answer has more than ${limit} ${what} (the node's limit)`;
	const words = (count: number) => Array.from({ length: count }, () => word('900101-1234567'));
	const cells = (count: number) => Array.from({ length: count }, () => cell(0, 0, [['x']]));

	function expectRefused(answer: Record<string, unknown>, message: string): void {
		const error = thrownBy(() => pagesOf(answer));
		expect(error).toBeInstanceOf(ResponseShapeError);
		expect(error.message).toBe(message);
		expect(error.message).not.toContain('900101');
	}

	test('at the limits, every page is read', () => {
		const images = Array.from({ length: ANSWER_LIMITS.pagesPerAnswer }, (_, i) => page(i, []));
		images[0] = page(0, words(ANSWER_LIMITS.wordsPerPage));
		expect(pagesOf(answerOf(images))).toHaveLength(ANSWER_LIMITS.pagesPerAnswer);
	});

	test('pages in one answer', () => {
		const images = Array.from({ length: ANSWER_LIMITS.pagesPerAnswer + 1 }, (_, i) => page(i, []));
		expectRefused(answerOf(images), limitMessage(100, 'pages in one answer (images)'));
	});

	test('words on one page', () => {
		const answer = answerOf([page(0, []), page(1, words(ANSWER_LIMITS.wordsPerPage + 1))]);
		expectRefused(answer, limitMessage(5000, 'words on one page (images[1].fields)'));
	});

	test('words in one answer, each page under its own limit', () => {
		const pages = Array.from({ length: 5 }, (_, i) => page(i, words(4001)));
		expectRefused(answerOf(pages), limitMessage(20000, 'words in one answer'));
	});

	test('tables on one page', () => {
		const tables = Array.from({ length: ANSWER_LIMITS.tablesPerPage + 1 }, () => ({}));
		expectRefused(
			answerOf([page(0, [], { tables })]),
			limitMessage(64, 'tables on one page (images[0].tables)'),
		);
	});

	test('cells in one table', () => {
		const tables = [{}, { cells: cells(ANSWER_LIMITS.cellsPerTable + 1) }];
		expectRefused(
			answerOf([page(0, [], { tables })]),
			limitMessage(4096, `cells in one table (${at('images', 0, 'tables', 1, 'cells')})`),
		);
	});

	test('lines in one cell', () => {
		const lines = Array.from({ length: ANSWER_LIMITS.linesPerCell + 1 }, () => ['x']);
		expectRefused(
			answerOf([page(0, [], { tables: [{ cells: [cell(0, 0, lines)] }] })]),
			limitMessage(
				64,
				`lines in one table cell (${at('images', 0, 'tables', 0, 'cells', 0, 'cellTextLines')})`,
			),
		);
	});

	test('words in one line of a cell', () => {
		const line = Array.from({ length: ANSWER_LIMITS.wordsPerCell + 1 }, () => 'x');
		expectRefused(
			answerOf([page(0, [], { tables: [{ cells: [cell(0, 0, [line])] }] })]),
			limitMessage(
				256,
				`words in one table cell line (${at('images', 0, 'tables', 0, 'cells', 0, 'cellTextLines', 0, 'cellWords')})`,
			),
		);
	});

	test('words in the cells of one answer', () => {
		const tables = Array.from({ length: 5 }, () => ({ cells: cells(4096) }));
		expectRefused(
			answerOf([page(0, [], { tables })]),
			limitMessage(20000, 'words in the table cells of one answer'),
		);
	});

	test('vertices in one polygon (the shared polygon limit)', () => {
		const vertices = Array.from({ length: ANSWER_LIMITS.verticesPerPolygon + 1 }, () => ({
			x: 0,
			y: 0,
		}));
		expectRefused(
			answerOf([page(0, [{ inferText: 'a', boundingPoly: { vertices } }])]),
			limitMessage(64, 'vertices in one polygon (images[0].fields[0].boundingPoly.vertices)'),
		);
	});
});
