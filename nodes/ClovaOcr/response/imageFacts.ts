import { serviceFreeText, serviceToken, VALIDATION_RESULTS } from '../boundary/serviceText';
import { cardOutlineOf } from './cardOutline';
import { modelSectionOf } from './modelSection';
import type { ImageResult, Polygon } from './schema';

/** What the service says about the image as a whole, beside its fields; null when not sent. */
export interface ImageFacts {
	/**
	 * `validationResult.result`: the service's own verdict (NO_REQUESTED, UNCHECKED, ERROR, VALID,
	 * INVALID), as sent: the review reads it. The column shows documented values only.
	 */
	validationResult: string | null;
	/** `validationResult.message`, scrubbed (boundary/serviceText). */
	validationMessage: string | null;
	/** `<model>.meta.estimatedLanguage` (`idCard.meta…` for IDs): a language code, or null. */
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

/** A language code (`ko`, `en`, `ja`, `zh-TW`); anything else is service text, never echoed. */
function languageCode(value: string | undefined): string | null {
	return value !== undefined && /^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/.test(value) ? value : null;
}

/** `resultKey`: the key of the model's section (`idCard`, `bizLicense`…). */
export function imageFactsOf(image: ImageResult, resultKey = 'idCard'): ImageFacts {
	const page = image.convertedImageInfo;
	const section = modelSectionOf(image, resultKey);
	return {
		validationResult: image.validationResult?.result ?? null,
		validationMessage: serviceFreeText(image.validationResult?.message),
		estimatedLanguage: languageCode(section?.meta?.estimatedLanguage),
		pageIndex: page?.pageIndex ?? null,
		pageWidth: page?.width ?? null,
		pageHeight: page?.height ?? null,
		cardOutline: cardOutlineOf(section?.result?.rois),
	};
}

/** The facts that are columns as they are on field and document items (all but the outline). */
export type ImageColumns = Omit<ImageFacts, 'cardOutline'>;

export function imageColumnsOf(facts: ImageFacts): ImageColumns {
	return {
		validationResult: serviceToken(facts.validationResult, VALIDATION_RESULTS),
		validationMessage: facts.validationMessage,
		estimatedLanguage: facts.estimatedLanguage,
		pageIndex: facts.pageIndex,
		pageWidth: facts.pageWidth,
		pageHeight: facts.pageHeight,
	};
}
