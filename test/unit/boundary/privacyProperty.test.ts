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
 * The other products (test/fixtures/productPrivacyAttacks.ts, productPrivacyCheck.ts): a business
 * registration certificate shows no more than the first 7 digits of its representatives'
 * numbers anywhere, and its company number whole; a card number on a credit card or a receipt
 * no more than its last 4 digits.
 *
 * Runs: PRIVACY_RUNS (default 3,000 in npm test, seed PRIVACY_SEED, default 17) for each
 * property; `npm run bench:privacy` runs 100,000 with a random seed.
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
import {
	businessAnswerOf,
	businessAttack,
	cardAnswerOf,
	cardAttack,
	type BusinessAttack,
	type CardAttack,
} from '../../fixtures/productPrivacyAttacks';
import {
	checkBusinessAttack,
	checkCardAttack,
	emittedRows,
	MODES as PRODUCT_MODES,
} from '../../fixtures/productPrivacyCheck';

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

describe('business registration certificates', () => {
	test(`a representative's number shows no more than its first 7 digits anywhere, the company number stays whole (${RUNS} runs)`, () => {
		fc.assert(fc.property(businessAttack, fc.constantFrom(...PRODUCT_MODES), checkBusinessAttack), {
			numRuns: RUNS,
			seed: SEED,
		});
	});
});

describe('card numbers on credit cards and receipts', () => {
	test(`a card number shows no more than its last 4 digits (${RUNS} runs)`, () => {
		fc.assert(fc.property(cardAttack, fc.constantFrom(...PRODUCT_MODES), checkCardAttack), {
			numRuns: RUNS,
			seed: SEED,
		});
	});
});

// Each rule these two properties stand on, taken out, makes them fail:
// test/unit/boundary/productPrivacyMutants.test.ts.
describe('what the product judges compare with', () => {
	const plain = {
		glyphs: Array(13).fill(0),
		separator: '-',
		stray: Array(13).fill(''),
		maskedFront: Array(6).fill(false),
	};
	const certificate: BusinessAttack = {
		number: { front: '900101', gender: '1', back: '345678' },
		noise: plain,
		holder: 'coRepSocialNum',
		own: 'whole',
		echo: 'otherField',
		echoField: 'bisAddress',
		cut: 0.5,
		echoCut: 0.5,
		prefix: '주소 ',
		shift: { before: '', between: '', after: '', formattedWhole: true },
		company: { digits: '1101111021029', noise: plain, cut: null },
	};
	const card: CardAttack = {
		model: 'receipt',
		digits: [9, 4, 1, 0, 6, 1, 1, 2, 3, 4, 5, 6, 1, 2, 3, 4],
		text: {
			glyphs: Array(16).fill(0),
			separators: ['', '', '', '', '-', '', '', '', '-', '', '', '', '-', '', '', ''],
			prefix: '',
			suffix: '',
			masked: Array(16).fill(false),
		},
		formatted: {
			kind: 'none',
			reading: { glyphs: [], separators: [], prefix: '', suffix: '', masked: [] },
		},
		cuts: [],
		keyText: '카드번호',
	};

	test('unmasked, the certificate holds the number where it was put, and the company number', () => {
		const { revealed, masked } = emittedRows(
			businessAnswerOf(certificate),
			{ operation: 'recognizeBusinessRegistration' },
			PRODUCT_MODES[2],
		);
		expect(revealed[0]).toMatchObject({
			coRepSocialNum: '900101-1345678',
			bisAddress: '주소 900101-1345678',
			corpRegisterNum: '110111-1021029',
		});
		expect(masked[0]).toMatchObject({
			coRepSocialNum: '900101-1******',
			bisAddress: '주소 900101-1******',
			corpRegisterNum: '110111-1021029',
		});
		expect(() => checkBusinessAttack(certificate, PRODUCT_MODES[2])).not.toThrow();
	});

	test('unmasked, the receipt holds the card number whole', () => {
		const { revealed, masked } = emittedRows(
			cardAnswerOf(card),
			{ operation: 'recognizeDocument', documentModel: 'receipt' },
			PRODUCT_MODES[0],
		);
		const number = (rows: typeof revealed) =>
			rows.find((json) => json.field === 'paymentInfo.cardInfo.number')?.text;
		expect([number(revealed), number(masked)]).toEqual([
			'9410-6112-3456-1234',
			'****-****-****-1234',
		]);
		expect(() => checkCardAttack(card, PRODUCT_MODES[0])).not.toThrow();
	});
});
