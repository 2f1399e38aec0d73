import type { INode } from 'n8n-workflow';

import type { ImageResult } from '../../response/schema';
import { assertRead } from '../recognitionChecks';

/**
 * Each page of a General OCR answer must have been read: `inferResult` SUCCESS, or none with
 * `fields` sent (the tables mark `inferResult` optional).
 */
export function assertPageWasRead(
	node: INode,
	image: ImageResult,
	pageIndex: number,
	itemIndex: number,
): void {
	const hasResult = Object.prototype.hasOwnProperty.call(image, 'fields');
	assertRead(node, image, itemIndex, { hasResult, result: 'fields', page: pageIndex });
}
