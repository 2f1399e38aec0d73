import { MASK } from './characters';
import { contiguousGroups, hasRunOf, readText, writeText, type ReadText } from './positions';

/**
 * The content rule: wherever a string holds a run that can be read as a registration number,
 * its positions 8–13 are masked, whatever field, key, message or file name it is in.
 *
 * - A number: 13 positions, YYMMDD, a separator or none, 7 more; spaces, line breaks and
 *   zero-width characters may stand anywhere in it. A position is any character OCR may read
 *   for a digit (look-alike letters, full-width and other Unicode digits) or a masked digit
 *   (`*`), so a number whose front the service masked (`******-1234567`) is still a number.
 *   Every 13-position window of a longer run that fits the shape is masked too.
 * - A near miss (one digit missing or extra on either side of the separator: 5–7 positions,
 *   a separator, 6–8) keeps its first 6 positions and the gender digit only when the front
 *   has exactly 6.
 * - A back half alone (7 positions) right after a registration label keeps its first position.
 *
 * Several strings given together are read as one text joined by line breaks, so a number split
 * across the values of one field is masked as one.
 */
export function maskRegistrationRuns(texts: readonly string[]): string[] {
	return hasRunOf(texts, SHORTEST_MASKED_RUN) ? maskRead(texts) : [...texts];
}

/** The content rule on one string. */
export function maskRegistrationContent(text: string): string {
	const texts = [text];
	return hasRunOf(texts, SHORTEST_MASKED_RUN) ? maskRead(texts)[0] : text;
}

/** The rules on texts that hold a run long enough for one of them, read character by character. */
function maskRead(texts: readonly string[]): string[] {
	const read = readText(texts);
	const hidden = new Set<number>();
	hideNumberWindows(read, hidden);
	hideNearMisses(read, hidden);
	hideLabelledBackHalves(read, hidden);
	return hidden.size === 0 ? [...texts] : writeText(read, hidden, MASK);
}

const NUMBER_LENGTH = 13;
/** The fewest positions any rule here masks in: a back half after a label. */
const SHORTEST_MASKED_RUN = 7;
const FRONT_LENGTH = 6;
const KEPT = 7;

function hidePositions(read: ReadText, hidden: Set<number>, from: number, to: number): void {
	for (let k = from; k < to; k++) hidden.add(read.positions[k]);
}

/** Every window of 13 positions whose only separator (if any) follows its sixth. */
function hideNumberWindows(read: ReadText, hidden: Set<number>): void {
	const { gaps } = read;
	const notNone = gaps.map((gap) => (gap === 'none' ? 0 : 1));
	const prefix = [0];
	for (const value of notNone) prefix.push(prefix[prefix.length - 1] + value);
	const count = (from: number, to: number) => prefix[to] - prefix[from];
	for (let start = 0; start + NUMBER_LENGTH <= gaps.length; start++) {
		const middle = start + FRONT_LENGTH;
		const others = count(start + 1, start + NUMBER_LENGTH) - notNone[middle];
		if (others === 0 && gaps[middle] !== 'break')
			hidePositions(read, hidden, start + KEPT, start + NUMBER_LENGTH);
	}
}

/** A front of 5–7 positions, a separator, a back of 6–8: one digit lost or gained. */
function hideNearMisses(read: ReadText, hidden: Set<number>): void {
	const groups = contiguousGroups(read);
	for (let g = 1; g < groups.length; g++) {
		const [frontStart, frontEnd] = groups[g - 1];
		const [backStart, backEnd] = groups[g];
		if (read.gaps[backStart] !== 'separator') continue;
		const front = frontEnd - frontStart;
		const back = backEnd - backStart;
		if (front < 5 || front > 7 || back < 6 || back > 8) continue;
		if (front === FRONT_LENGTH && back === NUMBER_LENGTH - FRONT_LENGTH) continue;
		hidePositions(read, hidden, front === FRONT_LENGTH ? backStart + 1 : backStart, backEnd);
		if (front > FRONT_LENGTH) hidePositions(read, hidden, frontStart + FRONT_LENGTH, frontEnd);
	}
}

/**
 * Labels that name a registration number, Korean and English, as they end right before the
 * number (after spaces, a colon or a dash).
 */
const REGISTRATION_LABEL =
	/(?:주민\s*(?:등록\s*)?번호|외국인\s*등록\s*번호|등록\s*번호|RRN|registration\s*(?:number|no)|personal\s*(?:number|no))$/iu;
const LABEL_WINDOW = 24;
const BACK_HALF_LENGTH = 7;

function labelBefore(read: ReadText, index: number): boolean {
	let end = index;
	while (end > 0 && read.classes[end - 1] !== 'other' && read.classes[end - 1] !== 'position')
		end--;
	// A label may end in letters OCR could read for digits (`No`): take them as they are.
	const start = Math.max(0, end - LABEL_WINDOW);
	return REGISTRATION_LABEL.test(read.chars.slice(start, end).join(''));
}

/** A run of exactly 7 positions (a back half alone) after a registration label. */
function hideLabelledBackHalves(read: ReadText, hidden: Set<number>): void {
	for (const [start, end] of contiguousGroups(read)) {
		if (end - start !== BACK_HALF_LENGTH) continue;
		if (!labelBefore(read, read.positions[start])) continue;
		hidePositions(read, hidden, start + 1, end);
	}
}
