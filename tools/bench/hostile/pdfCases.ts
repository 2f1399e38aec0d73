/** Path 1: the page count of a PDF, at the node's input gate (raw bytes and Base64 text). */
import { BENCH_NODE, builtInputGate } from './builtNode';
import { outcomeOfError, type HostileCase, type HostilePath } from './hostileCase';
import {
	referenceLikeTail,
	spacesAfterCount,
	spacesAfterObjectNumber,
	unfinishedRoots,
	type PdfText,
} from './hostilePdfs';

/** 40 KiB (the file) to 10 MiB, × 4 each. */
const SIZES = [40, 160, 640, 2560, 10240].map((kib) => kib * 1024);

function pageCountNote(pages: number | null): string {
	return pages === null ? 'page count unread, sent as it is' : `page count ${pages}`;
}

/** Binary data in memory: the bytes go through checkedImage, which reads the page count. */
function rawBytesCase(name: string, text: PdfText): HostileCase {
	return {
		name: `${name}, raw bytes`,
		unit: 'bytes',
		sizes: SIZES,
		prepare: (size) => {
			const gate = builtInputGate();
			const bytes = Buffer.from(text(size), 'latin1');
			const note = pageCountNote(gate.pdfPageCount(bytes));
			return {
				inputBytes: bytes.length,
				run: () => {
					try {
						return `accepted as ${gate.checkedImage(BENCH_NODE, 0, bytes, 'bench.pdf', 'the bench').format} (${note})`;
					} catch (error) {
						return outcomeOfError(error);
					}
				},
			};
		},
	};
}

/** The Base64 Image source: the text is cleaned, checked, decoded, then through the same gate. */
function base64Case(name: string, text: PdfText): HostileCase {
	return {
		name: `${name}, as Base64 text (size: the PDF's bytes)`,
		unit: 'bytes',
		sizes: SIZES,
		prepare: (size) => {
			const gate = builtInputGate();
			const bytes = Buffer.from(text(size), 'latin1');
			const base64 = bytes.toString('base64');
			const note = pageCountNote(gate.pdfPageCount(bytes));
			return {
				inputBytes: base64.length,
				run: () => {
					try {
						return `accepted as ${gate.decodeBase64Image(BENCH_NODE, 0, base64, 'bench.pdf').format} (${note})`;
					} catch (error) {
						return outcomeOfError(error);
					}
				},
			};
		},
	};
}

export const PDF_PAGE_COUNT: HostilePath = {
	title: 'PDF page count (input/pdfPageCount.ts, through input/checkedImage.ts)',
	before:
		'a 40 KB Base64 PDF (`/Count 1` and whitespace) blocked the event loop 3.5 s: the /Count regex backtracked (quadratic)',
	cases: [
		rawBytesCase('`/Count 1` + spaces', spacesAfterCount),
		base64Case('`/Count 1` + spaces', spacesAfterCount),
		rawBytesCase('`/Count 1 1 1 1 …`', referenceLikeTail),
		rawBytesCase('`/Root 1 0 ` repeated (no `R`)', unfinishedRoots),
		rawBytesCase('`/Root 1 0 R`, then `1` + spaces', spacesAfterObjectNumber),
	],
};
