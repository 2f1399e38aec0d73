import { maskRegistrationRuns } from '../../boundary/contentRule';
import type { RecognizedDocument } from '../../response/recognizedDocument';
import type { FieldValue } from '../../response/schema';
import type { TextPage } from './textPages';

/**
 * The answer as a document for the redacted copy (actions/redactedCopy.ts): a field per page
 * (`page1`, `page2`… by position in the answer), a value per word with its polygon. A word
 * gets its polygon as a masking polygon when the content rule changes it with all the
 * answer's words read together in order, the way the boundary reads the Words output: a
 * number split across words blacks out the words that hold its hidden digits.
 */
export function textRedactionDocument(pages: readonly TextPage[]): RecognizedDocument {
	const texts = pages.flatMap((page) => page.words.map((word) => word.inferText));
	const masked = maskRegistrationRuns(texts);
	let next = 0;
	return {
		documentType: 'text',
		idType: null,
		isConfident: null,
		fields: pages.map((page) => ({
			field: `page${page.position + 1}`,
			values: page.words.map((word): FieldValue => {
				const hidden = masked[next++] !== word.inferText;
				const polygons = word.boundingPoly ? [word.boundingPoly] : [];
				return {
					text: word.inferText,
					boundingPolys: polygons,
					maskingPolys: hidden ? polygons : [],
				};
			}),
		})),
	};
}
