/**
 * CLOVA answers built for the bench: a recognized resident card (the documented shape), with
 * whatever fields a case adds or replaces. Bodies are JSON text, as the service sends them.
 */
import { BENCH_NODE, type AnswerReader } from './builtNode';

interface Vertex {
	x: number;
	y: number;
}

export interface FieldValueJson {
	text: string;
	boundingPolys?: Array<{ vertices: Vertex[] }>;
	[key: string]: unknown;
}

const box = (x: number, y: number, width: number, height: number) => ({
	vertices: [
		{ x, y },
		{ x: x + width, y },
		{ x: x + width, y: y + height },
		{ x, y: y + height },
	],
});

/** One recognized value, as in the documented examples; `extra` adds or replaces keys. */
export function cardField(text: string, extra: Record<string, unknown> = {}): FieldValueJson {
	return {
		text,
		formatted: { value: text },
		keyText: '',
		confidenceScore: 0.98,
		boundingPolys: [box(60, 110, 300, 50)],
		maskingPolys: [],
		...extra,
	};
}

const CARD_FIELDS: Record<string, FieldValueJson[]> = {
	name: [cardField('홍길동')],
	personalNum: [cardField('800101-1234567')],
	address: [cardField('서울특별시 종로구 세종대로 209')],
	issueDate: [cardField('2019.09.10')],
	authority: [cardField('서울특별시 종로구청장')],
};

/** Fields of the card (name, personalNum, address, issueDate, authority) before `fields`. */
export const CARD_FIELD_COUNT = Object.keys(CARD_FIELDS).length;

/** A SUCCESS answer for one resident card whose `ic` section holds the card's fields and `fields`. */
export function answerBody(fields: Record<string, FieldValueJson[]>): string {
	return JSON.stringify({
		version: 'V2',
		requestId: 'bench',
		timestamp: 1725406864631,
		images: [
			{
				uid: 'bench',
				name: 'card',
				inferResult: 'SUCCESS',
				message: 'SUCCESS',
				validationResult: { result: 'NO_REQUESTED' },
				idCard: {
					meta: { estimatedLanguage: 'ko' },
					result: { isConfident: true, ic: { ...CARD_FIELDS, ...fields } },
				},
			},
		],
	});
}

/** What the node makes of one answer body with Output "One Item per Field" and Include Polygons. */
export function answerOutcomeOf(reader: AnswerReader, body: string): string {
	const parsed = reader.parseIdCardResponse(body);
	const { rows } = reader.answerOutcome(
		BENCH_NODE,
		0,
		parsed,
		{
			operation: 'recognizeIdCard',
			output: 'fields',
			includePolygons: true,
			revealSensitiveValues: false,
			minConfidence: 0,
		},
		'2025-01-01',
	);
	return `${rows.length} items`;
}
