/** Path 6: the shape of CLOVA's answer, through parseIdCardResponse and answerOutcome (to field items). */
import { builtAnswerReader } from './builtNode';
import { outcomeOfError, type HostileCase, type HostilePath } from './hostileCase';
import {
	answerBody,
	answerOutcomeOf,
	cardField,
	CARD_FIELD_COUNT,
	type FieldValueJson,
} from './hostileAnswers';

const DEEP = 'bench-deep-placeholder';

function answerCase(
	name: string,
	unit: string,
	sizes: readonly number[],
	body: (size: number) => string,
): HostileCase {
	return {
		name,
		unit,
		sizes,
		prepare: (size) => {
			const reader = builtAnswerReader();
			const text = body(size);
			return {
				inputBytes: Buffer.byteLength(text),
				run: () => {
					try {
						return answerOutcomeOf(reader, text);
					} catch (error) {
						return outcomeOfError(error);
					}
				},
			};
		},
	};
}

const extraFields = (count: number): Record<string, FieldValueJson[]> =>
	Object.fromEntries(Array.from({ length: count }, (_, i) => [`extra${i}`, [cardField('A')]]));

const square = (vertices: number) =>
	Array.from({ length: vertices }, (_, i) => ({ x: i % 857, y: Math.floor(i / 857) }));

export const ANSWER_SHAPE: HostilePath = {
	title: "CLOVA's answer (response/answerLimits.ts, parseResponse.ts, recognizedDocument.ts)",
	before:
		'no figure in the issue; with no caps every field, value, polygon and vertex was parsed and output, at any nesting depth',
	cases: [
		answerCase('fields in the document', 'fields', [16, 64, 256, 1024, 4096], (size) =>
			answerBody(extraFields(size - CARD_FIELD_COUNT)),
		),
		answerCase('values in one field (address)', 'values', [8, 32, 128, 512, 2048], (size) =>
			answerBody({ address: Array.from({ length: size }, () => cardField('서울특별시 종로구')) }),
		),
		answerCase('vertices in one polygon', 'vertices', [4, 64, 1024, 16_384, 262_144], (size) =>
			answerBody({ name: [cardField('홍길동', { boundingPolys: [{ vertices: square(size) }] })] }),
		),
		answerCase(
			'nesting: arrays inside a value (`"extra": [[[…]]]`; the answer nests 8 + levels deep)',
			'levels',
			[16, 64, 1024, 16_384, 262_144],
			(size) =>
				answerBody({ name: [cardField('홍길동', { extra: DEEP })] }).replace(
					JSON.stringify(DEEP),
					'['.repeat(size) + ']'.repeat(size),
				),
		),
		answerCase(
			'length of one value text (address)',
			'chars',
			[10_000, 100_000, 1_000_000, 4_000_000],
			(size) => answerBody({ address: [cardField('서'.repeat(size))] }),
		),
	],
};
