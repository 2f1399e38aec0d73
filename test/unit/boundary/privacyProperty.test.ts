/**
 * The privacy invariant, stated once: for any registration number, any OCR noise, any split
 * across values, readings, fields, key texts, polygons, service messages and file names, and
 * each output mode but raw, no string the node emits (items, errors, file names) holds four
 * consecutive digits of the number's positions 8–13.
 *
 * Each run builds the service's answer (test/fixtures/privacyAttacks.ts), reads it as the node
 * does (parse, answer → outcome) and lets the outcome out through the boundary's exit; the
 * judge (test/fixtures/leakOracle.ts) shares no code with the boundary.
 *
 * Runs: PRIVACY_RUNS (default 3,000 in npm test, seed PRIVACY_SEED, default 17);
 * `npm run bench:privacy` runs 100,000 with a random seed.
 */
import fc from 'fast-check';
import type { INode, INodeExecutionData } from 'n8n-workflow';

import { answerOutcome } from '../../../nodes/ClovaOcr/actions/answerOutcome';
import type { RecognizeParameters } from '../../../nodes/ClovaOcr/actions/parameters';
import { outboundFileName } from '../../../nodes/ClovaOcr/boundary/outboundBinary';
import { outboundError } from '../../../nodes/ClovaOcr/boundary/outboundError';
import { outboundRows } from '../../../nodes/ClovaOcr/boundary/outboundItems';
import { parseIdCardResponse } from '../../../nodes/ClovaOcr/response/parseResponse';
import { serviceAnswerError } from '../../../nodes/ClovaOcr/transport/serviceAnswerError';
import { leakedWindow, stringsOf } from '../../fixtures/leakOracle';
import { answerOf, attack, type Attack } from '../../fixtures/privacyAttacks';

const NODE: INode = {
	id: 'property',
	name: 'CLOVA OCR',
	type: 'n8n-nodes-clova-ocr.clovaOcr',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const RUNS = Number(process.env.PRIVACY_RUNS ?? 3000);
const SEED =
	process.env.PRIVACY_SEED === 'random' ? undefined : Number(process.env.PRIVACY_SEED ?? 17);

type Mode = Pick<RecognizeParameters, 'output' | 'includePolygons'>;
const MODES: Mode[] = [
	{ output: 'fields', includePolygons: false },
	{ output: 'fields', includePolygons: true },
	{ output: 'document', includePolygons: false },
];

/** The part of a stack n8n shows as the error: its message, before the code locations. */
function stackMessage(stack: unknown): string {
	return typeof stack === 'string' ? stack.split(/\n\s+at /)[0] : '';
}

/** Everything the node emits for one attack in one mode. */
function emitted(attackCase: Attack, mode: Mode): string[] {
	const answer = answerOf(attackCase);
	const strings = [outboundFileName(answer.fileName)];
	try {
		if (answer.status !== 200)
			throw serviceAnswerError(NODE, answer.status, answer.body, 0, 'idCard').error;
		const outcome = answerOutcome(
			NODE,
			0,
			parseIdCardResponse(answer.body),
			{ operation: 'recognizeAnyId', revealSensitiveValues: false, minConfidence: 0, ...mode },
			'2026-12-03',
		);
		const rows: INodeExecutionData[] = outboundRows(outcome.rows, outcome.disclosure);
		strings.push(...rows.flatMap((row) => stringsOf(row.json)));
	} catch (error) {
		const sent = outboundError(NODE, error, 0);
		strings.push(
			sent.message,
			sent.description ?? '',
			stackMessage(sent.stack),
			...stringsOf(sent.messages),
			...stringsOf(sent.context),
			...stringsOf((sent as { errorResponse?: unknown }).errorResponse),
		);
	}
	return strings;
}

test(`no output string, error or file name holds 4 digits of positions 8-13 (${RUNS} runs)`, () => {
	fc.assert(
		fc.property(attack, fc.constantFrom(...MODES), (attackCase, mode) => {
			for (const text of emitted(attackCase, mode)) {
				const window = leakedWindow(text, attackCase.number.back);
				if (window !== null)
					throw new Error(`${attackCase.place} leaks ${window} in ${JSON.stringify(text)}`);
			}
		}),
		{ numRuns: RUNS, seed: SEED },
	);
});

describe('the judge can fail', () => {
	const leaking: Attack = {
		number: { front: '900101', gender: '1', back: '345678' },
		noise: {
			glyphs: Array(13).fill(0),
			separator: '-',
			stray: Array(13).fill(''),
			maskedFront: Array(6).fill(false),
		},
		place: 'registrationText',
		cut: 0.5,
		prefix: '',
	};

	test('the unmasked answer leaks, and the judge sees it', () => {
		const { body } = answerOf(leaking);
		expect(leakedWindow(body, '345678')).toBe('3456');
	});

	test('raw output, the one exception, passes the number through as returned', () => {
		const outcome = answerOutcome(
			NODE,
			0,
			parseIdCardResponse(answerOf(leaking).body),
			{
				operation: 'recognizeAnyId',
				revealSensitiveValues: false,
				minConfidence: 0,
				output: 'raw',
				includePolygons: false,
			},
			'2026-12-03',
		);
		const strings = outboundRows(outcome.rows, outcome.disclosure).flatMap((row) =>
			stringsOf(row.json),
		);
		expect(strings).toContain('900101-1345678');
	});
});
