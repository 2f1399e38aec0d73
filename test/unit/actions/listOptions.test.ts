import type { INode } from 'n8n-workflow';

import {
	MAX_TEMPLATE_IDS,
	readLanguages,
	readTemplateIds,
} from '../../../nodes/ClovaOcr/actions/listOptions';

const NODE: INode = {
	id: 'list-options',
	name: 'CLOVA OCR',
	type: 'n8n-nodes-clova-ocr.clovaOcr',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('readLanguages', () => {
	test.each([
		['absent', undefined, []],
		['empty text', '', []],
		['the editor’s list', ['ko', 'ja'], ['ko', 'ja']],
		['text from an expression', 'ko, zh-TW,en', ['ko', 'zh-TW', 'en']],
		['repeats kept once, in order', ['en', 'ko', 'en'], ['en', 'ko']],
	])('%s', (_case, value, expected) => {
		expect(readLanguages(NODE, 0, value)).toEqual(expected);
	});

	test.each([
		['an unknown code', ['ko', 'fr']],
		['another case', ['KO']],
		['a number', 5],
		['an object', { ko: true }],
		['an empty entry', 'ko,,ja'],
	])('%s fails naming the values it takes', (_case, value) => {
		expect(() => readLanguages(NODE, 0, value)).toThrow(
			'Languages must be among: ko, ja, zh-TW, en',
		);
	});
});

describe('readTemplateIds', () => {
	test.each([
		['absent', undefined, []],
		['empty text', '', []],
		['one ID', '390', [390]],
		['text with spaces', ' 390 , 391', [390, 391]],
		['numbers from an expression', [390, 12], [390, 12]],
		['a number alone', 7, [7]],
		['repeats kept once', '5,5,6', [5, 6]],
	])('%s', (_case, value, expected) => {
		expect(readTemplateIds(NODE, 0, value)).toEqual(expected);
	});

	test.each([
		['a name', 'contract'],
		['a fraction', '3.5'],
		['a negative number', [-1]],
		['a number past the safe range', [2 ** 60]],
		['hex', '0x10'],
		['an empty entry', '390,'],
		['an object', { id: 390 }],
	])('%s fails, naming the option', (_case, value) => {
		expect(() => readTemplateIds(NODE, 0, value)).toThrow(
			'Template IDs must be whole numbers separated by commas',
		);
	});

	test(`more than ${MAX_TEMPLATE_IDS} IDs fail`, () => {
		const ids = Array.from({ length: MAX_TEMPLATE_IDS + 1 }, (_, i) => i);
		expect(readTemplateIds(NODE, 0, ids.slice(0, -1))).toHaveLength(MAX_TEMPLATE_IDS);
		expect(() => readTemplateIds(NODE, 0, ids)).toThrow(
			`Template IDs takes at most ${MAX_TEMPLATE_IDS} IDs`,
		);
	});
});
