import type { TextWord } from './generalPage';

/**
 * A page's words as lines: words in reading order up to and including one with `lineBreak`
 * true; the words after the last line break (or all of them, without any) form a last line.
 */
export function linesOf(words: readonly TextWord[]): TextWord[][] {
	const lines: TextWord[][] = [];
	let line: TextWord[] = [];
	for (const word of words) {
		line.push(word);
		if (word.lineBreak === true) {
			lines.push(line);
			line = [];
		}
	}
	if (line.length > 0) lines.push(line);
	return lines;
}

/** A line's words joined by single spaces. */
export function lineText(line: readonly TextWord[]): string {
	return line.map((word) => word.inferText).join(' ');
}

/** The lowest `inferConfidence` of the words; null when none has one. */
export function lowestConfidence(words: readonly TextWord[]): number | null {
	let lowest: number | null = null;
	for (const { inferConfidence } of words)
		if (inferConfidence !== undefined && (lowest === null || inferConfidence < lowest))
			lowest = inferConfidence;
	return lowest;
}
