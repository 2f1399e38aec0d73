import type { INode } from 'n8n-workflow';

import type { ImageResult } from '../../response/schema';
import { unmatchedImageError } from '../../transport/serviceAnswerError';
import { isNoMatchedTemplate } from '../../transport/serviceErrors';
import { assertRead } from '../recognitionChecks';

/**
 * Template OCR has no model section: its fields sit on the image itself. No answer holds this
 * key, so the shared facts find no section (estimatedLanguage and the card outline are null).
 */
export const TEMPLATE_RESULT_KEY = 'template';

/**
 * Whether Template OCR read the image, in place of assertImageWasRead: an image no deployed
 * template matched fails with its own message, and a missing `inferResult` counts as read when
 * the image has `fields`; anything else is checked as for every product.
 */
export function assertTemplateImageRead(image: ImageResult, node: INode, itemIndex: number): void {
	if (image.inferResult !== 'SUCCESS' && isNoMatchedTemplate(image.message))
		throw unmatchedImageError(node, image.inferResult, itemIndex);
	const hasResult = Object.prototype.hasOwnProperty.call(image, 'fields');
	assertRead(node, image, itemIndex, { hasResult, result: 'fields' });
}
