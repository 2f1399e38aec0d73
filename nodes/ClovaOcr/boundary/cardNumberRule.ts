import { digitOf, isDigitLike, MASK } from './characters';
import { readText, writeText, type ReadText } from './positions';

/** Positions a card number may show: its last four. */
const SHOWN = 4;

/**
 * Fields that hold a payment card's number: on a credit card, any field whose own key names a
 * number (the model's fields are not published); on a receipt, the card number it prints.
 */
const CARD_NUMBER_KEY = /number|cardNum|cardNo/i;
const RECEIPT_CARD_NUMBER_FIELD = 'paymentInfo.cardInfo.number';

/**
 * The last key of a field path as flattenElements writes it (`cardInfo.number`, `numbers[2]`,
 * `card["card no"]`): positions are dropped, a bracketed key is read back from its JSON.
 */
export function lastKeyOf(field: string): string {
	let end = field.length;
	while (end > 0 && field[end - 1] === ']' && field[end - 2] !== '"') {
		const open = field.lastIndexOf('[', end - 1);
		if (open < 0 || !/^\d+$/.test(field.slice(open + 1, end - 1))) break;
		end = open;
	}
	const path = field.slice(0, end);
	if (!path.endsWith('"]')) return path.slice(path.lastIndexOf('.') + 1);
	// A JSON string: its opening quote is the first one before the end not escaped by a backslash.
	for (let quote = path.length - 3; quote >= 1; quote--) {
		if (path[quote] !== '"') continue;
		let backslashes = 0;
		while (path[quote - 1 - backslashes] === '\\') backslashes++;
		if (backslashes % 2 === 1) continue;
		try {
			const key: unknown = JSON.parse(path.slice(quote, path.length - 1));
			return typeof key === 'string' ? key : path;
		} catch {
			return path;
		}
	}
	return path;
}

export function isCardNumberField(documentType: unknown, field: string): boolean {
	if (documentType === 'creditCard') return CARD_NUMBER_KEY.test(lastKeyOf(field));
	if (documentType === 'receipt') return field === RECEIPT_CARD_NUMBER_FIELD;
	return false;
}

/** What a reading's last four positions stand for; null when it has four or fewer positions. */
function tailOf(read: ReadText): string[] | null {
	if (read.positions.length <= SHOWN) return null;
	return read.positions.slice(-SHOWN).map((index) => digitOf(read.chars[index]) ?? '?');
}

/**
 * The card-number rule: every digit (and every character OCR may read for one: look-alike
 * letters, other scripts' digits) of a card-number field is masked except the last four
 * positions of the whole number. `views[v][i]` is reading v of value i (`text`,
 * `formatted.value`…), as for maskRegistrationField: the values of one reading are read as one
 * text, so a number split across values is one number. Separators, spaces and other characters
 * are kept as they are.
 *
 * A position is any character digitOf reads (`*` and other mask characters included), so a
 * number the service masked itself (`****-****-****-1234`, `9410-61**-****-123*`) still counts
 * its full length, and only what stands in its last four positions shows.
 *
 * Fail closed:
 * - a reading with four positions or fewer shows no digit: nothing tells those are the last four;
 * - readings with more than four positions must agree on their last four (by the digit each
 *   stands for: `O` and `0` agree, a digit of unknown value agrees with nothing); if any two
 *   disagree (one reading cut short, another number), no reading shows any digit;
 * - a character after the number that OCR may read for a digit (`VISA`: `I`, `S`) takes one of
 *   the four shown positions, so fewer of the number's digits show.
 */
export function maskCardNumberField(views: ReadonlyArray<readonly string[]>): string[][] {
	const reads = views.map((values) => readText(values));
	const tails = reads.map(tailOf);
	const compared = tails.filter((tail): tail is string[] => tail !== null);
	const agree =
		compared.length <= 1 ||
		compared.every((tail) => tail.every((digit, k) => digit !== '?' && digit === compared[0][k]));
	return reads.map((read, v) => {
		const shownFrom = agree && tails[v] !== null ? read.positions.length - SHOWN : Infinity;
		const hidden = new Set<number>();
		read.positions.forEach((index, k) => {
			if (k < shownFrom && isDigitLike(read.chars[index])) hidden.add(index);
		});
		return hidden.size === 0 ? [...views[v]] : writeText(read, hidden, MASK);
	});
}
