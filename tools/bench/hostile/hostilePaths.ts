/** Every path of the hostile-input bench, in the order it prints them. */
import { ANSWER_SHAPE } from './answerCases';
import { DATES } from './dateCases';
import { DECODED_SIZE } from './decodedSizeCases';
import type { HostilePath } from './hostileCase';
import { JPEG_SCANS } from './jpegScanCases';
import { PDF_PAGE_COUNT } from './pdfCases';
import { REGIONS } from './regionCases';

export const HOSTILE_PATHS: readonly HostilePath[] = [
	PDF_PAGE_COUNT,
	DATES,
	JPEG_SCANS,
	REGIONS,
	DECODED_SIZE,
	ANSWER_SHAPE,
];
