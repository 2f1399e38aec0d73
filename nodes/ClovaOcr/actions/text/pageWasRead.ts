import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { INFER_RESULTS, serviceFreeText, serviceToken } from '../../boundary/serviceText';
import type { ImageResult } from '../../response/schema';

/**
 * Each page of a General OCR answer must have been read: `inferResult` SUCCESS, or none with
 * `fields` sent (the tables mark `inferResult` optional). actions/recognitionChecks.ts does the
 * same for Document OCR, where the result sits in a model's section instead of `fields`.
 */
export function assertPageWasRead(
	node: INode,
	image: ImageResult,
	pageIndex: number,
	itemIndex: number,
): void {
	if (image.inferResult === 'SUCCESS') return;
	if (image.inferResult === undefined && Object.prototype.hasOwnProperty.call(image, 'fields'))
		return;
	// The service's own words are echoed only as documented tokens or scrubbed free text.
	const inferResult = serviceToken(image.inferResult, INFER_RESULTS);
	const answer =
		image.inferResult === undefined
			? 'without inferResult and without fields'
			: `inferResult ${inferResult ?? '(not a documented value)'}`;
	const said = serviceFreeText(image.message);
	throw new NodeApiError(
		node,
		{ inferResult },
		{
			message: `CLOVA OCR could not read the image: ${said ?? `the service answered ${answer}`}`,
			description: `The service answered ${answer} for page ${pageIndex + 1}. Use a sharp, well-lit photo, or a scan of at least 300 dpi, with nothing covering the text.`,
			itemIndex,
		},
	);
}
