/**
 * A template document as field items and as one document item, and as they leave the node:
 * `templateId` and `templateName` on every item, `checked` on every field item, a checkbox's
 * column its state; a registration number in a template field shows no digit past the 7th.
 */
import type { IDataObject } from 'n8n-workflow';

import { TEMPLATE_PRODUCT } from '../../../../nodes/ClovaOcr/actions/template/templateProduct';
import { outboundRows } from '../../../../nodes/ClovaOcr/boundary/outboundItems';
import { toDocumentItem } from '../../../../nodes/ClovaOcr/output/documentItem';
import { toFieldItems } from '../../../../nodes/ClovaOcr/output/fieldItems';
import { itemSourceOf } from '../../../../nodes/ClovaOcr/output/itemSource';
import { imageFactsOf } from '../../../../nodes/ClovaOcr/response/imageFacts';
import { reviewDocument } from '../../../../nodes/ClovaOcr/review/reviewDocument';
import { templateAnswer, templateImageOf } from '../../../fixtures/template/templateAnswers';

const NODE = { name: 'CLOVA OCR' } as never;

function itemsOf(parsed = templateAnswer(), includePolygons = false) {
	const { response } = parsed;
	const image = response.images[0];
	const document = TEMPLATE_PRODUCT.documentOf(image, NODE, 0);
	const facts = imageFactsOf(image, TEMPLATE_PRODUCT.resultKey);
	const review = reviewDocument(
		document,
		{ runDate: '2026-01-01', minConfidence: 0, validationResult: facts.validationResult },
		TEMPLATE_PRODUCT.rules,
	);
	const source = itemSourceOf(response, image);
	return {
		fields: toFieldItems(document, source, review.fields, { includePolygons }, facts),
		document: toDocumentItem(document, source, review.document, facts),
	};
}

const SHARED = {
	documentType: 'template',
	isConfident: null,
	keyText: '',
	templateId: 31337,
	templateName: '견본 신청서 (SPECIMEN)',
	validationResult: 'NO_REQUESTED',
	validationMessage: null,
	estimatedLanguage: null,
	pageIndex: 0,
	pageWidth: 1000,
	pageHeight: 1400,
	valid: null,
	warnings: '',
	notes: '',
	needsReview: false,
	imageName: 'application-form',
	requestId: 'template-request',
	uid: 'template-uid',
};

const FIELD_ITEM_KEYS = [
	'documentType',
	'field',
	'label',
	'index',
	'text',
	'value',
	'confidence',
	'isConfident',
	'keyText',
	'checked',
	'templateId',
	'templateName',
	'validationResult',
	'validationMessage',
	'estimatedLanguage',
	'pageIndex',
	'pageWidth',
	'pageHeight',
	'valid',
	'warnings',
	'notes',
	'needsReview',
	'x',
	'y',
	'width',
	'height',
	'imageName',
	'requestId',
	'uid',
];

describe('field items of a template', () => {
	const { fields } = itemsOf();

	test('one item per value, in the order of the document', () => {
		expect(
			fields.map(({ field, label, index, text, value, confidence }) => [
				field,
				label,
				index,
				text,
				value,
				confidence,
			]),
		).toEqual([
			['회사명', '회사명', 0, '주식회사 견본', '주식회사 견본', 0.9987],
			['주민등록번호', '주민등록번호', 0, '900101-1234567', '900101-1234567', 0.9912],
			['동의', '동의', 0, '', '', 0.97],
			['연락처', '연락처', 0, '견본 연락처', '견본 연락처', 0.95],
			['연락처.전화', '연락처.전화', 0, '02-555-0100', '02-555-0100', 0.93],
			['연락처.이메일', '연락처.이메일', 0, 'sample@example.com', 'sample@example.com', 0.91],
			['연락처.field2', '연락처.field2', 0, '견본', '견본', null],
			['품목', '품목', 0, '사과', '사과', 0.9],
			['품목', '품목', 1, '배', '배', 0.85],
			['field5', 'field5', 0, '메모 견본', '메모 견본', 0.8],
			['비고', '비고', 0, '없음', '없음', null],
		]);
	});

	test('a checkbox: its state in `checked`, keys in their order', () => {
		const checkbox = fields[2];
		expect(checkbox).toEqual({
			...SHARED,
			field: '동의',
			label: '동의',
			index: 0,
			text: '',
			value: '',
			confidence: 0.97,
			checked: true,
			x: 100,
			y: 200,
			width: 20,
			height: 20,
		});
		expect(Object.keys(checkbox)).toEqual(FIELD_ITEM_KEYS);
	});

	test('every item carries the template and `checked`: null where the service sent no state', () => {
		expect(fields.map(({ field, ...item }) => [field, (item as IDataObject).checked])).toEqual([
			['회사명', null],
			['주민등록번호', null],
			['동의', true],
			['연락처', null],
			['연락처.전화', null],
			['연락처.이메일', null],
			['연락처.field2', false],
			['품목', null],
			['품목', null],
			['field5', null],
			['비고', null],
		]);
		for (const item of fields) expect(Object.keys(item)).toEqual(FIELD_ITEM_KEYS);
	});

	test('a value without a polygon: no box', () => {
		expect(fields[10]).toMatchObject({
			field: '비고',
			x: null,
			y: null,
			width: null,
			height: null,
		});
	});

	test('polygons on request: the one polygon of each value', () => {
		const withPolygons = itemsOf(templateAnswer(), true).fields;
		expect(withPolygons[0].boundingPolys).toEqual([
			{
				vertices: [
					{ x: 100, y: 100 },
					{ x: 300, y: 100 },
					{ x: 300, y: 130 },
					{ x: 100, y: 130 },
				],
			},
		]);
		expect(withPolygons[10].boundingPolys).toEqual([]);
		expect(withPolygons[0].maskingPolys).toEqual([]);
	});
});

