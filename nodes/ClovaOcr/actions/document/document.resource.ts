import type { ResourceDefinition } from '../product';
import { recognizeDocument } from './recognizeDocument.operation';

/** The other Document OCR models: receipts, credit cards, business cards, foreign passports. */
export const documentResource: ResourceDefinition = {
	option: {
		name: 'Other Document',
		value: 'document',
		description: 'Receipts, credit cards, business cards and foreign passports',
	},
	operations: { recognizeDocument },
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['document'] } },
			options: [recognizeDocument.option],
			default: 'recognizeDocument',
		},
		{
			displayName: 'Document Model',
			name: 'documentModel',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['document'], operation: ['recognizeDocument'] } },
			options: [
				{
					name: 'Business Card',
					value: 'nameCard',
					description: 'Name, company, title, phone numbers, email (/document/name-card)',
				},
				{
					name: 'Credit Card',
					value: 'creditCard',
					description:
						'The card number (masked but its last four digits unless Reveal Sensitive Values is on), expiry, holder (/document/credit-card)',
				},
				{
					name: 'Foreign Passport',
					value: 'passport',
					description: 'A passport read from its machine-readable zone (/document/passport)',
				},
				{
					name: 'Receipt',
					value: 'receipt',
					description: 'Store, payment, item lines and totals (/document/receipt)',
				},
			],
			default: 'receipt',
			description:
				'Which Document OCR model reads the image. The Invoke URL must be that model’s domain: one domain serves one model.',
		},
	],
};
