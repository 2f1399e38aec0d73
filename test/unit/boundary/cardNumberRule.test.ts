/**
 * The card-number rule: a card number shows its last four positions only, across values and
 * readings, and fails closed where it cannot tell which four those are.
 */
import fc from 'fast-check';

import {
	isCardNumberField,
	lastKeyOf,
	maskCardNumberField,
} from '../../../nodes/ClovaOcr/boundary/cardNumberRule';

describe('maskCardNumberField', () => {
	test.each([
		['one value', [['1234 5678 9012 3456']], [['**** **** **** 3456']]],
		['dashes', [['1234-5678-9012-3456']], [['****-****-****-3456']]],
		['no separators', [['1234567890123456']], [['************3456']]],
		['15 digits (Amex)', [['3782 822463 10005']], [['**** ****** *0005']]],
		['split across values', [['1234 5678', '9012 34', '56']], [['**** ****', '**** 34', '56']]],
		[
			'text and formatted.value alike',
			[['1234-5678-9012-3456'], ['1234567890123456']],
			[['****-****-****-3456'], ['************3456']],
		],
		['letters for digits', [['l234 S678 9OI2 345G']], [['**** **** **** 345G']]],
		['full-width digits', [['１２３４ ５６７８ ９０１２ ３４５６']], [['**** **** **** ３４５６']]],
		[
			'a label before the number',
			[['Card No. 1234-5678-9012-3456']],
			[['Card N*. ****-****-****-3456']],
		],
		[
			'masked by the service: the last four still show',
			[['****-****-****-1234']],
			[['****-****-****-1234']],
		],
		['masked in the middle', [['9410-61**-****-123*']], [['****-****-****-123*']]],
		['masked at the end: nothing shows', [['1234-56**-****-****']], [['****-****-****-****']]],
		[
			'a look-alike after the number takes a shown position',
			[['1234 5678 9012 3456 VISA']],
			[['**** **** **** **56 VISA']],
		],
		['four digits alone: nothing shows', [['3456']], [['****']]],
		['fewer', [['12-3']], [['**-*']]],
		[
			'readings that disagree on the last four: nothing shows in any',
			[['1234 5678 9012 3456'], ['123456789012']],
			[['**** **** **** ****'], ['************']],
		],
		[
			'a short reading hides itself and leaves the others',
			[['1234 5678 9012 3456'], ['3456']],
			[['**** **** **** 3456'], ['****']],
		],
		[
			'readings agree through look-alikes',
			[['1234 5678 9012 345G'], ['1234567890123456']],
			[['**** **** **** 345G'], ['************3456']],
		],
		['an empty reading', [['1234567890123456'], ['']], [['************3456'], ['']]],
		['nothing to mask', [['신한카드'], ['']], [['신한카드'], ['']]],
	])('%s', (_case, views, expected) => {
		expect(maskCardNumberField(views)).toEqual(expected);
	});

	test('a digit of unknown value (a Roman numeral) never agrees across readings', () => {
		expect(maskCardNumberField([['1234 5678 9012 345Ⅷ'], ['1234 5678 9012 345Ⅷ']])).toEqual([
			['**** **** **** ****'],
			['**** **** **** ****'],
		]);
		expect(maskCardNumberField([['1234 5678 9012 345Ⅷ']])).toEqual([['**** **** **** 345Ⅷ']]);
	});
});

