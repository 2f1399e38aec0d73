import { classOf } from '../boundary/characters';
import type { NumberBackPart } from './numberBackPart';

/**
 * Where a recognized number's back part starts along its text, as a share (0–1) of the text
 * (trimmed, in characters), for cutting its bounding box when CLOVA gave no masking polygon.
 * Undefined when the text has fewer digit positions than the back part (then nothing tells
 * where it is, and the whole box is blacked out).
 *
 * A position is a character OCR may have read for a digit, or a masked digit such as `*`
 * (classOf). The back part starts at position `front + 1`, or at the `back`-th from the end
 * when that comes first, so a digit missing from the front or read twice hides more, never
 * less. The share returned is that of the character before it (the separator), one character
 * early: OCR gives no glyph widths, and in proportional type separators and `1`s are narrower
 * than a character's average share, so a cut at the back part's own share falls inside its
 * first digit (on the sample license, 4 px into the serial number's first digit, twice the
 * margin).
 */
export function backPartShare(text: string, part: NumberBackPart): number | undefined {
	const chars = Array.from(text.trim());
	const positions = chars.flatMap((char, index) => (classOf(char) === 'position' ? [index] : []));
	if (positions.length < part.back || positions.length <= part.front) return undefined;
	const first = Math.min(positions[part.front], positions[positions.length - part.back]);
	return Math.max(0, first - 1) / chars.length;
}
