import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemOutcome } from '../boundary/exit';
import { toDocumentItem } from '../output/documentItem';
import { toFieldItems } from '../output/fieldItems';
import { itemSourceOf } from '../output/itemSource';
import type { ParsedIdCardResponse } from '../response/parseResponse';
import { imageFactsOf } from '../response/imageFacts';
import type { RecognizedDocument } from '../response/recognizedDocument';
import { answerPages } from '../response/answerPages';
import type { ImageResult } from '../response/schema';
import { reviewDocument } from '../review/reviewDocument';
import { productOfOperation } from './operations';
import type { RecognizeParameters } from './parameters';
import type { Product } from './product';
import { assertImageWasRead } from './recognitionChecks';

export type RecognizedOutcome = Extract<ItemOutcome, { rows: unknown }>;

export interface AnswerOutcome extends RecognizedOutcome {
	/** The document as recognized, unmasked: the redacted copy reads its polygons. */
	document: RecognizedDocument;
}

export type AnswerParameters = Pick<
	RecognizeParameters,
	'operation' | 'output' | 'includePolygons' | 'revealSensitiveValues' | 'minConfidence'
> &
	Partial<Pick<RecognizeParameters, 'documentModel' | 'firstRowIsHeader'>>;

/**
 * The output items of one checked answer, unmasked: they leave the node through the
 * boundary's exit, which masks them as `disclosure` says. Throws for an image the service
 * could not read, a document the operation does not accept, or a document with no fields.
 * A product that reads many pages (Template OCR) gives the items of every page in order; the
 * document returned (for the redacted copy, which a multi-page file never gets) is the first.
 */
export function answerOutcome(
	node: INode,
	itemIndex: number,
	{ response, json }: ParsedIdCardResponse,
	parameters: AnswerParameters,
	runDate: string,
): AnswerOutcome {
	const product = productOfOperation(parameters.operation, parameters);
	const images =
		product.pages === 'many' ? answerPages(response.images) : response.images.slice(0, 1);
	const outcomes = images.map((image, page) =>
		imageOutcome(
			node,
			itemIndex,
			{ product, response, image, rawImage: json.images[page] },
			parameters,
			runDate,
		),
	);
	return { ...outcomes[0], rows: outcomes.flatMap(({ rows }) => rows) };
}

/** One image of an answer, and what reads it. */
interface AnswerImage {
	product: Product;
	response: ParsedIdCardResponse['response'];
	image: ImageResult;
	/** The image as the service sent it, for the raw output. */
	rawImage: unknown;
}

function imageOutcome(
	node: INode,
	itemIndex: number,
	{ product, response, image: imageResult, rawImage }: AnswerImage,
	parameters: AnswerParameters,
	runDate: string,
): AnswerOutcome {
	if (product.assertRead) product.assertRead(imageResult, node, itemIndex);
	else assertImageWasRead(node, imageResult, itemIndex, product.resultKey);
	const document = product.documentOf(imageResult, node, itemIndex);

	if (parameters.output === 'raw')
		return { rows: [{ json: rawImage as IDataObject }], disclosure: 'raw', document };
	const source = itemSourceOf(response, imageResult);
	const facts = imageFactsOf(imageResult, product.resultKey);
	const review = reviewDocument(
		document,
		{ runDate, minConfidence: parameters.minConfidence, validationResult: facts.validationResult },
		product.rules,
	);
	const disclosure = parameters.revealSensitiveValues ? 'revealed' : 'masked';
	if (parameters.output === 'document') {
		const item = toDocumentItem(document, source, review.document, facts);
		return { rows: [{ json: item }], disclosure, document };
	}
	const items = toFieldItems(
		document,
		source,
		review.fields,
		{ includePolygons: parameters.includePolygons },
		facts,
	);
	if (items.length === 0) {
		throw new NodeOperationError(node, 'CLOVA OCR recognized the document but returned no fields', {
			itemIndex,
			description:
				'Use a sharper photo of the whole document, or choose the output "One Item per Document".',
		});
	}
	return {
		rows: items.map((item) => ({ json: item as unknown as IDataObject })),
		disclosure,
		document,
	};
}
