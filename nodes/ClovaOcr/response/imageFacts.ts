import { cardOutlineOf } from './cardOutline';
import type { ImageResult, Polygon } from './schema';

/** What the service says about the image as a whole, beside its fields; null when not sent. */
export interface ImageFacts {
	/** `validationResult.result`: the service's own verdict (NO_REQUESTED, UNCHECKED, ERROR, VALID, INVALID). */
	validationResult: string | null;
	validationMessage: string | null;
	/** `idCard.meta.estimatedLanguage`: ko, en or ja. */
	estimatedLanguage: string | null;
	/** `convertedImageInfo`, sent for PDF and TIFF files: the page the coordinates refer to. */
	pageIndex: number | null;
	pageWidth: number | null;
	pageHeight: number | null;
	/** From `idCard.result.rois`. */
	cardOutline: Polygon | null;
}

export const NO_IMAGE_FACTS: ImageFacts = {
	validationResult: null,
	validationMessage: null,
	estimatedLanguage: null,
	pageIndex: null,
	pageWidth: null,
	pageHeight: null,
	cardOutline: null,
};

export function imageFactsOf(image: ImageResult): ImageFacts {
	const page = image.convertedImageInfo;
	return {
		validationResult: image.validationResult?.result ?? null,
		validationMessage: image.validationResult?.message ?? null,
		estimatedLanguage: image.idCard?.meta?.estimatedLanguage ?? null,
		pageIndex: page?.pageIndex ?? null,
		pageWidth: page?.width ?? null,
		pageHeight: page?.height ?? null,
		cardOutline: cardOutlineOf(image.idCard?.result?.rois),
	};
}

/** The facts that are columns as they are on field and document items (all but the outline). */
export type ImageColumns = Omit<ImageFacts, 'cardOutline'>;

export function imageColumnsOf(facts: ImageFacts): ImageColumns {
	return {
		validationResult: facts.validationResult,
		validationMessage: facts.validationMessage,
		estimatedLanguage: facts.estimatedLanguage,
		pageIndex: facts.pageIndex,
		pageWidth: facts.pageWidth,
		pageHeight: facts.pageHeight,
	};
}
