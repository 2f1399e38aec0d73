import type { ResourceDefinition } from '../product';
import { readText } from './readText.operation';

/** General OCR: text and tables of any image, every page of a PDF or TIFF. */
export const textResource: ResourceDefinition = {
	option: {
		name: 'Text (General OCR)',
		value: 'text',
		description: 'Text and tables of any image, scan or multi-page PDF',
	},
	operations: { readText },
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['text'] } },
			options: [readText.option],
			default: 'readText',
		},
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			displayOptions: { show: { resource: ['text'], operation: ['readText'] } },
			options: [
				{
					name: 'One Item per Line',
					value: 'lines',
					description:
						'Words joined in reading order, one item per line, with its box and lowest confidence',
				},
				{
					name: 'One Item per Page',
					value: 'text',
					description: 'The whole text of each page with line breaks, for an LLM or a search index',
				},
				{
					name: 'One Item per Table Row',
					value: 'tables',
					description:
						'Each row of each table as an item, columns named by position or by the header row (turn on Detect Tables)',
				},
				{
					name: 'One Item per Word',
					value: 'words',
					description: 'One item per word as the service returns it',
				},
				{
					name: 'Raw Response',
					value: 'raw',
					description: "The service's result for each page, as returned",
				},
			],
			default: 'lines',
		},
	],
};
