import { ANSWER_LIMITS } from './answerLimits';
import { ResponseShapeError } from './responseShapeError';

/**
 * The images of an answer read page by page (General and Template OCR: one per page of a PDF
 * or TIFF), within the node's limit on pages; past it the item fails.
 */
export function answerPages<T>(images: readonly T[]): readonly T[] {
	if (images.length > ANSWER_LIMITS.pagesPerAnswer)
		throw ResponseShapeError.overLimit(
			ANSWER_LIMITS.pagesPerAnswer,
			'pages in one answer (images)',
		);
	return images;
}
