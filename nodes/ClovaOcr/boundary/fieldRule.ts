import { digitOf, isDigitLike, MASK } from './characters';
import { readText, writeText, type ReadText } from './positions';

/** Positions a registration number may show: YYMMDD and the gender digit. */
const KEPT_IN_A_NUMBER = 7;
/**
 * Positions shown when the field does not read as a number from its first position: none.
 * Nothing tells which positions such a reading holds (`345678` may be positions 8–13 of a
 * number whose front went to another reading, as a document column shows it alone).
 */
const KEPT_OTHERWISE = 0;
const FRONT_LENGTH = 6;
const NUMBER_LENGTH = 13;

/**
 * Whether a field's text reads as one number from its first position: YYMMDD with nothing but
 * ignorable characters between its positions, then either the rest of a 13-position number or
 * a separator (the back may be cut or long: `800101-123456`). Labels may stand before and after.
 */
function readsFromFirstPosition({ gaps }: ReadText): boolean {
	if (gaps.length < KEPT_IN_A_NUMBER) return false;
	if (gaps.slice(1, FRONT_LENGTH).some((gap) => gap !== 'none')) return false;
	if (gaps[FRONT_LENGTH] === 'separator') return true;
	return (
		gaps[FRONT_LENGTH] === 'none' &&
		gaps.length === NUMBER_LENGTH &&
		gaps.slice(FRONT_LENGTH + 1).every((gap) => gap === 'none')
	);
}

/**
 * The field rule: a registration-number field is masked as one number across all its values
 * and all its readings (`text`, `formatted.value`…), by position. `views[v][i]` is reading v of
 * value i; the values of one reading are read as one text, so a number split across values is
 * one number. The first reading that holds a position decides how many positions show (7 when
 * it reads as a number from its first position, else none); every other reading shows a position
 * only where it agrees with that reading, so no split across readings shows more than the
 * first 7 positions of one number. `*` counts as a position; every hidden digit becomes `*`.
 */
export function maskRegistrationField(views: ReadonlyArray<readonly string[]>): string[][] {
	const reads = views.map((values) => readText(values));
	const primary = reads.find((read) => read.positions.length > 0);
	if (primary === undefined) return views.map((values) => [...values]);
	const kept = readsFromFirstPosition(primary) ? KEPT_IN_A_NUMBER : KEPT_OTHERWISE;
	const primaryDigits = primary.positions.map((index) => digitOf(primary.chars[index]));
	return reads.map((read) => {
		const hidden = new Set<number>();
		read.positions.forEach((index, k) => {
			const char = read.chars[index];
			if (!isDigitLike(char)) return;
			const agrees =
				read === primary || (primaryDigits[k] !== '?' && digitOf(char) === primaryDigits[k]);
			const shown = k < kept && agrees;
			if (!shown) hidden.add(index);
		});
		return writeText(read, hidden, MASK);
	});
}
