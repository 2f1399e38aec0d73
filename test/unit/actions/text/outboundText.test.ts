/**
 * The Words, Lines and Text outputs through the boundary (outboundRows, masked): the boundary
 * reads the items of one `field` together, so the synthetic number 900101-1234567 split across
 * two words (on one line, or across a line break) loses every digit after its seventh in each
 * output, and nothing else changes.
 */
import type { IDataObject } from 'n8n-workflow';

import { readTextOutcome } from '../../../../nodes/ClovaOcr/actions/text/readTextOutcome';
import type { TextOutput } from '../../../../nodes/ClovaOcr/actions/text/readTextOutcome';
import { outboundRows } from '../../../../nodes/ClovaOcr/boundary/outboundItems';
import { node, parsed, twoPageAnswer } from '../../../fixtures/general/twoPageAnswer';

function outbound(output: TextOutput, breakInsideNumber: boolean, reveal = false): IDataObject[] {
	const { rows, disclosure } = readTextOutcome(node, 0, parsed(twoPageAnswer(breakInsideNumber)), {
		output,
		includePolygons: true,
		revealSensitiveValues: reveal,
		firstRowIsHeader: false,
	});
	return outboundRows(rows, disclosure).map((row) => row.json);
}

const readings = (items: IDataObject[]) => items.flatMap((item) => [item.text, item.value]);

/** Every string of the items, any depth, with all but digits and masks dropped. */
function digitsOf(items: IDataObject[]): string {
	return JSON.stringify(items.map((item) => [item.text, item.value])).replace(/[^0-9*]/g, '');
}

describe.each([
	['on one line', false],
	['across a line break', true],
])('a number split across two words %s', (_, breakInsideNumber) => {
	test('words: the second word keeps its first digit only', () => {
		const items = outbound('words', breakInsideNumber);
		expect(items.map((item) => item.text)).toEqual([
			'성명',
			'홍길동',
			'주민번호',
			'900101-',
			'1******',
			'Total',
			'1,000',
		]);
		expect(items.map((item) => item.value)).toEqual(items.map((item) => item.text));
	});

	test('lines', () => {
		const texts = outbound('lines', breakInsideNumber).map((item) => item.text);
		expect(texts).toEqual(
			breakInsideNumber
				? ['성명 홍길동', '주민번호 900101-', '1******', 'Total 1,000']
				: ['성명 홍길동', '주민번호 900101- 1******', 'Total 1,000'],
		);
	});

	test('text', () => {
		const texts = outbound('text', breakInsideNumber).map((item) => item.text);
		expect(texts).toEqual([
			breakInsideNumber
				? '성명 홍길동\n주민번호 900101-\n1******'
				: '성명 홍길동\n주민번호 900101- 1******',
			'Total 1,000',
		]);
	});

	test.each(['words', 'lines', 'text'] as const)(
		'%s: no digit after the seventh survives, in text or value',
		(output) => {
			const items = outbound(output, breakInsideNumber);
			expect(digitsOf(items)).not.toMatch(/234567/);
			for (const reading of readings(items)) expect(reading).not.toMatch(/2\s*3\s*4\s*5\s*6\s*7/);
			expect(JSON.stringify(items)).not.toContain('1234567');
		},
	);

	test('Reveal Sensitive Values shows the number in full', () => {
		expect(outbound('words', breakInsideNumber, true)[4].text).toBe('1234567');
	});
});
