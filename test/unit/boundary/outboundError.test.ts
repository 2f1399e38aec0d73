import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { outboundError } from '../../../nodes/ClovaOcr/boundary/outboundError';
import { outboundText } from '../../../nodes/ClovaOcr/boundary/outboundText';

const NODE: INode = {
	id: 'n',
	name: 'CLOVA OCR',
	type: 'n8n-nodes-clova-ocr.clovaOcr',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('outboundError: a new error made of masked text, a status and a documented code', () => {
	test('an API error keeps its status and documented code, not the service answer', () => {
		const original = new NodeApiError(
			NODE,
			{ code: '0011', message: 'bad 800101-1234567', httpCode: 400 },
			{
				message: 'Refused 800101-1234567',
				description: 'see 1234567',
				httpCode: '400',
				itemIndex: 3,
			},
		);
		const sent = outboundError(NODE, original);
		expect(sent).toBeInstanceOf(NodeApiError);
		expect(sent).not.toBe(original);
		expect(sent.message).toBe('Refused 800101-1******');
		expect(sent.description).toBe('see 1******');
		expect((sent as NodeApiError).httpCode).toBe('400');
		expect(sent.errorResponse).toEqual({ httpCode: '400', code: '0011' });
		expect(sent.messages).toEqual([]);
		expect(sent.context.itemIndex).toBe(3);
		expect(sent.stack).not.toContain('1234567');
	});

	test('an undocumented code and an odd status are dropped', () => {
		const original = new NodeApiError(NODE, { code: '1234567' }, { message: 'x', httpCode: 'abc' });
		expect(outboundError(NODE, original).errorResponse).toEqual({});
	});

	test('an operation error, and any other error, become operation errors', () => {
		const operation = outboundError(
			NODE,
			new NodeOperationError(NODE, 'Expected 800101-1234567', { itemIndex: 1 }),
		);
		expect(operation).toBeInstanceOf(NodeOperationError);
		expect([operation.message, operation.context.itemIndex]).toEqual([
			'Expected 800101-1******',
			1,
		]);
		const plain = outboundError(NODE, new TypeError('bad 800101-1234567'), 2);
		expect([plain.message, plain.context.itemIndex]).toEqual(['bad 800101-1******', 2]);
		expect(outboundError(NODE, undefined, 0).message).toBe('The item failed');
	});
});

describe('outboundText', () => {
	test.each([
		['a number', 'x 800101-1234567', 'x 800101-1******'],
		['a back half alone', 'x 1234567 y', 'x 1****** y'],
		['the node longest number', 'no answer within 600000 ms', 'no answer within 600000 ms'],
		['codes and statuses', 'CLOVA OCR error 0025, HTTP 400', 'CLOVA OCR error 0025, HTTP 400'],
	])('%s', (_case, text, expected) => {
		expect(outboundText(text)).toBe(expected);
	});
});

describe('outboundError for a model (the node runs as an AI Agent tool)', () => {
	test('the message carries what to do, masked, once', () => {
		const original = new NodeOperationError(NODE, 'The Image URL points at 800101-1234567', {
			description: 'Send a URL on the public internet, or the image itself as base64.',
			itemIndex: 0,
		});
		const sent = outboundError(NODE, original, undefined, true);
		expect(sent.message).toBe(
			'The Image URL points at 800101-1******. Send a URL on the public internet, or the image itself as base64.',
		);
		expect(sent.description).toBe(
			'Send a URL on the public internet, or the image itself as base64.',
		);
		expect(outboundError(NODE, sent, undefined, true).message).toBe(sent.message);
	});

	test('a message ending in a stop is not given another; no description leaves it alone', () => {
		const stopped = new NodeOperationError(NODE, 'Refused.', { description: 'Send a PNG.' });
		expect(outboundError(NODE, stopped, 0, true).message).toBe('Refused. Send a PNG.');
		const bare = new NodeOperationError(NODE, 'Refused');
		expect(outboundError(NODE, bare, 0, true).message).toBe('Refused');
	});

	test('for people (not a tool) the message stays as it was', () => {
		const original = new NodeOperationError(NODE, 'Refused', { description: 'Send a PNG.' });
		expect(outboundError(NODE, original, 0).message).toBe('Refused');
	});
});
