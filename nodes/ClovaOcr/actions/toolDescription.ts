import { MAX_FILE_TEXT } from '../input/checkedImage';

/** What an image given as text may be, in the words a model reads. */
export const IMAGE_TEXT_DESCRIPTION = `The image to read: either a public http(s) URL of the file, or the file itself as plain base64 or a data URL (data:image/jpeg;base64,…). JPEG, PNG, PDF or TIFF (a single page for IDs and documents; every page for Read Text and Read Template), at most ${MAX_FILE_TEXT}.`;

/**
 * The node's description, written for the model too: as an AI Agent tool with its Tool
 * Description set automatically, this is all n8n tells the model about the tool (n8n's ✨
 * button leaves each $fromAI key's description empty, and the runtime tool type ignores
 * usableAsTool replacements). Says what the tool does, what to send and what comes back.
 */
export const NODE_DESCRIPTION = [
	"Read Korean ID cards with NAVER CLOVA OCR (resident registration card 주민등록증, driver's license 운전면허증; with Any ID also passports and alien registration cards) and get their fields as JSON, registration numbers masked.",
	"As an AI tool: send one card's image as a public http(s) URL, or as plain base64 or a data URL (JPEG, PNG, single-page PDF or TIFF, up to 50 MiB); private and internal URLs are refused, and a refusal says what to send instead.",
].join(' ');
