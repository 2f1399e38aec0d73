import { classOf, type CharacterClass } from './characters';

/** What lies between a position and the one before it. */
export type Gap =
	/** nothing, or only characters to ignore (spaces, line breaks, zero-width characters) */
	| 'none'
	/** one to MAX_SEPARATORS separators (`-`, ` - `, `.`, `ㅡ`…), with ignorable characters */
	| 'separator'
	/** anything else: the positions do not belong to one number */
	| 'break';

/** More separators than this between two positions (`800101 --- -1234567`) break a number. */
export const MAX_SEPARATORS = 3;

/** Several strings read as one text joined by line breaks, one character (code point) a cell. */
export interface ReadText {
	chars: string[];
	classes: CharacterClass[];
	/** Indexes into `chars` of every position, in order. */
	positions: number[];
	/** `gaps[k]`: what lies between positions k − 1 and k (`gaps[0]` is 'break'). */
	gaps: Gap[];
	/** Where each string starts and ends (exclusive) in `chars`. */
	spans: Array<[number, number]>;
}

export function readText(texts: readonly string[]): ReadText {
	const chars: string[] = [];
	const spans: Array<[number, number]> = [];
	texts.forEach((text, i) => {
		if (i > 0) chars.push('\n');
		const start = chars.length;
		for (const char of text) chars.push(char);
		spans.push([start, chars.length]);
	});
	const classes = chars.map(classOfChar);
	const positions: number[] = [];
	const gaps: Gap[] = [];
	let separators = 0;
	let broken = true;
	classes.forEach((kind, index) => {
		if (kind === 'position') {
			positions.push(index);
			gaps.push(
				broken || separators > MAX_SEPARATORS ? 'break' : separators > 0 ? 'separator' : 'none',
			);
			separators = 0;
			broken = false;
		} else if (kind === 'separator') separators++;
		else if (kind === 'other') broken = true;
	});
	return { chars, classes, positions, gaps, spans };
}

/** The strings back, with the characters at `hidden` (indexes into `chars`) replaced by `mask`. */
export function writeText(read: ReadText, hidden: ReadonlySet<number>, mask: string): string[] {
	return read.spans.map(([start, end]) => {
		const parts: string[] = [];
		for (let index = start; index < end; index++)
			parts.push(hidden.has(index) ? mask : read.chars[index]);
		return parts.join('');
	});
}

/** Groups of positions with nothing but ignorable characters between them, as [first, end) of `positions`. */
export function contiguousGroups(read: ReadText): Array<[number, number]> {
	const groups: Array<[number, number]> = [];
	read.gaps.forEach((gap, k) => {
		if (gap === 'none' && groups.length > 0) groups[groups.length - 1][1] = k + 1;
		else groups.push([k, k + 1]);
	});
	return groups;
}

/** The classes of the ASCII characters, computed once: most text the node emits is ASCII. */
const ASCII_CLASSES: readonly CharacterClass[] = Array.from({ length: 128 }, (_, code) =>
	classOf(String.fromCharCode(code)),
);

/** The class of one character (code point), ASCII from the table. */
function classOfChar(char: string): CharacterClass {
	const code = char.charCodeAt(0);
	return char.length === 1 && code < 128 ? ASCII_CLASSES[code] : classOf(char);
}

/**
 * Whether the strings, read as one text, hold `length` positions with nothing between them but
 * ignorable characters and short separators: every rule of the boundary needs at least 7, so
 * text without such a run is let out without being read cell by cell.
 */
export function hasRunOf(texts: readonly string[], length: number): boolean {
	let run = 0;
	let separators = 0;
	for (const text of texts) {
		for (let i = 0; i < text.length; i++) {
			const code = text.charCodeAt(i);
			let kind: CharacterClass;
			if (code < 128) kind = ASCII_CLASSES[code];
			else {
				const char = String.fromCodePoint(text.codePointAt(i) ?? code);
				i += char.length - 1;
				kind = classOf(char);
			}
			if (kind === 'position') {
				run = separators > MAX_SEPARATORS ? 1 : run + 1;
				separators = 0;
				if (run >= length) return true;
			} else if (kind === 'separator') separators++;
			else if (kind === 'other') {
				run = 0;
				separators = 0;
			}
		}
	}
	return false;
}
