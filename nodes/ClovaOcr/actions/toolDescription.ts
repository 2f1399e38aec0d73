import { MAX_FILE_TEXT } from '../input/checkedImage';

/** What an image given as text may be, in the words a model reads. */
export const IMAGE_TEXT_DESCRIPTION = `The image to read: either a public http(s) URL of the file, or the file itself as plain base64 or a data URL (data:image/jpeg;base64,…). JPEG, PNG, single-page PDF or single-page TIFF, at most ${MAX_FILE_TEXT}.`;

/**
 * The description n8n gives a model for this node as an AI Agent tool (usableAsTool
 * replacements): what the tool does, what to send, and what comes back. A model sees this and
 * the $fromAI keys only; n8n's ✨ button leaves each key's own description empty.
 */
export const TOOL_DESCRIPTION = [
	"Reads a photo or scan of a Korean ID card with NAVER CLOVA OCR (resident registration card 주민등록증 or driver's license 운전면허증; with the Any ID operation also passports and alien registration cards) and returns its fields as JSON.",
	`Send the image as text: a public http(s) URL of the file, or the file itself as plain base64 or a data URL (data:image/png;base64,…). JPEG, PNG, single-page PDF or single-page TIFF, at most ${MAX_FILE_TEXT}, one card per call.`,
	'URLs of private networks, loopback and internal host names are refused.',
	'Resident registration numbers come back masked (the first 7 digits show). A field "valid" says whether the checks passed, "warnings" why not, and "needsReview" whether a person should look. On a refusal, the message says what was wrong and what to send instead.',
].join(' ');