describe('isCardNumberField', () => {
	test.each([
		['creditCard', 'number', true],
		['creditCard', 'cardNumber', true],
		['creditCard', 'card.cardNum', true],
		['creditCard', 'cardInfo.cardNo', true],
		['creditCard', 'numbers[2]', true],
		['creditCard', 'result["card Number"]', true],
		['creditCard', 'result["a.b"]["x\\"cardno"][0]', true],
		['creditCard', 'name', false],
		['creditCard', 'number.text', false],
		['creditCard', 'validThru', false],
		['creditCard', '["number"].holder', false],
		['receipt', 'paymentInfo.cardInfo.number', true],
		['receipt', 'paymentInfo.cardInfo.company', false],
		['receipt', 'paymentInfo.confirmNum', false],
		['receipt', 'storeInfo.bizNum', false],
		['receipt', 'number', false],
		['nameCard', 'mobile', false],
		['idCard', 'num', false],
		[undefined, 'number', false],
		[{}, 'number', false],
	])('%s %s: %s', (documentType, field, expected) => {
		expect(isCardNumberField(documentType, field)).toBe(expected);
	});

	test.each([
		['a.b.c', 'c'],
		['a[0][1]', 'a'],
		['a.b[12]', 'b'],
		['["odd key"]', 'odd key'],
		['x["a\\"b"]', 'a"b'],
		['x["a\\\\"]', 'a\\'],
		['x["[0]"]', '[0]'],
		['', ''],
	])('lastKeyOf(%j) = %j', (field, key) => {
		expect(lastKeyOf(field)).toBe(key);
	});
});

// The property. The judge shares no code with the rule: its own table of glyphs, and each
// character of the input remembers which digit of the number it came from.

/** Glyphs the generator writes for each digit: ASCII, full-width, Arabic-Indic, look-alikes. */
const GLYPHS: readonly string[][] = [...'0123456789'].map((digit) => {
	const d = Number(digit);
	const lookalikes: Record<string, string[]> = {
		'0': ['O', 'o', 'D', 'Q'],
		'1': ['l', 'I', '|'],
		'2': ['Z'],
		'5': ['S'],
		'6': ['G', 'b'],
		'8': ['B'],
		'9': ['g', 'q'],
	};
	return [
		digit,
		String.fromCharCode(0xff10 + d),
		String.fromCharCode(0x0660 + d),
		...(lookalikes[digit] ?? []),
	];
});
const DIGIT_OF_GLYPH = new Map<string, string>(
	GLYPHS.flatMap((glyphs, d) => glyphs.map((glyph): [string, string] => [glyph, String(d)])),
);

/** A character of a reading and the position in the number it came from (null: padding). */
type Cell = { char: string; source: number | null };

const SEPARATORS = ['', '', ' ', '-', '.', ' - ', '\u200b', '\n', '/'];
const PADDING = [
	'',
	'',
	'No. ',
	'Card No: ',
	'O',
	'l ',
	' - ',
	' VISA',
	'\u200b',
	'(',
	')',
	'카드 ',
];

const reading = (digits: number) =>
	fc.record({
		glyphs: fc.array(fc.nat(), { minLength: digits, maxLength: digits }),
		separators: fc.array(fc.constantFrom(...SEPARATORS), { minLength: digits, maxLength: digits }),
		prefix: fc.constantFrom(...PADDING),
		suffix: fc.constantFrom(...PADDING),
		cuts: fc.array(fc.nat(), { maxLength: 5 }),
	});

type Reading = {
	glyphs: number[];
	separators: string[];
	prefix: string;
	suffix: string;
	cuts: number[];
};

/** The cells of one reading of `number` (its first `length` digits), cut into values. */
function cellsOf(number: number[], length: number, noise: Reading): Cell[][] {
	const cells: Cell[] = [...noise.prefix].map((char) => ({ char, source: null }));
	for (let i = 0; i < length; i++) {
		if (i > 0) for (const char of noise.separators[i]) cells.push({ char, source: null });
		const glyphs = GLYPHS[number[i]];
		cells.push({ char: glyphs[noise.glyphs[i] % glyphs.length], source: i });
	}
	for (const char of noise.suffix) cells.push({ char, source: null });
	const cuts = [...new Set(noise.cuts.map((cut) => cut % (cells.length + 1)))].sort(
		(a, b) => a - b,
	);
	const values: Cell[][] = [];
	let start = 0;
	for (const cut of [...cuts, cells.length]) {
		values.push(cells.slice(start, cut));
		start = cut;
	}
	return values;
}

const textOf = (values: Cell[][]) => values.map((cells) => cells.map((cell) => cell.char).join(''));

