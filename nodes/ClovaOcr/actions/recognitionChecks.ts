import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	DOCUMENT_TYPES,
	isIdDocumentType,
	withArticle,
	type IdDocumentType,
} from '../model/documentTypes';
import type { RecognizedDocument } from '../response/recognizedDocument';
import { modelSectionOf } from '../response/modelSection';
import type { ImageResult } from '../response/schema';
import { INFER_RESULTS, serviceFreeText, serviceToken } from '../boundary/serviceText';

/**
 * `inferResult` FAILURE or ERROR: the call worked, the reading did not. The tables mark
 * `inferResult` optional: a missing one with a `<resultKey>.result` (`idCard.result`…) is read
 * as a result; a missing one without a result fails like ERROR (there is nothing to output).
 */
export function assertImageWasRead(
	node: INode,
	image: ImageResult,
	itemIndex: number,
	resultKey = 'idCard',
): void {
	const hasResult = modelSectionOf(image, resultKey)?.result !== undefined;
	assertRead(node, image, itemIndex, { hasResult, result: `${resultKey}.result` });
}

/** What a product's answer holds its result in, for assertRead. */
export interface ReadResult {
	/** Whether the image holds it: a missing `inferResult` then counts as SUCCESS. */
	hasResult: boolean;
	/** How a message names it (`idCard.result`, `fields`). */
	result: string;
	/** Which page of a multi-page answer, for the description. */
	page?: number;
}

/** The one read check of every product: SUCCESS, or no `inferResult` beside a result. */
export function assertRead(
	node: INode,
	image: ImageResult,
	itemIndex: number,
	{ hasResult, result, page }: ReadResult,
): void {
	if (image.inferResult === 'SUCCESS') return;
	if (image.inferResult === undefined && hasResult) return;
	// The service's own words are echoed only as documented tokens or scrubbed free text.
	const inferResult = serviceToken(image.inferResult, INFER_RESULTS);
	const answer =
		image.inferResult === undefined
			? `without inferResult and without ${result}`
			: `inferResult ${inferResult ?? '(not a documented value)'}`;
	const said = serviceFreeText(image.message);
	const where = page === undefined ? '' : ` for page ${page + 1}`;
	throw new NodeApiError(
		node,
		{ inferResult },
		{
			message: `CLOVA OCR could not read the image: ${said ?? `the service answered ${answer}`}`,
			description: `The service answered ${answer}${where}. Use a sharp, well-lit photo of the whole document, or a scan of at least 300 dpi, with nothing covering it.`,
			itemIndex,
		},
	);
}

function recognizedName(document: RecognizedDocument): string {
	if (document.idType) return withArticle(document.idType);
	return isIdDocumentType(document.documentType)
		? withArticle(DOCUMENT_TYPES[document.documentType].displayName)
		: 'no known ID';
}

/** The operation names one document type; anything else is a wrong input, not a result. */
export function assertExpectedDocument(
	node: INode,
	document: RecognizedDocument,
	expects: IdDocumentType | null,
	itemIndex: number,
): void {
	if (expects === null || document.documentType === expects) return;
	throw new NodeOperationError(
		node,
		`Expected ${withArticle(DOCUMENT_TYPES[expects].displayName)}, but CLOVA OCR recognized ${recognizedName(document)}`,
		{
			itemIndex,
			description:
				'Check that the right file reached this node, or use the operation "Recognize Any ID" to accept every ID type and route on the documentType field.',
		},
	);
}
