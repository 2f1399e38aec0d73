/**
 * The Words, Lines and Text outputs of the two-page fixture, exactly: reading order, line
 * breaks (a page's last words without a final lineBreak form a last line), boxes (none for a
 * word without polygon), lowest confidences, running indexes and the page facts.
 */
import { lineItems } from '../../../../nodes/ClovaOcr/actions/text/lineItems';
import { pageTextItems } from '../../../../nodes/ClovaOcr/actions/text/pageTextItems';
import { textPagesOf } from '../../../../nodes/ClovaOcr/actions/text/textPages';
import { wordItems } from '../../../../nodes/ClovaOcr/actions/text/wordItems';
import {
	answerOf,
	box,
	node,
	page,
	PAGE_0,
	PAGE_1,
	parsed,
	twoPageAnswer,
	word,
} from '../../../fixtures/general/twoPageAnswer';

const pagesOf = (answer: Record<string, unknown>) => textPagesOf(node, 0, parsed(answer).response);
const PAGES = pagesOf(twoPageAnswer());

const wordItem = (
	index: number,
	pageIndex: number,
	lineIndex: number,
	text: string,
	confidence: number | null,
	lineBreak: boolean | null,
	[x, y, width, height]: Array<number | null>,
) => ({
	documentType: 'text',
	field: 'word',
	index,
	pageIndex,
	lineIndex,
	text,
	value: text,
	confidence,
	lineBreak,
	x,
	y,
	width,
	height,
	...(pageIndex === 0 ? PAGE_0 : PAGE_1),
});

const NO_BOX = [null, null, null, null];

describe('wordItems', () => {
	test('one item per word as returned, index running across pages', () => {
		expect(wordItems(PAGES, { includePolygons: false })).toEqual([
			wordItem(0, 0, 0, '성명', 0.99, false, [10, 10, 50, 20]),
			wordItem(1, 0, 0, '홍길동', 0.95, true, [70, 10, 80, 20]),
			wordItem(2, 0, 1, '주민번호', 0.98, false, [10, 40, 70, 20]),
			wordItem(3, 0, 1, '900101-', 0.97, false, [90, 40, 70, 20]),
			wordItem(4, 0, 1, '1234567', 0.9, true, [165, 42, 75, 20]),
			wordItem(5, 1, 0, 'Total', null, false, NO_BOX),
			wordItem(6, 1, 0, '1,000', 0.8, null, [60, 5, 50, 20]),
		]);
	});

	test('Include Polygons adds the word polygon; null for a word without one', () => {
		const items = wordItems(PAGES, { includePolygons: true });
		expect(items.map((item) => item.polygon)).toEqual([
			box(10, 10, 60, 30),
			box(70, 10, 150, 30),
			box(10, 40, 80, 60),
			box(90, 40, 160, 60),
			box(165, 42, 240, 62),
			null,
			box(60, 5, 110, 25),
		]);
		expect(wordItems(PAGES, { includePolygons: false }).some((item) => 'polygon' in item)).toBe(
			false,
		);
	});
});

const PAGE_0_LINES = [
	{
		documentType: 'text',
		field: 'line',
		index: 0,
		pageIndex: 0,
		lineIndex: 0,
		text: '성명 홍길동',
		value: '성명 홍길동',
		confidence: 0.95,
		wordCount: 2,
		x: 10,
		y: 10,
		width: 140,
		height: 20,
		...PAGE_0,
	},
	{
		documentType: 'text',
		field: 'line',
		index: 1,
		pageIndex: 0,
		lineIndex: 1,
		text: '주민번호 900101- 1234567',
		value: '주민번호 900101- 1234567',
		confidence: 0.9,
		wordCount: 3,
		x: 10,
		y: 40,
		width: 230,
		height: 22,
		...PAGE_0,
	},
];

describe('lineItems', () => {
	test('words joined by single spaces up to a lineBreak; the box around their boxes', () => {
		expect(lineItems(PAGES)).toEqual([
			...PAGE_0_LINES,
			{
				documentType: 'text',
				field: 'line',
				index: 2,
				pageIndex: 1,
				lineIndex: 0,
				text: 'Total 1,000',
				value: 'Total 1,000',
				confidence: 0.8,
				wordCount: 2,
				// only `1,000` has a polygon
				x: 60,
				y: 5,
				width: 50,
				height: 20,
				...PAGE_1,
			},
		]);
	});

	test('a line none of whose words has a polygon or a confidence: null box and confidence', () => {
		const [line] = lineItems(pagesOf(answerOf([page(0, [word('a'), word('b')])])));
		expect(line).toMatchObject({
			text: 'a b',
			confidence: null,
			wordCount: 2,
			x: null,
			y: null,
			width: null,
			height: null,
		});
	});

	test('without any lineBreak a page is one line; a lineBreak on the last word adds none', () => {
		const words = [word('a'), word('b', { lineBreak: true }), word('c', { lineBreak: true })];
		const pages = pagesOf(answerOf([page(0, [word('x'), word('y')]), page(1, words)]));
		expect(lineItems(pages).map((line) => [line.pageIndex, line.lineIndex, line.text])).toEqual([
			[0, 0, 'x y'],
			[1, 0, 'a b'],
			[1, 1, 'c'],
		]);
	});
});

describe('pageTextItems', () => {
	test('one item per page: its lines joined by line breaks, the lowest confidence', () => {
		expect(pageTextItems(PAGES)).toEqual([
			{
				documentType: 'text',
				field: 'text',
				index: 0,
				pageIndex: 0,
				text: '성명 홍길동\n주민번호 900101- 1234567',
				value: '성명 홍길동\n주민번호 900101- 1234567',
				confidence: 0.9,
				lineCount: 2,
				wordCount: 5,
				...PAGE_0,
			},
			{
				documentType: 'text',
				field: 'text',
				index: 1,
				pageIndex: 1,
				text: 'Total 1,000',
				value: 'Total 1,000',
				confidence: 0.8,
				lineCount: 1,
				wordCount: 2,
				...PAGE_1,
			},
		]);
	});

	test('a page without words keeps its item, with empty text', () => {
		const pages = pagesOf(answerOf([page(0, []), page(1, [word('a')])]));
		expect(pageTextItems(pages).map((item) => [item.index, item.text, item.lineCount])).toEqual([
			[0, '', 0],
			[1, 'a', 1],
		]);
	});

	test('index is the position in the answer, pageIndex what the service says', () => {
		const pages = pagesOf(answerOf([page(3, [word('a')])]));
		expect(pageTextItems(pages).map((item) => [item.index, item.pageIndex])).toEqual([[0, 3]]);
	});
});