function fail(message: string, masked: string[]): never {
	throw new Error(`${message}: ${JSON.stringify(masked)}`);
}

/**
 * The number's positions a masked reading shows. Plain checks rather than expect() in the
 * loops: jest's matchers would make the property slow.
 */
function shownSources(values: Cell[][], masked: string[]): number[] {
	const shown: number[] = [];
	values.forEach((cells, v) => {
		const chars = [...masked[v]];
		if (chars.length !== cells.length) fail('the length changed', masked);
		cells.forEach((cell, i) => {
			if (cell.source === null) {
				// Padding stays as it was, but for look-alikes, which the rule may hide.
				if (!DIGIT_OF_GLYPH.has(cell.char) && chars[i] !== cell.char)
					fail('padding changed', masked);
			} else if (chars[i] !== '*') {
				if (chars[i] !== cell.char) fail('a digit changed', masked);
				shown.push(cell.source);
			}
		});
	});
	return shown;
}

/** The digits the judge reads in a masked reading, all its values as one text. */
const digitsIn = (masked: string[]) =>
	[...masked.join('')].map((char) => DIGIT_OF_GLYPH.get(char) ?? '').join('');

/** At most the last four digits show, and no five consecutive digits of the number. */
function expectNoLeak(number: number[], values: Cell[][], masked: string[]): void {
	for (const source of shownSources(values, masked))
		if (source < number.length - 4) fail(`digit ${source} of ${number.length} shows`, masked);
	const original = number.join('');
	const digits = digitsIn(masked);
	for (let start = 0; start + 5 <= original.length; start++)
		if (digits.includes(original.slice(start, start + 5)))
			fail(`digits ${start}-${start + 4} show`, masked);
}

const cardNumber = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 19 });

test('a card number, split and padded any way, shows at most its last four digits', () => {
	fc.assert(
		fc.property(
			cardNumber.chain((number) =>
				fc.tuple(
					fc.constant(number),
					fc.array(reading(number.length), { minLength: 1, maxLength: 3 }),
				),
			),
			([number, readings]) => {
				const views = readings.map((noise) => cellsOf(number, number.length, noise));
				const masked = maskCardNumberField(views.map(textOf));
				views.forEach((values, v) => expectNoLeak(number, values, masked[v]));
				// Not more than it must: without look-alikes after the number, its last four show.
				const tailClean = readings.every((noise) =>
					[...noise.suffix].every((c) => !DIGIT_OF_GLYPH.has(c)),
				);
				if (tailClean)
					views.forEach((values, v) => {
						const shown = shownSources(values, masked[v]).sort((a, b) => a - b);
						if (shown.join() !== [4, 3, 2, 1].map((k) => number.length - k).join())
							fail('the last four do not show', masked[v]);
					});
			},
		),
		{ numRuns: 2000, seed: 11 },
	);
});

test('a reading cut short beside the full one shows nothing of the number it cuts', () => {
	fc.assert(
		fc.property(
			cardNumber.chain((number) =>
				fc.tuple(
					fc.constant(number),
					reading(number.length),
					reading(number.length),
					fc.integer({ min: 5, max: number.length - 1 }),
					fc.boolean(),
				),
			),
			([number, full, cut, length, cutFirst]) => {
				// A cut reading whose last digits happen to equal the number's agrees by right (the
				// rule compares what the positions stand for); padding after the number takes up to
				// two of the four, so the cut must differ from the number in its very last digits.
				fc.pre(
					[1, 2, 3, 4].every(
						(k) => number.slice(length - k, length).join('') !== number.slice(-k).join(''),
					),
				);
				const views = [cellsOf(number, number.length, full), cellsOf(number, length, cut)];
				if (cutFirst) views.reverse();
				const masked = maskCardNumberField(views.map(textOf));
				views.forEach((values, v) => expectNoLeak(number, values, masked[v]));
			},
		),
		{ numRuns: 1000, seed: 12 },
	);
});
