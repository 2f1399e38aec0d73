/**
 * Template OCR reads every page of a PDF or TIFF: the pages of one answer draw on the same
 * limit as General OCR's (ANSWER_LIMITS.pagesPerAnswer), so a hostile answer of many images
 * cannot multiply the output.
 */
import type { INode } from 'n8n-workflow';

import { answerOutcome } from '../../../../nodes/ClovaOcr/actions/answerOutcome';
import { ResponseShapeError } from '../../../../nodes/ClovaOcr/response/responseShapeError';
import { parseIdCardResponse } from '../../../../nodes/ClovaOcr/response/parseResponse';

const NODE: INode = {
	id: 'template-pages',
	name: 'CLOVA OCR',
	type: 'n8n-nodes-clova-ocr.clovaOcr',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function answerOf(pages: number): string {
	const images = Array.from({ length: pages }, (_, pageIndex) => ({
		uid: `u${pageIndex}`,
		name: 'form',
		inferResult: 'SUCCESS',
		message: 'SUCCESS',
		convertedImageInfo: { width: 100, height: 100, pageIndex },
		matchedTemplate: { id: 390, name: 'form' },
		fields: [{ name: '성명', inferText: '홍길동', inferConfidence: 0.9 }],
	}));
	return JSON.stringify({ version: 'V2', requestId: 'r', timestamp: 1, images });
}

function itemsOf(pages: number) {
	return answerOutcome(
		NODE,
		0,
		parseIdCardResponse(answerOf(pages)),
		{
			operation: 'readTemplate',
			output: 'fields',
			includePolygons: false,
			revealSensitiveValues: false,
			minConfidence: 0,
		},
		'2026-12-04',
	).rows;
}

test('100 pages give an item per page', () => {
	expect(itemsOf(100).map(({ json }) => json.pageIndex)).toEqual(
		Array.from({ length: 100 }, (_, i) => i),
	);
});

test('101 pages fail the item before any page is read', () => {
	expect(() => itemsOf(101)).toThrow(
		new ResponseShapeError(
			'more than 100 pages in one answer (images)',
			"CLOVA OCR's answer has more than 100 pages in one answer (images) (the node's limit)",
		),
	);
	expect(() => itemsOf(101)).toThrow("CLOVA OCR's answer has more than 100 pages");
});
