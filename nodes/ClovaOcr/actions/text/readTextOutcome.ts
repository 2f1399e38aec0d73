import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ParsedIdCardResponse } from '../../response/parseResponse';
import type { AnswerOutcome } from '../answerOutcome';
import type { TextOutputMode } from '../product';
import { lineItems } from './lineItems';
import { pageTextItems } from './pageTextItems';
import { tableRowItems } from './tableRowItems';
import { textPagesOf, type TextPage } from './textPages';
import { textRedactionDocument } from './textRedaction';
import { wordItems } from './wordItems';

/** Read Text's outputs (its Output parameter, actions/text/text.resource.ts). */
export type TextOutput = TextOutputMode | 'raw';

export interface ReadTextParameters {
	output: TextOutput;
	includePolygons: boolean;
	revealSensitiveValues: boolean;
	firstRowIsHeader: boolean;
}

function noText(node: INode, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, 'CLOVA OCR read the image but found no text', {
		itemIndex,
		description:
			'Use a sharp, well-lit photo or a scan of at least 300 dpi, the right way up, of a page that shows text.',
	});
}

function noTable(node: INode, itemIndex: number, headerOnly: boolean): NodeOperationError {
	if (headerOnly)
		return new NodeOperationError(node, 'CLOVA OCR found no table rows below the header row', {
			itemIndex,
			description:
				'Every table found has a single row. Turn off First Row Is Header in the options to get it as an item.',
		});
	return new NodeOperationError(node, 'CLOVA OCR found no table in the image', {
		itemIndex,
		description:
			"Turn on table detection in the node's options (Detect Tables) and in the domain's settings (table extraction, in the CLOVA OCR console), or choose another output.",
	});
}

function textItems(
	pages: readonly TextPage[],
	parameters: ReadTextParameters,
): IDataObject[] | null {
	switch (parameters.output) {
		case 'words':
			return wordItems(pages, parameters);
		case 'lines':
			return lineItems(pages);
		case 'text':
			return pageTextItems(pages);
		default:
			return null;
	}
}

/**
 * The output items of one General OCR answer, unmasked: they leave the node through the
 * boundary's exit, which masks them as `disclosure` says. Throws for a page the service could
 * not read, an answer with no text (no table for the Tables output): an input item never
 * disappears without a word.
 */
export function readTextOutcome(
	node: INode,
	itemIndex: number,
	{ response, json }: ParsedIdCardResponse,
	parameters: ReadTextParameters,
): AnswerOutcome {
	const pages = textPagesOf(node, itemIndex, response);
	const document = textRedactionDocument(pages);
	if (parameters.output === 'raw')
		return {
			rows: json.images.map((image) => ({ json: image as IDataObject })),
			disclosure: 'raw',
			document,
		};
	const disclosure = parameters.revealSensitiveValues ? 'revealed' : 'masked';
	let items = textItems(pages, parameters);
	if (items === null) {
		if (!pages.some((page) => page.tables.length > 0)) throw noTable(node, itemIndex, false);
		items = tableRowItems(pages, parameters);
		if (items.length === 0) {
			const headerOnly =
				parameters.firstRowIsHeader && tableRowItems(pages, { firstRowIsHeader: false }).length > 0;
			throw noTable(node, itemIndex, headerOnly);
		}
	} else if (!pages.some((page) => page.words.length > 0)) throw noText(node, itemIndex);
	return { rows: items.map((item) => ({ json: item })), disclosure, document };
}
