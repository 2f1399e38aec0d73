import fc from 'fast-check';

import {
	MAX_DATE_TEXT_LENGTH,
	readDate,
	type DateReading,
} from '../../../nodes/ClovaOcr/model/dateReading';

// The date regex before it was made linear: seconds on 1.6 KB. The oracle for short texts.
const SEPARATED_BEFORE =
	/^([0-9*]{4})\s*(?:[./-]|년|\s)\s*([0-9*]{1,2})\s*(?:[./-]|월|\s)\s*([0-9*]{1,2})\s*[.일]?$/;
const COMPACT = /^([0-9*]{4})([0-9*]{2})([0-9*]{2})$/;

function readDateBefore(text: string): DateReading {
	const trimmed = text.trim();
	if (trimmed === '') return { status: 'missing', iso: null };
	const match = SEPARATED_BEFORE.exec(trimmed) ?? COMPACT.exec(trimmed);
	if (match) return readDate(null, { year: match[1], month: match[2], day: match[3] });
	return { status: trimmed.includes('*') ? 'masked' : 'unrecognized', iso: null };
}

const UNRECOGNIZED: DateReading = { status: 'unrecognized', iso: null };

/** Calls to RegExp.prototype.exec (test and replace go through it too) while `read` runs. */
function regexRuns(read: () => unknown): number {
	const exec = jest.spyOn(RegExp.prototype, 'exec');
	try {
		read();
		return exec.mock.calls.length;
	} finally {
		exec.mockRestore();
	}
}

const marks = (maxLength: number) =>
	fc
		.array(fc.constantFrom(' ', '  ', '\t', '\n', '\u3000', '.', '/', '-', '년', '월', '일', 'x'), {
			maxLength,
		})
		.map((parts) => parts.join(''));
const spaces = fc.constantFrom('', ' ', '  ', '\t', '\u3000 ');
/** Mostly one mark or a space with spaces around it, now and then any marks. */
const separator = (unit: string) =>
	fc.oneof(
		{
			weight: 3,
			arbitrary: fc
				.tuple(spaces, fc.constantFrom('.', '/', '-', unit, ' '), spaces)
				.map((parts) => parts.join('')),
		},
		{ weight: 1, arbitrary: marks(4) },
	);
const dateText = fc
	.tuple(
		spaces,
		fc.constantFrom('2019', '2020', '20**', '201', '20190'),
		separator('년'),
		fc.constantFrom('9', '09', '12', '13', '*', '**', '123', ''),
		separator('월'),
		fc.constantFrom('1', '10', '31', '30', '*', ''),
		spaces,
		fc.constantFrom('', '.', '일', 'x', '..'),
	)
	.map((parts) => parts.join(''));

describe('readDate reads as the regex it replaced', () => {
	test('date-like texts and runs of marks: the same reading (20,000 texts, fixed seed)', () => {
		fc.assert(
			fc.property(fc.oneof(dateText, marks(12)), (text) => {
				const [now, before] = [readDate(text), readDateBefore(text)];
				return now.status === before.status && now.iso === before.iso;
			}),
			{ numRuns: 20_000, seed: 18 },
		);
	});

	test.each(['2019 . 09 . 10', '2019 년 9 월 10 일', '2019  9  10 .', '2019\t9\n10'])(
		'%j',
		(text) => {
			expect(readDate(text)).toEqual(readDateBefore(text));
			expect(readDate(text).status).toBe('valid');
		},
	);
});

describe(`a date text over ${MAX_DATE_TEXT_LENGTH} characters is not read`, () => {
	test('the documented 10 characters and the longest form (13) are far below the cap', () => {
		for (const text of ['2020.08.16', '2029 12.31', '2019년 12월 31일', '2019. 12. 31.']) {
			expect(text.length).toBeLessThanOrEqual(13);
			expect(readDate(text).status).toBe('valid');
		}
	});

	test('a date padded to the cap is read; one more character and it is unrecognized, unparsed', () => {
		const atCap = '2019.09.10'.padEnd(MAX_DATE_TEXT_LENGTH, ' ');
		expect(readDate(atCap)).toEqual({ status: 'valid', iso: '2019-09-10' });
		const overCap = atCap + ' ';
		let reading: DateReading | undefined;
		expect(regexRuns(() => (reading = readDate(overCap)))).toBe(0);
		expect(reading).toEqual(UNRECOGNIZED);
	});

	test('the 1.6 KB text that took the regex 1 s: unrecognized, without a regex run', () => {
		const text = '2019' + ' '.repeat(530) + '1' + ' '.repeat(530) + '1' + ' '.repeat(530) + 'x';
		let reading: DateReading | undefined;
		expect(regexRuns(() => (reading = readDate(text)))).toBe(0);
		expect(reading).toEqual(UNRECOGNIZED);
	});

	test('a formatted part over the cap: unrecognized, without a regex run', () => {
		const parts = { year: '2019', month: '09', day: '1'.padStart(MAX_DATE_TEXT_LENGTH + 1, '0') };
		let reading: DateReading | undefined;
		expect(regexRuns(() => (reading = readDate('2019.09.10', parts)))).toBe(0);
		expect(reading).toEqual(UNRECOGNIZED);
	});

	test('the count of regex runs sees a date that is read', () => {
		expect(regexRuns(() => readDate('2019.09.10'))).toBeGreaterThan(0);
	});
});
