import fc from 'fast-check';

import { directCount } from '../../../nodes/ClovaOcr/input/pdfCount';
import { pdfPageCount } from '../../../nodes/ClovaOcr/input/pdfPageCount';
import { PdfText } from '../../../nodes/ClovaOcr/input/pdfText';
import type { ReadMeter } from '../../../nodes/ClovaOcr/input/readMeter';
import { DIRECT_COUNT_BEFORE, pdfPageCountBefore } from './pdfPageCountBefore';
import { pdfText, soup } from './pdfTexts';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** A PDF whose page tree node (object 2) has this dictionary text. */
function pdfWithPagesNode(pagesNode: string): string {
	return (
		'%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
		`2 0 obj\n<< /Type /Pages ${pagesNode} >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n`
	);
}

function countBefore(body: string): number | null {
	const match = DIRECT_COUNT_BEFORE.exec(body);
	return match === null ? null : Number(match[1]);
}

describe('the page count reads as the regexes did', () => {
	test.each([
		['/Count 3', 3],
		['/Count 8 0 R', null],
		['/Count 8 0 R /Count 2', 2],
		['/Count\n\t 5 /Kids []', 5],
		['/Count 1234567890', 123456789],
		['/Count 1234567890 1 R', null],
		['/Count 12 3 4 R', 1],
		['/Count 1 3 4 R', null],
		['/Count 7 0 Rx', null],
		['/Count5', null],
		['/Count 4', 4],
	])('/Count in %j', (pagesNode, expected) => {
		expect(countBefore(pagesNode)).toBe(expected);
		expect(directCount(new PdfText(pagesNode))).toBe(expected);
		expect(pdfPageCount(latin1(pdfWithPagesNode(pagesNode)))).toBe(expected);
	});

	test('PDF-like texts: the same count as the regex reading (20,000 texts, fixed seed)', () => {
		fc.assert(
			fc.property(fc.oneof(pdfText, soup(40)), (pdf) => {
				return pdfPageCount(latin1(pdf)) === pdfPageCountBefore(pdf);
			}),
			{ numRuns: 20_000, seed: 18 },
		);
	});

	test('any page tree node: the same /Count (5,000 texts, fixed seed)', () => {
		fc.assert(
			fc.property(soup(40), (body) => directCount(new PdfText(body)) === countBefore(body)),
			{ numRuns: 5000, seed: 18 },
		);
	});
});

describe('the page count is linear in the file', () => {
	test('`/Count 1` and 400,000 spaces: 1 page (the regex backtracked for minutes)', () => {
		const body = '/Count 1' + ' '.repeat(400_000);
		expect(directCount(new PdfText(body))).toBe(1);
		expect(pdfPageCount(latin1(pdfWithPagesNode(body)))).toBe(1);
	});

	test.each([
		['spaces', (size: number) => '/Count 1' + ' '.repeat(size)],
		['references', (size: number) => '/Count 1 0 R '.repeat(size / 13)],
		[
			'a reference spread over spaces',
			(size: number) => '/Count 1' + ' '.repeat(size / 2) + '2' + ' '.repeat(size / 2) + 'R',
		],
		['digits', (size: number) => '/Count ' + '1'.repeat(size)],
	])('/Count scan over %s: at most 3 reads per character at 40 KB and 1 MB', (_name, make) => {
		for (const size of [40 * 1024, 1024 * 1024]) {
			const body = make(size);
			const meter: ReadMeter = { reads: 0 };
			directCount(new PdfText(body, meter));
			expect(meter.reads).toBeGreaterThanOrEqual(body.length);
			expect(meter.reads).toBeLessThanOrEqual(3 * body.length);
		}
	});

	// Shapes that make a reading revisit runs: long whitespace, long digit runs, many near-miss
	// keys and object headers. The meter counts the span of each regex pass (the regexp lint
	// proves those cannot backtrack) and each character the /Count scan looks at.
	const adversarial: Array<[string, (size: number) => string]> = [
		['spaces after /Count 1', (size) => pdfWithPagesNode('/Count 1' + ' '.repeat(size))],
		['a reference-like tail', (size) => pdfWithPagesNode('/Count 1 ' + '1 '.repeat(size / 2))],
		['many /Count 1 0', (size) => pdfWithPagesNode('/Count 1 0 '.repeat(size / 11))],
		['many /Root without a reference', (size) => '/Root 1 0 '.repeat(size / 10)],
		['many /Root references', (size) => '/Root 1 0 R'.repeat(size / 11)],
		['object headers that are not', (size) => '/Root 1 0 R\n' + '1 0 '.repeat(size / 4)],
		['spaces after an object number', (size) => '/Root 1 0 R\n1' + ' '.repeat(size)],
		['spaces after /Type', (size) => pdfWithPagesNode('/Type' + ' '.repeat(size))],
		['digits', (size) => '/Root 1 0 R 1 0 obj /Pages ' + '9'.repeat(size)],
	];

	test.each(adversarial)('%s: at most 10 reads per character at 40 KB and 1 MB', (_name, make) => {
		const perCharacter: number[] = [];
		for (const size of [40 * 1024, 1024 * 1024]) {
			const file = make(size);
			const meter: ReadMeter = { reads: 0 };
			pdfPageCount(latin1(file), meter);
			expect(meter.reads).toBeLessThanOrEqual(10 * file.length);
			perCharacter.push(meter.reads / file.length);
		}
		// 25 times the text, about as many reads per character.
		expect(perCharacter[1]).toBeLessThanOrEqual(perCharacter[0] * 1.1 + 0.01);
	});
});
