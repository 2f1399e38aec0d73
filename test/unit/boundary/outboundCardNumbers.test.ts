/**
 * outboundRows for card numbers: a credit card's number fields and a receipt's
 * `paymentInfo.cardInfo.number` show their last four positions only (field items of one field
 * taken together, document columns one by one); Reveal Sensitive Values shows them whole.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { outboundRows } from '../../../nodes/ClovaOcr/boundary/outboundItems';

const fieldItem = (
	documentType: string,
	field: string,
	index: number,
	text: string,
	value = text,
) => ({
	json: { documentType, field, index, text, value, keyText: '' },
});

const readings = (rows: INodeExecutionData[]) => rows.map(({ json }) => [json.text, json.value]);

describe('outboundRows, masked: field items of a card number', () => {
	test.each<[string, INodeExecutionData[], unknown[][]]>([
		[
			'a credit card number',
			[fieldItem('creditCard', 'number', 0, '1234-5678-9012-3456')],
			[['****-****-****-3456', '****-****-****-3456']],
		],
		[
			'15 digits (Amex)',
			[fieldItem('creditCard', 'number', 0, '3782-822463-10005')],
			[['****-******-*0005', '****-******-*0005']],
		],
		[
			'12 digits',
			[fieldItem('creditCard', 'number', 0, '1234-5678-9012')],
			[['****-****-9012', '****-****-9012']],
		],
		[
			'split across items: one number',
			[
				fieldItem('creditCard', 'number', 0, '1234-5678-'),
				fieldItem('creditCard', 'number', 1, '9012-3456'),
			],
			[
				['****-****-', '****-****-'],
				['****-3456', '****-3456'],
			],
		],
		[
			'text and value that disagree on the last four: nothing shows',
			[fieldItem('creditCard', 'number', 0, '1234-5678-9012-3456', '1234-5678-9012-3457')],
			[['****-****-****-****', '****-****-****-****']],
		],
		[
			'any key that names a number (card.cardNo)',
			[fieldItem('creditCard', 'card.cardNo', 0, 'No. 1234-5678-9012-3456')],
			[['N*. ****-****-****-3456', 'N*. ****-****-****-3456']],
		],
		[
			'a receipt’s card number the service masked: what stands in its last four',
			[fieldItem('receipt', 'paymentInfo.cardInfo.number', 0, '9410-61**-****-123*')],
			[['****-****-****-123*', '****-****-****-123*']],
		],
		[
			'a receipt’s card number',
			[fieldItem('receipt', 'paymentInfo.cardInfo.number', 0, '9410-6112-3456-1234')],
			[['****-****-****-1234', '****-****-****-1234']],
		],
		[
			'other fields of a credit card are let out as they are',
			[
				fieldItem('creditCard', 'validThru', 0, '12/28'),
				fieldItem('creditCard', 'name', 0, 'HONG GILDONG'),
			],
			[
				['12/28', '12/28'],
				['HONG GILDONG', 'HONG GILDONG'],
			],
		],
		[
			'the same key on another document type is not a card number',
			[
				fieldItem('nameCard', 'number', 0, '010-1234-5678'),
				fieldItem('receipt', 'number', 0, '1234-5678-9012-3456'),
			],
			[
				['010-1234-5678', '010-1234-5678'],
				['1234-5678-9012-3456', '1234-5678-9012-3456'],
			],
		],
	])('%s', (_case, rows, expected) => {
		expect(readings(outboundRows(rows, 'masked'))).toEqual(expected);
	});
});

describe('outboundRows, masked: document columns of a card number', () => {
	test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
		[
			'a credit card: number only',
			{
				documentType: 'creditCard',
				number: '1234-5678-9012-3456',
				validThru: '12/28',
				name: 'HONG',
			},
			{
				documentType: 'creditCard',
				number: '****-****-****-3456',
				validThru: '12/28',
				name: 'HONG',
			},
		],
		[
			'values joined by line breaks: one number',
			{ documentType: 'creditCard', number: '1234-5678-\n9012-3456' },
			{ documentType: 'creditCard', number: '****-****-\n****-3456' },
		],
		[
			'a receipt: paymentInfo.cardInfo.number only',
			{
				documentType: 'receipt',
				'paymentInfo.cardInfo.number': '9410-6112-3456-1234',
				'paymentInfo.confirmNum': '30012345',
			},
			{
				documentType: 'receipt',
				'paymentInfo.cardInfo.number': '****-****-****-1234',
				'paymentInfo.confirmNum': '30012345',
			},
		],
		[
			'four digits or fewer: nothing tells they are the last four',
			{ documentType: 'creditCard', number: '3456' },
			{ documentType: 'creditCard', number: '****' },
		],
	])('%s', (_case, json, expected) => {
		expect(outboundRows([{ json: json as never }], 'masked')[0].json).toEqual(expected);
	});
});

describe('outboundRows, revealed: card numbers whole', () => {
	test('field items and document columns as they came', () => {
		const rows: INodeExecutionData[] = [
			fieldItem('creditCard', 'number', 0, '1234 5678 9012 3456', '1234567890123456'),
			fieldItem('receipt', 'paymentInfo.cardInfo.number', 0, '9410-6112-3456-1234'),
			{ json: { documentType: 'creditCard', number: '1234-5678-9012-3456' } },
		];
		const revealed = outboundRows(rows, 'revealed');
		expect(revealed.map((row) => row.json)).toEqual(rows.map((row) => row.json));
		expect(revealed[0].json).not.toBe(rows[0].json);
	});

	test('the input items are not changed by masking', () => {
		const rows = [fieldItem('creditCard', 'number', 0, '1234-5678-9012-3456')];
		outboundRows(rows, 'masked');
		expect(rows[0].json.text).toBe('1234-5678-9012-3456');
	});
});

// The content rule must not run over what the card rule left: it would read `*` as positions,
// find a registration-number shape in 16 positions and hide the last four too.
describe('the last four of a card number written with spaces or no separators', () => {
	test.each<[string, INodeExecutionData[], unknown[][]]>([
		[
			'spaces, as the emulator’s credit card sends it (value without spaces)',
			[fieldItem('creditCard', 'number', 0, '5412 7512 3412 3452', '5412751234123452')],
			[['**** **** **** 3452', '************3452']],
		],
		[
			'dashes in the text, none in the value',
			[fieldItem('creditCard', 'number', 0, '1234-5678-9012-3456', '1234567890123456')],
			[['****-****-****-3456', '************3456']],
		],
		[
			'a receipt’s number without separators',
			[fieldItem('receipt', 'paymentInfo.cardInfo.number', 0, '9410611234561234')],
			[['************1234', '************1234']],
		],
	])('field items: %s', (_case, rows, expected) => {
		expect(readings(outboundRows(rows, 'masked'))).toEqual(expected);
	});

	test('document column: `5412 7512 3412 3452` shows `3452`', () => {
		const [row] = outboundRows(
			[{ json: { documentType: 'creditCard', number: '5412 7512 3412 3452' } }],
			'masked',
		);
		expect(row.json.number).toBe('**** **** **** 3452');
	});
});
