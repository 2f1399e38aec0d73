/**
 * textRedactionDocument: the answer as a document for the redacted copy. Every word is a value
 * with its polygon; only the words the content rule changes, with all the answer's words read
 * together, get it as a masking polygon.
 */
import { textPagesOf } from '../../../../nodes/ClovaOcr/actions/text/textPages';
import { textRedactionDocument } from '../../../../nodes/ClovaOcr/actions/text/textRedaction';
import { redactionPlanOf } from '../../../../nodes/ClovaOcr/output/redactionRegions';
import {
	answerOf,
	box,
	node,
	page,
	parsed,
	twoPageAnswer,
	word,
} from '../../../fixtures/general/twoPageAnswer';

const documentOf = (answer: Record<string, unknown>) =>
	textRedactionDocument(textPagesOf(node, 0, parsed(answer).response));

const masked = (text: string, polygon: ReturnType<typeof box>) => ({
	text,
	boundingPolys: [polygon],
	maskingPolys: [polygon],
});
const kept = (text: string, polygon?: ReturnType<typeof box>) => ({
	text,
	boundingPolys: polygon ? [polygon] : [],
	maskingPolys: [],
});

describe('textRedactionDocument', () => {
	test('a field per page, a value per word; only the number’s back half is masked', () => {
		expect(documentOf(twoPageAnswer())).toEqual({
			documentType: 'text',
			idType: null,
			isConfident: null,
			fields: [
				{
					field: 'page1',
					values: [
						kept('성명', box(10, 10, 60, 30)),
						kept('홍길동', box(70, 10, 150, 30)),
						kept('주민번호', box(10, 40, 80, 60)),
						// `900101-` keeps what the rule keeps: the front and the separator
						kept('900101-', box(90, 40, 160, 60)),
						masked('1234567', box(165, 42, 240, 62)),
					],
				},
				{ field: 'page2', values: [kept('Total'), kept('1,000', box(60, 5, 110, 25))] },
			],
		});
	});

	test('a number split across a line break is read as one', () => {
		const values = documentOf(twoPageAnswer(true)).fields[0].values;
		expect(values.map((value) => value.maskingPolys!.length)).toEqual([0, 0, 0, 0, 1]);
	});

	test('a number split across pages is read as one: the answer is read in order', () => {
		const first = page(0, [word('900101', { box: box(0, 0, 10, 10) })]);
		const second = page(1, [word('-1234567', { box: box(0, 0, 20, 10) })]);
		const document = documentOf(answerOf([first, second]));
		expect(document.fields.map((field) => field.values[0].maskingPolys)).toEqual([
			[],
			[box(0, 0, 20, 10)],
		]);
	});

	test('a number within one word masks that word', () => {
		const document = documentOf(
			answerOf([page(0, [word('900101-1234567', { box: box(1, 2, 3, 4) })])]),
		);
		expect(document.fields[0].values).toEqual([masked('900101-1234567', box(1, 2, 3, 4))]);
	});

	test('no number: no masking polygon, and a redaction plan with no region', () => {
		const document = documentOf(answerOf([page(0, [word('hello', { box: box(1, 2, 3, 4) })])]));
		expect(document.fields[0].values).toEqual([kept('hello', box(1, 2, 3, 4))]);
		expect(redactionPlanOf(document, [], { width: 100, height: 100 })).toEqual({
			regions: [],
			unhiddenFields: [],
		});
	});

	test('the redaction plan blacks out the masked word’s box only', () => {
		const plan = redactionPlanOf(documentOf(twoPageAnswer()), [], { width: 1000, height: 800 });
		expect(plan.unhiddenFields).toEqual([]);
		expect(plan.regions).toHaveLength(1);
		const [region] = plan.regions;
		// the box of `1234567` (165,42)–(240,62), grown by the masking margin
		expect(region.x).toBeLessThanOrEqual(165);
		expect(region.x + region.width).toBeGreaterThanOrEqual(240);
		expect(region.x).toBeGreaterThan(160);
	});
});
