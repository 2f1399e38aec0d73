import { PRODUCTS } from '../../model/products';
import { NO_RULES } from '../../review/documentRules';
import type { OperationDefinition, Product } from '../product';
import { readTextOutcome, type TextOutput } from './readTextOutcome';
import { textRedactionDocument } from './textRedaction';
import { textPagesOf } from './textPages';

/** General OCR: any image or every page of a PDF or TIFF, as words, lines, text or tables. */
const GENERAL_PRODUCT: Product = {
	id: 'general',
	resultKey: 'fields',
	documentOf: (image, node, itemIndex) =>
		textRedactionDocument(textPagesOf(node, itemIndex, { images: [image] })),
	rules: NO_RULES,
	pages: 'many',
};

export const readText: OperationDefinition = {
	subtitle: 'Read Text',
	outputs: ['lines', 'words', 'text', 'tables', 'raw'],
	option: {
		name: 'Read Text',
		value: 'readText',
		description: `Read the text and tables of any image or multi-page PDF with General OCR (${PRODUCTS.general.path})`,
		action: 'Read text',
	},
	productOf: () => GENERAL_PRODUCT,
	messageOf: ({ languages, tableDetection }) => ({
		...(languages.length > 0 ? { lang: languages.join(',') } : {}),
		...(tableDetection ? { enableTableDetection: true } : {}),
	}),
	readAnswer: (node, itemIndex, answer, parameters) =>
		readTextOutcome(node, itemIndex, answer, {
			output: parameters.output as TextOutput,
			includePolygons: parameters.includePolygons,
			revealSensitiveValues: parameters.revealSensitiveValues,
			firstRowIsHeader: parameters.firstRowIsHeader ?? false,
		}),
};
