import { assertImageWasRead } from '../../../nodes/ClovaOcr/actions/recognitionChecks';
import { boundingBoxOf } from '../../../nodes/ClovaOcr/output/boundingBox';
import { toFieldItems } from '../../../nodes/ClovaOcr/output/fieldItems';
import { cardOutlineOf } from '../../../nodes/ClovaOcr/response/cardOutline';
import { imageFactsOf, NO_IMAGE_FACTS } from '../../../nodes/ClovaOcr/response/imageFacts';
import { parseIdCardResponse } from '../../../nodes/ClovaOcr/response/parseResponse';
import { recognizedDocumentOf } from '../../../nodes/ClovaOcr/response/recognizedDocument';
import { reviewDocument } from '../../../nodes/ClovaOcr/review/reviewDocument';
import { clovaFixtureText, type ClovaFixture } from '../../fixtures/clovaFixtures';

const NODE = {
	id: 'n',
	name: 'CLOVA OCR',
	type: 'n8n-nodes-clova-ocr.clovaOcr',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

function imageOf(body: unknown) {
	return parseIdCardResponse(typeof body === 'string' ? body : JSON.stringify(body)).response
		.images[0];
}

describe('every documented example gives its document-level keys', () => {
	test.each<[ClovaFixture, object]>([
		[
			'ic-success.ko',
			{
				validationResult: 'NO_REQUESTED',
				validationMessage: null,
				estimatedLanguage: 'ko',
				pageIndex: null,
				pageWidth: null,
				pageHeight: null,
			},
		],
		['ic-success.en', { validationResult: 'NO_REQUESTED', estimatedLanguage: 'ko' }],
		['dl-success.ko', { validationResult: 'NO_REQUESTED', estimatedLanguage: 'ko' }],
		[
			'ic-failure.ko',
			{ validationResult: 'NO_REQUESTED', estimatedLanguage: null, cardOutline: null },
		],
		[
			'dl-failure.ko',
			{ validationResult: 'NO_REQUESTED', estimatedLanguage: null, cardOutline: null },
		],
	])('%s', (fixture, expected) => {
		expect(imageFactsOf(imageOf(clovaFixtureText(fixture)))).toMatchObject(expected);
	});

	test("the license example's rois give the card's outline box", () => {
		const facts = imageFactsOf(imageOf(clovaFixtureText('dl-success.ko')));
		expect(boundingBoxOf(facts.cardOutline ?? undefined)).toEqual({
			x: -4.7505364,
			y: -5.066147,
			width: 714.93665 + 4.7505364,
			height: 492.42014 + 5.066147,
		});
	});
});

describe('the response tables, key by key', () => {
	test.each(['NO_REQUESTED', 'UNCHECKED', 'ERROR', 'VALID', 'INVALID'])(
		'validationResult.result %s, with its message',
		(result) => {
			const facts = imageFactsOf(
				imageOf({
					images: [
						{
							inferResult: 'SUCCESS',
							validationResult: { result, message: 'checked' },
							idCard: { result: { ic: {} } },
						},
					],
				}),
			);
			expect([facts.validationResult, facts.validationMessage]).toEqual([result, 'checked']);
		},
	);

	test.each(['ko', 'en', 'ja'])('idCard.meta.estimatedLanguage %s', (language) => {
		const image = imageOf({
			images: [
				{ inferResult: 'SUCCESS', idCard: { meta: { estimatedLanguage: language }, result: {} } },
			],
		});
		expect(imageFactsOf(image).estimatedLanguage).toBe(language);
	});

	test('convertedImageInfo (PDF and TIFF): width, height, pageIndex', () => {
		const image = imageOf({
			images: [
				{
					inferResult: 'SUCCESS',
					convertedImageInfo: { width: 1654, height: 2339, pageIndex: 0 },
					idCard: { result: { ic: {} } },
				},
			],
		});
		expect(imageFactsOf(image)).toMatchObject({ pageIndex: 0, pageWidth: 1654, pageHeight: 2339 });
	});

	test.each([
		[
			'as the table prints it: {x, y} points',
			[
				{ x: 3, y: 4 },
				{ x: 750, y: -5 },
				{ x: 748, y: 473 },
				{ x: 2, y: 474 },
			],
			{ x: 2, y: -5, width: 748, height: 479 },
		],
		[
			'as the examples print it: [{vertices}]',
			[
				{
					vertices: [
						{ x: 10, y: 20 },
						{ x: 110, y: 80 },
					],
				},
			],
			{ x: 10, y: 20, width: 100, height: 60 },
		],
		['empty', [], { x: null, y: null, width: null, height: null }],
		['a string', 'whole card', { x: null, y: null, width: null, height: null }],
		['an object', { x: 1, y: 2 }, { x: null, y: null, width: null, height: null }],
		['points without numbers', [{ x: '1', y: 2 }], { x: null, y: null, width: null, height: null }],
		['polygons without vertices', [{}], { x: null, y: null, width: null, height: null }],
		[
			'vertices of the wrong type',
			[{ vertices: 'none' }],
			{ x: null, y: null, width: null, height: null },
		],
	])('rois %s: parsed, never a reason to fail', (_case, rois, box) => {
		const image = imageOf({
			images: [
				{ inferResult: 'SUCCESS', idCard: { result: { ic: { name: [{ text: 'A' }] }, rois } } },
			],
		});
		expect(recognizedDocumentOf(image).fields).toHaveLength(1);
		expect(boundingBoxOf(cardOutlineOf(rois) ?? undefined)).toEqual(box);
		expect(boundingBoxOf(imageFactsOf(image).cardOutline ?? undefined)).toEqual(box);
	});

	test('a field entry with text alone: every other key of the field table is optional', () => {
		const image = imageOf({
			images: [
				{ inferResult: 'SUCCESS', idCard: { result: { dl: { code: [{ text: 'H1A2B3' }] } } } },
			],
		});
		const document = recognizedDocumentOf(image);
		const [item] = toFieldItems(
			document,
			{ imageName: null, requestId: null, uid: null },
			reviewDocument(document, { runDate: '2026-11-22', minConfidence: 0 }).fields,
			{ includePolygons: true },
			imageFactsOf(image),
		);
		expect(item).toEqual({
			documentType: 'driverLicense',
			field: 'code',
			label: 'License Code (암호일련번호)',
			index: 0,
			text: 'H1A2B3',
			value: 'H1A2B3',
			confidence: null,
			isConfident: null,
			keyText: '',
			validationResult: null,
			validationMessage: null,
			estimatedLanguage: null,
			pageIndex: null,
			pageWidth: null,
			pageHeight: null,
			valid: null,
			// A license's key fields are missing: a whole-card reason, on every field item.
			warnings: 'num: missing; personalNum: missing',
			notes: '',
			needsReview: true,
			x: null,
			y: null,
			width: null,
			height: null,
			imageName: null,
			requestId: null,
			uid: null,
			boundingPolys: [],
			maskingPolys: [],
		});
	});

	test('keyText reaches the field item as sent', () => {
		const image = imageOf({
			images: [
				{
					inferResult: 'SUCCESS',
					idCard: { result: { ic: { name: [{ text: '홍**', keyText: '성명' }] } } },
				},
			],
		});
		const document = recognizedDocumentOf(image);
		const [item] = toFieldItems(
			document,
			{ imageName: null, requestId: null, uid: null },
			reviewDocument(document, { runDate: '2026-11-22', minConfidence: 0 }).fields,
			{ includePolygons: false },
		);
		expect(item.keyText).toBe('성명');
	});

	test('a polygon without vertices gives no box, not an error', () => {
		const image = imageOf({
			images: [
				{
					inferResult: 'SUCCESS',
					idCard: { result: { ic: { name: [{ text: 'A', boundingPolys: [{}] }] } } },
				},
			],
		});
		const [field] = recognizedDocumentOf(image).fields;
		expect(boundingBoxOf(field.values[0].boundingPolys?.[0])).toEqual({
			x: null,
			y: null,
			width: null,
			height: null,
		});
	});

	test('a response with only images[].idCard.result: a usable result', () => {
		const image = imageOf({ images: [{ idCard: { result: { ic: { name: [{ text: 'A' }] } } } }] });
		expect(() => assertImageWasRead(NODE, image, 0)).not.toThrow();
		expect(recognizedDocumentOf(image)).toEqual({
			documentType: 'idCard',
			idType: null,
			isConfident: null,
			fields: [{ field: 'name', values: [{ text: 'A' }] }],
		});
		expect(imageFactsOf(image)).toEqual(NO_IMAGE_FACTS);
	});

	test('no inferResult and no result: nothing to output, the item fails', () => {
		expect(() => assertImageWasRead(NODE, imageOf({ images: [{ name: 'a' }] }), 0)).toThrow(
			'CLOVA OCR could not read the image: the service answered without inferResult and without idCard.result',
		);
	});

	test('a field entry without text keeps failing, naming the path', () => {
		const image = imageOf({
			images: [
				{ inferResult: 'SUCCESS', idCard: { result: { ic: { name: [{ keyText: '성명' }] } } } },
			],
		});
		expect(() => recognizedDocumentOf(image)).toThrow(
			'does not fit the documented shape: images[0].idCard.result.ic.name[0].text: expected string, got undefined',
		);
	});

	test('a vertex without coordinates keeps failing (a box from it would be wrong)', () => {
		const image = imageOf({
			images: [
				{
					inferResult: 'SUCCESS',
					idCard: {
						result: { ic: { name: [{ text: 'A', boundingPolys: [{ vertices: [{ x: 1 }] }] }] } },
					},
				},
			],
		});
		expect(() => recognizedDocumentOf(image)).toThrow(
			'images[0].idCard.result.ic.name[0].boundingPolys[0].vertices[0].y: expected number, got undefined',
		);
	});
});
