import type { IExecuteFunctions } from 'n8n-workflow';

import { readInputImage } from '../input/readInputImage';
import { runDateIn } from '../model/runDate';
import { sendImage, type Sending } from '../transport/sendImage';
import { answerOutcome, type RecognizedOutcome } from './answerOutcome';
import { readParameters } from './parameters';
import { OPERATIONS } from './operations';
import { makeRedactedCopy, withRedactedCopy } from './redactedCopy';

/**
 * Recognizes the image of one input item and returns its output items, unmasked: they leave
 * the node through the boundary's exit, which masks them as `disclosure` says.
 */
export async function recognizeItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	sending: Sending,
): Promise<RecognizedOutcome> {
	const parameters = readParameters(ctx, itemIndex);
	const operation = OPERATIONS[parameters.operation];
	const product = operation.productOf(parameters);
	const image = await readInputImage(
		ctx,
		itemIndex,
		parameters.image,
		sending.timeoutMs,
		sending.storeLane,
		product.pages,
	);
	const answer = await sendImage(
		ctx,
		itemIndex,
		image,
		parameters.uploadMode,
		product.id,
		sending,
		operation.messageOf?.(parameters),
	);
	const runDate = runDateIn(ctx.getTimezone(), new Date());
	const readAnswer = operation.readAnswer ?? answerOutcome;
	const { rows, disclosure, document } = readAnswer(
		ctx.getNode(),
		itemIndex,
		answer,
		parameters,
		runDate,
	);
	const copy = parameters.redactedCopy;
	if (!copy) return { rows, disclosure };
	const json = rows.map((row) => row.json);
	const withCopy = withRedactedCopy(
		json,
		await makeRedactedCopy(ctx, image, document, copy),
		copy.binaryPropertyName,
	);
	return { rows: withCopy, disclosure };
}
