import type { IExecuteFunctions } from 'n8n-workflow';

import { readChoice } from '../../../nodes/ClovaOcr/actions/choiceParameter';

const ctx = {
	getNode: () => ({
		id: 'n',
		name: 'CLOVA OCR',
		type: 'n8n-nodes-clova-ocr.clovaOcr',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	}),
} as unknown as IExecuteFunctions;

const OUTPUT = { displayName: 'Output', values: ['fields', 'document', 'raw'] as const };

describe('readChoice', () => {
	test.each([
		['document', 'document'],
		['raw', 'raw'],
		[undefined, 'fields'],
	])('%p', (value, expected) => {
		expect(readChoice(ctx, 0, OUTPUT, value, 'fields')).toBe(expected);
	});

	test.each(['Raw', 'raw ', '', 1, null, { raw: true }, 'recognizeAny 800101-1234567'])(
		'%p fails the item, naming the parameter and its values, not the value',
		(value) => {
			expect(() => readChoice(ctx, 3, OUTPUT, value, 'fields')).toThrow(
				expect.objectContaining({
					message: 'Output must be one of: fields, document, raw',
					context: expect.objectContaining({ itemIndex: 3 }),
				}),
			);
		},
	);
});
