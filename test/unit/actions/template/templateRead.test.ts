/**
 * Template OCR's read check and product: a missing `inferResult` with `fields` is a reading,
 * the no-match answer its own error, anything else as for every product.
 */
import type { NodeApiError } from 'n8n-workflow';

import { assertTemplateImageRead } from '../../../../nodes/ClovaOcr/actions/template/templateRead';
import { TEMPLATE_PRODUCT } from '../../../../nodes/ClovaOcr/actions/template/templateProduct';
import { imageFactsOf } from '../../../../nodes/ClovaOcr/response/imageFacts';
import { templateAnswer, templateImageOf } from '../../../fixtures/template/templateAnswers';

const NODE = {
	id: 'n',
	name: 'CLOVA OCR',
	type: 'n8n-nodes-clova-ocr.clovaOcr',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as never;

function errorOf(image: object): NodeApiError {
	try {
		assertTemplateImageRead(templateImageOf(image), NODE, 3);
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('no error');
}

const NO_MATCH = 'NOT_FOUND: not found matched template';

describe('assertTemplateImageRead', () => {
	test.each<[string, object]>([
		['SUCCESS', { inferResult: 'SUCCESS', message: 'SUCCESS', fields: [] }],
		['SUCCESS without fields', { inferResult: 'SUCCESS' }],
		['no inferResult, with fields', { fields: [{ name: 'a', inferText: 'a' }] }],
		['no inferResult, with empty fields', { fields: [] }],
	])('%s: read', (_case, image) => {
		expect(() => assertTemplateImageRead(templateImageOf(image), NODE, 0)).not.toThrow();
	});

	test.each<[string, object]>([
		['FAILURE', { inferResult: 'FAILURE', message: NO_MATCH }],
		['ERROR', { inferResult: 'ERROR', message: NO_MATCH }],
		['no inferResult', { message: NO_MATCH }],
		['padded', { inferResult: 'FAILURE', message: ` ${NO_MATCH}\n` }],
	])('%s with the no-match message: its own error', (_case, image) => {
		const error = errorOf(image);
		expect(error.message).toBe(
			'No deployed template matched the image: check Template IDs or deploy the template',
		);
		expect(error.description).toMatch(/Template IDs lists the template made for this form/);
		expect(error.description).toMatch(/Template Builder/);
		expect(error.context.itemIndex).toBe(3);
	});

	test('the inferResult token is kept, undocumented ones are not echoed', () => {
		expect(errorOf({ inferResult: 'FAILURE', message: NO_MATCH }).errorResponse).toEqual({
			inferResult: 'FAILURE',
		});
		expect(errorOf({ inferResult: 'NOPE 900101', message: NO_MATCH }).errorResponse).toEqual({
			inferResult: null,
		});
	});

	test('another FAILURE: as for every product', () => {
		const error = errorOf({ inferResult: 'FAILURE', message: 'Read page:0 error.' });
		expect(error.message).toBe('CLOVA OCR could not read the image: Read page:0 error.');
	});

	test('no inferResult and no fields: fails as for every product', () => {
		expect(errorOf({ name: 'a' }).message).toMatch(/^CLOVA OCR could not read the image/);
	});

	test('SUCCESS with the no-match message: read (the verdict is inferResult)', () => {
		expect(() =>
			assertTemplateImageRead(
				templateImageOf({ inferResult: 'SUCCESS', message: NO_MATCH }),
				NODE,
				0,
			),
		).not.toThrow();
	});
});

describe('TEMPLATE_PRODUCT', () => {
	test('Template OCR, every page, no rules of its own', () => {
		expect(TEMPLATE_PRODUCT.id).toBe('template');
		expect(TEMPLATE_PRODUCT.pages).toBe('many');
		expect(TEMPLATE_PRODUCT.assertRead).toBe(assertTemplateImageRead);
		expect(TEMPLATE_PRODUCT.rules.validateField('a', '900101-1234567', {} as never)).toEqual({
			valid: null,
			warnings: [],
		});
	});

	test('its result key names no section of an answer: the shared facts read the image alone', () => {
		const image = templateAnswer().response.images[0];
		expect(Object.prototype.hasOwnProperty.call(image, TEMPLATE_PRODUCT.resultKey)).toBe(false);
		expect(imageFactsOf(image, TEMPLATE_PRODUCT.resultKey)).toEqual({
			validationResult: 'NO_REQUESTED',
			validationMessage: null,
			estimatedLanguage: null,
			pageIndex: 0,
			pageWidth: 1000,
			pageHeight: 1400,
			cardOutline: null,
		});
	});

	test('documentOf reads the template document', () => {
		const image = templateAnswer().response.images[0];
		expect(TEMPLATE_PRODUCT.documentOf(image, NODE, 0).documentType).toBe('template');
	});
});
