import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toDocumentItem } from '../output/documentItem';
import { toFieldItems } from '../output/fieldItems';
import { itemSourceOf, type ItemSource } from '../output/itemSource';
import { imageFactsOf, type ImageFacts } from '../response/imageFacts';
import { recognizedDocumentOf, type RecognizedDocument } from '../response/recognizedDocument';
import { reviewDocument, type FieldReview } from '../review/reviewDocument';
import { runDateIn } from '../model/runDate';
import { readInputImage } from '../input/readInputImage';
import type { ItemOutcome } from '../boundary/exit';
import { sendImage, type Sending } from '../transport/sendImage';
import { OPERATIONS } from './operations';
import { readParameters } from './parameters';
import { makeRedactedCopy, withRedactedCopy } from './redactedCopy';
import { assertExpectedDocument, assertImageWasRead } from './recognitionChecks';

type RecognizedOutcome = Extract<ItemOutcome, { rows: unknown }>;

/**
 * Recognizes the image of one input item and returns its output items, unmasked: they leave
 * the node through the boundary's exit, which masks them as `disclosure` says.
 */
export async function recognizeItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	sending: Sending,
): Promise<RecognizedOutcome> {
	const node = ctx.getNode();
	const parameters = readParameters(ctx, itemIndex);
	const image = await readInputImage(ctx, itemIndex, parameters.image, sending.timeoutMs);
	const { response, json } = await sendImage(ctx, itemIndex, image, parameters.uploadMode, sending);

	const imageResult = response.images[0];
	assertImageWasRead(node, imageResult, itemIndex);
	const document = recognizedDocumentOf(imageResult);
	assertExpectedDocument(node, document, OPERATIONS[parameters.operation].expects, itemIndex);

	if (parameters.output === 'raw')
		return { rows: [{ json: json.images[0] as IDataObject }], disclosure: 'raw' };
	const source = itemSourceOf(response, imageResult);
	const facts = imageFactsOf(imageResult);
	const review = reviewDocument(document, {
		runDate: runDateIn(ctx.getTimezone(), new Date()),
		minConfidence: parameters.minConfidence,
		validationResult: facts.validationResult,
	});
	const disclosure = parameters.revealSensitiveValues ? 'revealed' : 'masked';
	const rows: IDataObject[] =
		parameters.output === 'document'
			? [toDocumentItem(document, source, review.document, facts)]
			: fieldRows(
					ctx,
					itemIndex,
					document,
					source,
					review.fields,
					parameters.includePolygons,
					facts,
				);
	const copy = parameters.redactedCopy;
	if (!copy) return { rows: rows.map((json) => ({ json })), disclosure };
	const withCopy = withRedactedCopy(
		rows,
		await makeRedactedCopy(ctx, image, document, copy),
		copy.binaryPropertyName,
	);
	return { rows: withCopy, disclosure };
}

function fieldRows(
	ctx: IExecuteFunctions,
	itemIndex: number,
	shown: RecognizedDocument,
	source: ItemSource,
	reviews: FieldReview[][],
	includePolygons: boolean,
	facts: ImageFacts,
): IDataObject[] {
	const rows = toFieldItems(shown, source, reviews, { includePolygons }, facts);
	if (rows.length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			'CLOVA OCR recognized the document but returned no fields',
			{
				itemIndex,
				description:
					'Use a sharper photo of the whole card, or choose the output "One Item per Document".',
			},
		);
	}
	return rows as unknown as IDataObject[];
}
