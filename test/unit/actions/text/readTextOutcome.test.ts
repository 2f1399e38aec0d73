/**
 * readTextOutcome: the rows of each output, how much of them may show, the document for the
 * redacted copy, and the errors that keep an input item from vanishing without a word.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	readTextOutcome,
	type ReadTextParameters,
	type TextOutput,
} from '../../../../nodes/ClovaOcr/actions/text/readTextOutcome';
import { ResponseShapeError } from '../../../../nodes/ClovaOcr/response/responseShapeError';
import {
	answerOf,
	cell,
	node,
	page,
	parsed,
	twoPageAnswer,
	word,
} from '../../../fixtures/general/twoPageAnswer';

const parameters = (output: TextOutput, extra: Partial<ReadTextParameters> = {}) => ({
	output,
	includePolygons: false,
	revealSensitiveValues: false,
	firstRowIsHeader: false,
	...extra,
});

const outcomeOf = (
	answer: Record<string, unknown>,
	output: TextOutput,
	extra: Partial<ReadTextParameters> = {},
) => readTextOutcome(node, 3, parsed(answer), parameters(output, extra));

function thrownBy(run: () => unknown): Error {
	try {
		run();
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a throw');
}

describe('readTextOutcome: each output', () => {
	test.each([
		['words', 7, 'word'],
		['lines', 3, 'line'],
		['text', 2, 'text'],
	] as const)('%s: %i rows of field %s, masked by default', (output, count, field) => {
		const { rows, disclosure } = outcomeOf(twoPageAnswer(), output);
		expect(disclosure).toBe('masked');
		expect(rows).toHaveLength(count);
		expect(rows.every((row) => row.json.field === field)).toBe(true);
	});

	test('tables: one row per table row', () => {
		const { rows, disclosure } = outcomeOf(twoPageAnswer(), 'tables');
		expect(disclosure).toBe('masked');
		expect(rows.map((row) => row.json.column2)).toEqual(['금액\n합계', '1,000 원']);
	});

	test('tables, First Row Is Header', () => {
		const { rows } = outcomeOf(twoPageAnswer(), 'tables', { firstRowIsHeader: true });
		expect(rows.map((row) => row.json['금액 합계'])).toEqual(['1,000 원']);
	});

	test('Include Polygons reaches the word items', () => {
		const { rows } = outcomeOf(twoPageAnswer(), 'words', { includePolygons: true });
		expect(rows.every((row) => 'polygon' in row.json)).toBe(true);
	});

	test('Reveal Sensitive Values: disclosure revealed', () => {
		expect(outcomeOf(twoPageAnswer(), 'lines', { revealSensitiveValues: true }).disclosure).toBe(
			'revealed',
		);
	});

	test('raw: one row per page image exactly as sent, disclosure raw', () => {
		const answer = parsed(twoPageAnswer());
		const { rows, disclosure } = readTextOutcome(node, 0, answer, parameters('raw'));
		expect(disclosure).toBe('raw');
		expect(rows).toHaveLength(2);
		rows.forEach((row, i) => expect(row.json).toBe(answer.json.images[i]));
		expect(rows[0].json.fields).toEqual(
			(twoPageAnswer().images as Array<Record<string, unknown>>)[0].fields,
		);
	});

	test('every output carries the document for the redacted copy', () => {
		for (const output of ['words', 'lines', 'text', 'tables', 'raw'] as const) {
			const { document } = outcomeOf(twoPageAnswer(), output);
			expect(document.documentType).toBe('text');
			expect(document.fields.map((field) => field.field)).toEqual(['page1', 'page2']);
		}
	});
});

describe('readTextOutcome: no item vanishes without a word', () => {
	const noWords = answerOf([page(0, []), page(1, [])]);

	test.each(['words', 'lines', 'text'] as const)('%s with no words at all throws', (output) => {
		const error = thrownBy(() => outcomeOf(noWords, output));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('CLOVA OCR read the image but found no text');
		expect((error as NodeOperationError).description).toBe(
			'Use a sharp, well-lit photo or a scan of at least 300 dpi, the right way up, of a page that shows text.',
		);
		expect((error as NodeOperationError).context.itemIndex).toBe(3);
	});

	test('raw with no words still gives the pages', () => {
		expect(outcomeOf(noWords, 'raw').rows).toHaveLength(2);
	});

	test('tables without a table: table detection is off somewhere', () => {
		const error = thrownBy(() => outcomeOf(answerOf([page(0, [word('a')])]), 'tables'));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('CLOVA OCR found no table in the image');
		expect((error as NodeOperationError).description).toBe(
			"Turn on table detection in the node's options (Detect Tables) and in the domain's settings (table extraction, in the CLOVA OCR console), or choose another output.",
		);
	});

	test('tables whose cells have no place count as no table', () => {
		const answer = answerOf([page(0, [], { tables: [{ cells: [{ cellTextLines: [] }] }] })]);
		expect(thrownBy(() => outcomeOf(answer, 'tables')).message).toBe(
			'CLOVA OCR found no table in the image',
		);
	});

	test('tables of a header row alone, read with a header', () => {
		const answer = answerOf([page(0, [], { tables: [{ cells: [cell(0, 0, [['h']])] }] })]);
		const error = thrownBy(() => outcomeOf(answer, 'tables', { firstRowIsHeader: true }));
		expect(error.message).toBe('CLOVA OCR found no table rows below the header row');
		expect((error as NodeOperationError).description).toBe(
			'Every table found has a single row. Turn off First Row Is Header in the options to get it as an item.',
		);
		expect(outcomeOf(answer, 'tables').rows.map((row) => row.json.column1)).toEqual(['h']);
	});

	test('a page the service could not read fails the item, whatever the output', () => {
		const answer = twoPageAnswer();
		(answer.images as Array<Record<string, unknown>>)[1].inferResult = 'FAILURE';
		for (const output of ['words', 'raw'] as const)
			expect(thrownBy(() => outcomeOf(answer, output))).toBeInstanceOf(NodeApiError);
	});

	test('a broken shape fails the item, the raw output too', () => {
		const answer = answerOf([page(0, [{ inferText: 1 }])]);
		expect(thrownBy(() => outcomeOf(answer, 'raw'))).toBeInstanceOf(ResponseShapeError);
	});
});
