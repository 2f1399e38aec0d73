import fc from 'fast-check';

import { hasRunOf, MAX_SEPARATORS, readText } from '../../../nodes/ClovaOcr/boundary/positions';

/** The longest run of positions the full reading finds: no break between any two of them. */
function longestRun(texts: readonly string[]): number {
	let longest = 0;
	let run = 0;
	for (const gap of readText(texts).gaps) {
		run = gap === 'break' ? 1 : run + 1;
		longest = Math.max(longest, run);
	}
	return longest;
}

/** Characters of every class, in and outside the BMP, and lone surrogates. */
const CHARACTERS = [
	...'0123456789OIlSbZ*#',
	'８',
	'٨',
	'①',
	'𝟖', // U+1D7D6, a decimal digit outside the BMP
	'𝟎',
	...'-.–ㅡ<',
	' ',
	'\n',
	'\u200b',
	...'가x,:',
	'🙂',
	'\ud835', // a lone high surrogate
	'\udfd6', // a lone low surrogate
];

describe('hasRunOf: the pre-check every content rule call starts with', () => {
	test('agrees with the full reading on generated texts (no run it misses)', () => {
		const text = fc
			.array(fc.constantFrom(...CHARACTERS), { maxLength: 40 })
			.map((chars) => chars.join(''));
		fc.assert(
			fc.property(
				fc.array(text, { minLength: 1, maxLength: 3 }),
				fc.integer({ min: 1, max: 14 }),
				(texts, length) => {
					expect(hasRunOf(texts, length)).toBe(longestRun(texts) >= length);
				},
			),
			{ seed: 20261204, numRuns: 3000 },
		);
	});

	test('reads a character outside the BMP as one position, a lone surrogate as another character', () => {
		expect(hasRunOf(['𝟖𝟎𝟎𝟏𝟎𝟏𝟏'], 7)).toBe(true);
		expect(hasRunOf(['𝟖𝟎𝟎𝟏𝟎𝟏'], 7)).toBe(false);
		expect(hasRunOf(['800\ud835101'], 7)).toBe(false);
		expect(hasRunOf([`800${'-'.repeat(MAX_SEPARATORS + 1)}1011`], 7)).toBe(false);
	});
});