describe('the document item of a template', () => {
	const { document } = itemsOf();

	test('a column per field; a checkbox’s column is its state; repeated names joined', () => {
		expect(document).toEqual({
			documentType: 'template',
			idType: null,
			isConfident: null,
			templateId: 31337,
			templateName: '견본 신청서 (SPECIMEN)',
			validationResult: 'NO_REQUESTED',
			validationMessage: null,
			estimatedLanguage: null,
			pageIndex: 0,
			pageWidth: 1000,
			pageHeight: 1400,
			cardX: null,
			cardY: null,
			cardWidth: null,
			cardHeight: null,
			imageName: 'application-form',
			requestId: 'template-request',
			uid: 'template-uid',
			valid: null,
			warnings: '',
			notes: '',
			needsReview: false,
			회사명: '주식회사 견본',
			주민등록번호: '900101-1234567',
			동의: true,
			연락처: '견본 연락처',
			'연락처.전화': '02-555-0100',
			'연락처.이메일': 'sample@example.com',
			'연락처.field2': false,
			품목: '사과\n배',
			field5: '메모 견본',
			비고: '없음',
		});
		expect(Object.keys(document).slice(0, 5)).toEqual([
			'documentType',
			'idType',
			'isConfident',
			'templateId',
			'templateName',
		]);
	});

	test('a repeated checkbox: its states joined like any other cell', () => {
		const image = templateImageOf({
			inferResult: 'SUCCESS',
			fields: [
				{ name: 'box', inferText: 'a', checked: true },
				{ name: 'box', inferText: 'b', checked: false },
				{ name: 'box', inferText: 'c' },
			],
		});
		const document = TEMPLATE_PRODUCT.documentOf(image, NODE, 0);
		const review = reviewDocument(document, { runDate: '2026-01-01', minConfidence: 0 });
		const source = { imageName: null, requestId: null, uid: null };
		expect(toDocumentItem(document, source, review.document).box).toBe('true\nfalse\nc');
	});

	test('fields named like the template columns get the field_ prefix', () => {
		const image = templateImageOf({
			inferResult: 'SUCCESS',
			matchedTemplate: { id: 1, name: 'form' },
			fields: ['templateId', 'templateName', 'checked'].map((name) => ({ name, inferText: name })),
		});
		const document = TEMPLATE_PRODUCT.documentOf(image, NODE, 0);
		const review = reviewDocument(document, { runDate: '2026-01-01', minConfidence: 0 });
		const source = { imageName: null, requestId: null, uid: null };
		expect(toDocumentItem(document, source, review.document)).toMatchObject({
			templateId: 1,
			templateName: 'form',
			field_templateId: 'templateId',
			field_templateName: 'templateName',
			field_checked: 'checked',
		});
	});
});

describe('template items as they leave the node', () => {
	const { fields, document } = itemsOf();
	const rows = [...fields, document].map((json) => ({ json: json as unknown as IDataObject }));

	test('masked: the registration number shows nothing past its 7th digit, anywhere', () => {
		const masked = outboundRows(rows, 'masked').map(({ json }) => json);
		const number = masked.find((json) => json.field === '주민등록번호')!;
		expect([number.text, number.value]).toEqual(['900101-1******', '900101-1******']);
		expect(masked[masked.length - 1]['주민등록번호']).toBe('900101-1******');
		expect(JSON.stringify(masked)).not.toMatch(/234567/);
	});

	test('masked: every other template value, and the template columns, as they were', () => {
		const masked = outboundRows(rows, 'masked').map(({ json }) => json);
		const others = (items: IDataObject[]) =>
			items.map((json) =>
				json.field === '주민등록번호'
					? { ...json, text: null, value: null }
					: { ...json, 주민등록번호: null },
			);
		expect(others(masked)).toEqual(others(rows.map(({ json }) => json)));
	});

	test('revealed: the number in full', () => {
		const revealed = outboundRows(rows, 'revealed').map(({ json }) => json);
		expect(revealed.find((json) => json.field === '주민등록번호')?.text).toBe('900101-1234567');
	});
});
