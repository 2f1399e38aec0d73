/**
 * What the product privacy properties (privacyProperty.test.ts) found in the boundary. Each
 * BUG is a `test.failing` (it passes while the bug is there, and fails once it is fixed: then
 * drop `.failing`, and the matching exclusion in test/fixtures/productPrivacyCheck.ts), beside
 * a test of the same case where the boundary does hold.
 */
import type { INode } from 'n8n-workflow';

import { answerOutcome } from '../../../nodes/ClovaOcr/actions/answerOutcome';
import type { OutputMode } from '../../../nodes/ClovaOcr/actions/parameters';
import { outboundRows } from '../../../nodes/ClovaOcr/boundary/outboundItems';
import { parseIdCardResponse } from '../../../nodes/ClovaOcr/response/parseResponse';

const NODE: INode = {
	id: 'findings',
	name: 'CLOVA OCR',
	type: 'n8n-nodes-clova-ocr.clovaOcr',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const fieldItem = (field: string, index: number, text: string, keyText: string) => ({
	json: { documentType: 'businessRegistration', field, index, text, value: text, keyText },
});

// The company number's values stay whole (the named exception), but the key texts of its
// values are read together as every other field's are.
describe('key texts of the company number, read together', () => {
	const rows = (field: string) => [
		fieldItem(field, 0, '110111-1021029', '법인등록번호 900101-'),
		fieldItem(field, 1, '2', '1345678'),
	];

	test('any other field: a number split across key texts is masked as one', () => {
		const masked = outboundRows(rows('companyName'), 'masked');
		expect(masked.map(({ json }) => json.keyText)).toEqual(['법인등록번호 900101-', '1******']);
	});

	test('corpRegisterNum: the same split is masked too (its values stay whole)', () => {
		const masked = outboundRows(rows('corpRegisterNum'), 'masked');
		expect(masked.map(({ json }) => [json.text, json.keyText])).toEqual([
			['110111-1021029', '법인등록번호 900101-'],
			['2', '1******'],
		]);
	});
});

// Found here and fixed in boundary/fieldRule.ts: a document column holds only each value's
// normalized reading (`formatted.value`), so a number split across readings (text `900101-1`,
// formatted.value `345678`) reached the field rule as `345678` alone, which showed its first
// position (the 8th digit). A reading that does not read as a number from its first position
// now shows none.
describe('a representative’s number split across text and formatted.value', () => {
	const body = JSON.stringify({
		version: 'V2',
		requestId: 'r',
		timestamp: 1,
		images: [
			{
				uid: 'u',
				name: 'biz',
				inferResult: 'SUCCESS',
				message: 'SUCCESS',
				bizLicense: {
					meta: {},
					result: {
						registerNumber: [{ text: '120-81-20190', formatted: { value: '120-81-20190' } }],
						socialNumber: [{ text: '900101-1', formatted: { value: '345678' } }],
					},
				},
			},
		],
	});

	function emitted(output: OutputMode) {
		const outcome = answerOutcome(
			NODE,
			0,
			parseIdCardResponse(body),
			{
				operation: 'recognizeBusinessRegistration',
				output,
				includePolygons: false,
				revealSensitiveValues: false,
				minConfidence: 0,
			},
			'2026-12-03',
		);
		return outboundRows(outcome.rows, outcome.disclosure).map(({ json }) => json);
	}

	test('fields: no digit past the 7th', () => {
		const item = emitted('fields').find((json) => json.field === 'socialNumber');
		expect([item?.text, item?.value]).toEqual(['900101-1', '******']);
	});

	test('document: no digit past the 7th either', () => {
		expect(emitted('document')[0].socialNumber).not.toMatch(/[3-8]/);
	});
});
