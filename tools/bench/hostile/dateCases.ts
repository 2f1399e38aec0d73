/** Path 2: date texts with runs of whitespace between their parts, through the node's date reading. */
import { builtDateReader, builtAnswerReader } from './builtNode';
import { outcomeOfError, type HostileCase, type HostilePath } from './hostileCase';
import { answerBody, answerOutcomeOf, cardField } from './hostileAnswers';

/**
 * `2019`, spaces, `1`, spaces, `1`, spaces, `x`: each run could be split between the old
 * SEPARATED_DATE's `\s*`, `\s` and `\s*` (cubic over the three runs), and the `x` makes every
 * split fail. `size` is the text's length.
 */
function spacedDate(size: number): string {
	const run = ' '.repeat(Math.max(1, Math.floor((size - 7) / 3)));
	return `2019${run}1${run}1${run}x`;
}

function readDateCase(name: string, sizes: readonly number[]): HostileCase {
	return {
		name,
		unit: 'chars',
		sizes,
		prepare: (size) => {
			const { readDate, MAX_DATE_TEXT_LENGTH } = builtDateReader();
			const text = spacedDate(size);
			const overCap =
				text.length > MAX_DATE_TEXT_LENGTH ? `, over the ${MAX_DATE_TEXT_LENGTH}-char cap` : '';
			return { inputBytes: text.length, run: () => `read as ${readDate(text).status}${overCap}` };
		},
	};
}

/** The same text as the card's issue date in CLOVA's answer: parsed, read, reviewed, output. */
const throughTheAnswer: HostileCase = {
	name: 'the same text as `issueDate` of an answer, through parseIdCardResponse + answerOutcome',
	unit: 'chars',
	sizes: [1600, 16_000, 160_000, 1_600_000],
	prepare: (size) => {
		const reader = builtAnswerReader();
		const body = answerBody({ issueDate: [cardField(spacedDate(size))] });
		return {
			inputBytes: Buffer.byteLength(body),
			run: () => {
				try {
					return answerOutcomeOf(reader, body);
				} catch (error) {
					return outcomeOfError(error);
				}
			},
		};
	},
};

export const DATES: HostilePath = {
	title: 'Dates (model/dateReading.ts: readDate)',
	before:
		'a 1.6 KB date text took 1.2 s: SEPARATED_DATE split runs of whitespace three ways (cubic)',
	cases: [
		readDateCase(
			'`2019` + spaces + `1` + spaces + `1` + spaces + `x`, up to the 64-char cap',
			[10, 16, 28, 40, 64],
		),
		readDateCase(
			"the same text past the cap (1.6 KB: the issue's text)",
			[1600, 16_000, 160_000, 1_600_000],
		),
		throughTheAnswer,
	],
};
