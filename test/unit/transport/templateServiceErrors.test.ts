/**
 * Template OCR's own errors: 1021 (the template is not deployed) names Template IDs, and the
 * no-match answer ("NOT_FOUND: not found matched template") says no deployed template matched,
 * as an error body and as an image's message. Other products read the table as before.
 */
import type { NodeApiError } from 'n8n-workflow';

import {
	serviceAnswerError,
	unmatchedImageError,
} from '../../../nodes/ClovaOcr/transport/serviceAnswerError';
import {
	isNoMatchedTemplate,
	NO_MATCHED_TEMPLATE_MESSAGE,
	serviceErrorAdvice,
	serviceErrorKind,
	serviceErrorMessage,
} from '../../../nodes/ClovaOcr/transport/serviceErrors';

const NODE = {
	id: 'n',
	name: 'CLOVA OCR',
	type: 'n8n-nodes-clova-ocr.clovaOcr',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as never;

const NOT_DEPLOYED = 'CLOVA OCR found no deployed template: check Template IDs';
const NO_MATCH =
	'No deployed template matched the image: check Template IDs or deploy the template';

describe('1021 on Template OCR: the template is not deployed', () => {
	test('its own title and action, naming Template IDs', () => {
		expect(serviceErrorMessage('1021', 400, { product: 'template' })).toBe(
			`${NOT_DEPLOYED} (CLOVA OCR error 1021, HTTP 400)`,
		);
		const advice = serviceErrorAdvice('1021', 400, { product: 'template' });
		expect(advice.action).toMatch(
			/^Check Template IDs: the template must be deployed in the domain of the Invoke URL/,
		);
		expect(advice.action).toMatch(
			/Leave Template IDs empty to match the image against every deployed template\.$/,
		);
		expect([advice.retryable, advice.aboutInvokeUrl]).toEqual([false, undefined]);
		expect(serviceErrorKind('1021', 500, { product: 'template' })).toBe('permanent');
	});

	test.each(['idCard', 'businessRegistration', 'receipt', 'general'] as const)(
		'%s: 1021 as before (the Invoke URL may be a Template OCR domain)',
		(product) => {
			expect(serviceErrorMessage('1021', 500, { product })).toBe(
				'CLOVA OCR found no deployed model for this Invoke URL (CLOVA OCR error 1021, HTTP 500)',
			);
			expect(serviceErrorAdvice('1021', 500, { product }).aboutInvokeUrl).toBe(true);
		},
	);

	test('without a product: the table as before', () => {
		expect(serviceErrorMessage('1021', 500)).toBe(
			'CLOVA OCR found no deployed model for this Invoke URL (CLOVA OCR error 1021, HTTP 500)',
		);
	});

	test('the description of the item’s error: the action alone, no other product named', () => {
		const { error, kind } = serviceAnswerError(
			NODE,
			400,
			'{"code":"1021","message":"template 17 is not deployed"}',
			2,
			'template',
		);
		expect(error.message).toBe(`${NOT_DEPLOYED} (CLOVA OCR error 1021, HTTP 400)`);
		expect(error.description).toBe(serviceErrorAdvice('1021', 400, { product: 'template' }).action);
		expect(error.description).not.toMatch(/17|This operation reads/);
		expect(kind).toBe('permanent');
	});

	test('codes named like Object.prototype members stay unknown codes for Template OCR', () => {
		expect(serviceErrorMessage('constructor', 400, { product: 'template' })).toBe(
			'CLOVA OCR refused the request (an undocumented CLOVA OCR error code, HTTP 400)',
		);
	});
});

describe('isNoMatchedTemplate', () => {
	test.each<[unknown, unknown, boolean]>([
		[NO_MATCHED_TEMPLATE_MESSAGE, undefined, true],
		[` ${NO_MATCHED_TEMPLATE_MESSAGE}\n`, undefined, true],
		[NO_MATCHED_TEMPLATE_MESSAGE, '0500', true],
		['not found matched template', 'NOT_FOUND', true],
		['not found matched template', undefined, false],
		['not found matched template', '0500', false],
		['NOT_FOUND', undefined, false],
		['NOT_FOUND: not found matched template, and more', undefined, false],
		['not_found: NOT FOUND MATCHED TEMPLATE', undefined, false],
		[undefined, 'NOT_FOUND', false],
		[{ message: NO_MATCHED_TEMPLATE_MESSAGE }, undefined, false],
	])('message %j, code %j: %s', (message, code, expected) => {
		expect(isNoMatchedTemplate(message, code)).toBe(expected);
	});
});

describe('the no-match answer as an error body', () => {
	const answer = (status: number, body: object, product = 'template' as const) =>
		serviceAnswerError(NODE, status, JSON.stringify(body), 0, product);

	test.each<[string, number, object, string]>([
		[
			'with a documented code',
			400,
			{ code: '0011', message: NO_MATCHED_TEMPLATE_MESSAGE },
			`${NO_MATCH} (CLOVA OCR error 0011, HTTP 400)`,
		],
		[
			'split into code and message',
			404,
			{ code: 'NOT_FOUND', message: 'not found matched template' },
			`${NO_MATCH} (an undocumented CLOVA OCR error code, HTTP 404)`,
		],
		[
			'with a service-fault code: not retried',
			500,
			{ code: '0500', message: NO_MATCHED_TEMPLATE_MESSAGE },
			`${NO_MATCH} (CLOVA OCR error 0500, HTTP 500)`,
		],
		[
			'with 1021',
			400,
			{ code: '1021', message: NO_MATCHED_TEMPLATE_MESSAGE },
			`${NO_MATCH} (CLOVA OCR error 1021, HTTP 400)`,
		],
	])('%s', (_case, status, body, message) => {
		const { error, kind } = answer(status, body);
		expect(error.message).toBe(message);
		expect(error.description).toMatch(/^CLOVA OCR compared the image with the templates deployed/);
		expect(error.description).toMatch(/Template IDs lists the template made for this form/);
		expect(error.description).not.toMatch(/NOT_FOUND/);
		expect(kind).toBe('permanent');
	});

	test('on another product: the code decides, as before', () => {
		const { error, kind } = answer(
			500,
			{ code: '0500', message: NO_MATCHED_TEMPLATE_MESSAGE },
			'idCard' as never,
		);
		expect(error.message).toBe('CLOVA OCR service error (CLOVA OCR error 0500, HTTP 500)');
		expect(kind).toBe('transient');
	});

	test('another message on Template OCR: the code decides, as before', () => {
		const { error, kind } = answer(500, { code: '0500', message: 'NOT_FOUND: something else' });
		expect(error.message).toBe('CLOVA OCR service error (CLOVA OCR error 0500, HTTP 500)');
		expect(kind).toBe('transient');
	});
});

describe('unmatchedImageError: the no-match answer as an image’s inferResult', () => {
	test('the same words, the inferResult token, no HTTP code', () => {
		const error: NodeApiError = unmatchedImageError(NODE, 'FAILURE', 4);
		expect(error.message).toBe(NO_MATCH);
		expect(error.description).toBe(
			serviceErrorAdvice('0011', 400, {
				product: 'template',
				message: NO_MATCHED_TEMPLATE_MESSAGE,
			}).action,
		);
		expect(error.errorResponse).toEqual({ inferResult: 'FAILURE' });
		expect(error.context.itemIndex).toBe(4);
		expect(error.httpCode).toBeNull();
	});

	test('an undocumented inferResult is not echoed', () => {
		expect(unmatchedImageError(NODE, 'odd 900101-1234567', 0).errorResponse).toEqual({
			inferResult: null,
		});
		expect(unmatchedImageError(NODE, undefined, 0).errorResponse).toEqual({ inferResult: null });
	});
});

describe('0028 on General OCR: the domain’s table extraction is off', () => {
	test('its own title and action, naming the setting and the option', () => {
		expect(serviceErrorMessage('0028', 400, { product: 'general' })).toBe(
			"Table detection is off for this domain: turn on the domain's table extraction (CLOVA OCR error 0028, HTTP 400)",
		);
		expect(serviceErrorAdvice('0028', 400, { product: 'general' })).toMatchObject({
			action:
				"Turn on table extraction in the domain's settings (NAVER Cloud console > CLOVA OCR > General OCR > your domain), or turn off Options > Detect Tables.",
			retryable: false,
		});
	});

	test('another product reads 0028 as an undocumented code', () => {
		expect(serviceErrorMessage('0028', 400, { product: 'idCard' })).not.toMatch(/table/i);
	});
});
