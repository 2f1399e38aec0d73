/**
 * The privacy invariant for text read by General OCR (Read Text): a registration number,
 * written with any OCR noise (test/fixtures/privacyAttacks.ts), cut into words anywhere (at
 * most three cuts), each word ending a line or not, among other words, on one page or split
 * over two, or cut into table cells; in every output but raw, no string the node emits holds
 * four consecutive digits of the number's positions 8–13 (test/fixtures/leakOracle.ts, which
 * shares no code with the boundary). The redacted copy's document blacks out a box wherever
 * a word shows one of those digits.
 *
 * Runs: PRIVACY_RUNS (default 3,000, seed PRIVACY_SEED, default 17), as privacyProperty.test.ts.
 */
import fc from 'fast-check';
import type { INode } from 'n8n-workflow';

import {
	readTextOutcome,
	type TextOutput,
} from '../../../nodes/ClovaOcr/actions/text/readTextOutcome';
import { outboundRows } from '../../../nodes/ClovaOcr/boundary/outboundItems';
import { parseIdCardResponse } from '../../../nodes/ClovaOcr/response/parseResponse';
import { box, cell, word } from '../../fixtures/general/twoPageAnswer';
import { leakedWindow, readDigits, stringsOf } from '../../fixtures/leakOracle';
import { noise, registrationNumber, written } from '../../fixtures/privacyAttacks';

const RUNS = Number(process.env.PRIVACY_RUNS ?? 3000);
const SEED =
	process.env.PRIVACY_SEED === 'random' ? undefined : Number(process.env.PRIVACY_SEED ?? 17);

const NODE = { name: 'CLOVA OCR' } as INode;

/** Other words: digits only from {0, 1, 2, 9}, so no window of the back half comes by chance. */
const OTHER_WORDS = [
	'주민등록번호',
	'홍길동',
	'2019.01.02',
	'계약서',
	'No.',
	'-',
	'：',
	'(주)견본',
];

const attack = fc.record({
	number: registrationNumber,
	noise,
	cuts: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 3 }),
	before: fc.array(fc.constantFrom(...OTHER_WORDS), { maxLength: 3 }),
	after: fc.array(fc.constantFrom(...OTHER_WORDS), { maxLength: 3 }),
	lineBreaks: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
	pageBreakAt: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
});
type TextAttack = typeof attack extends fc.Arbitrary<infer T> ? T : never;

/** The number's text cut between characters at the attack's places. */
function numberWords(a: TextAttack): string[] {
	const chars = Array.from(written(a.number, a.noise));
	const cuts = [...new Set(a.cuts.map((cut) => Math.min(cut, chars.length - 1)))].sort(
		(x, y) => x - y,
	);
	const at = [0, ...cuts, chars.length];
	return at
		.slice(1)
		.map((end, i) => chars.slice(at[i], end).join(''))
		.filter((w) => w !== '');
}

function page(pageIndex: number, words: object[], tables: object[] = []) {
	return {
		uid: `u${pageIndex}`,
		name: 'scan',
		inferResult: 'SUCCESS',
		message: 'SUCCESS',
		convertedImageInfo: { width: 1000, height: 800, pageIndex },
		fields: words,
		tables,
	};
}

/** The service's answer: the words on one page or two, and the same cut number in a table row. */
function answerOf(a: TextAttack): string {
	const texts = [...a.before, ...numberWords(a), ...a.after];
	const words = texts.map((text, i) =>
		word(text, { box: box(10 * i, 10, 10 * i + 9, 20), lineBreak: a.lineBreaks[i % 12] }),
	);
	const split = a.pageBreakAt === undefined ? words.length : Math.min(a.pageBreakAt, words.length);
	const table = {
		boundingPoly: box(0, 0, 100, 100),
		inferConfidence: 0.9,
		cells: texts.map((text, column) => cell(0, column, [[text]])),
	};
	const pages = [page(0, words.slice(0, split), [table])];
	if (split < words.length) pages.push(page(1, words.slice(split)));
	return JSON.stringify({ version: 'V2', requestId: 'r', timestamp: 1, images: pages });
}

const OUTPUTS: TextOutput[] = ['lines', 'words', 'text', 'tables'];

function emitted(a: TextAttack, output: TextOutput): string[] {
	const outcome = readTextOutcome(NODE, 0, parseIdCardResponse(answerOf(a)), {
		output,
		includePolygons: true,
		revealSensitiveValues: false,
		firstRowIsHeader: false,
	});
	return outboundRows(outcome.rows, outcome.disclosure).flatMap((row) => stringsOf(row.json));
}

test(`Read Text: no output string holds 4 digits of positions 8-13 (${RUNS} runs)`, () => {
	fc.assert(
		fc.property(attack, fc.constantFrom(...OUTPUTS), (a, output) => {
			for (const text of emitted(a, output)) {
				const window = leakedWindow(text, a.number.back);
				if (window !== null)
					throw new Error(`${output} leaks ${window} in ${JSON.stringify(text)}`);
			}
		}),
		{ numRuns: RUNS, seed: SEED },
	);
});

test(`Read Text: the redacted copy's document masks every word that shows a hidden digit (${RUNS} runs)`, () => {
	fc.assert(
		fc.property(attack, (a) => {
			const { document } = readTextOutcome(NODE, 0, parseIdCardResponse(answerOf(a)), {
				output: 'words',
				includePolygons: false,
				revealSensitiveValues: false,
				firstRowIsHeader: false,
			});
			const back = new Set(Array.from(a.number.back));
			for (const value of document.fields.flatMap(({ values }) => values)) {
				// A word of the number that holds a digit of positions 8–13 must be blacked out.
				const ofNumber = numberWords(a).includes(value.text);
				const showsBackDigit = Array.from(readDigits(value.text)).some((d) => back.has(d));
				if (ofNumber && showsBackDigit && (value.maskingPolys ?? []).length === 0)
					throw new Error(`a word of the number is not blacked out: ${JSON.stringify(value.text)}`);
			}
		}),
		{ numRuns: RUNS, seed: SEED },
	);
});

test('the judge can fail: revealed, the split number shows', () => {
	const a: TextAttack = {
		number: { front: '900101', gender: '1', back: '345678' },
		noise: {
			glyphs: Array(13).fill(0),
			separator: '-',
			stray: Array(13).fill(''),
			maskedFront: Array(6).fill(false),
		},
		cuts: [9],
		before: [],
		after: [],
		lineBreaks: Array(12).fill(false),
		pageBreakAt: undefined,
	};
	const outcome = readTextOutcome(NODE, 0, parseIdCardResponse(answerOf(a)), {
		output: 'words',
		includePolygons: false,
		revealSensitiveValues: true,
		firstRowIsHeader: false,
	});
	const strings = outboundRows(outcome.rows, outcome.disclosure).flatMap((row) =>
		stringsOf(row.json),
	);
	expect(strings.some((text) => leakedWindow(text, '345678') !== null)).toBe(true);
});
