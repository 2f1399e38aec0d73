import {
	MAX_RESPONSE_BODY_LENGTH,
	parseIdCardResponse,
	parseServiceError,
} from '../../../nodes/ClovaOcr/response/parseResponse';
import { ResponseShapeError } from '../../../nodes/ClovaOcr/response/responseShapeError';
import { clovaFixtureText, type ClovaFixture } from '../../fixtures/clovaFixtures';

describe('parseIdCardResponse on the documented examples, as printed', () => {
	test.each<[ClovaFixture, string, string, string | undefined]>([
		['ic-success.ko', 'idcard_test', 'SUCCESS', 'ID Card'],
		['ic-success.en', 'idcard_test', 'SUCCESS', 'ID Card'],
		['dl-success.ko', 'driverlicense_test', 'SUCCESS', "Driver's License"],
		['ic-failure.ko', 'idcard_sample', 'ERROR', undefined],
		['dl-failure.ko', 'idcard_sample', 'ERROR', undefined],
	])('%s', (fixture, name, inferResult, idtype) => {
		const { response, json } = parseIdCardResponse(clovaFixtureText(fixture));
		expect(response.requestId).toBe('1234');
		expect(response.images).toHaveLength(1);
		expect(response.images[0].name).toBe(name);
		expect(response.images[0].inferResult).toBe(inferResult);
		expect(response.images[0].idCard?.result?.idtype).toBe(idtype);
		expect(Object.keys(json.images[0] as object)).toEqual(Object.keys(response.images[0]));
	});

	test('keeps keys the documentation does not list', () => {
		const { response } = parseIdCardResponse(
			JSON.stringify({
				images: [{ inferResult: 'SUCCESS', extra: 1, idCard: { result: { xx: { a: [] } } } }],
				futureKey: true,
			}),
		);
		expect(response).toEqual({
			images: [{ inferResult: 'SUCCESS', extra: 1, idCard: { result: { xx: { a: [] } } } }],
			futureKey: true,
		});
	});
});

describe('the cap on the body parsed: 10 MiB', () => {
	const HEAD = '{"images":[{"inferResult":"SUCCESS","pad":"';
	const bodyOfLength = (length: number) => HEAD + 'x'.repeat(length - HEAD.length - 5) + '"},]}';

	test('a body of exactly 10 MiB is parsed, trailing comma and all', () => {
		const text = bodyOfLength(MAX_RESPONSE_BODY_LENGTH);
		expect(text).toHaveLength(10 * 1024 * 1024);
		expect(parseIdCardResponse(text).response.images[0].inferResult).toBe('SUCCESS');
	});

	test('one character more is refused as a success body', () => {
		expect(() => parseIdCardResponse(bodyOfLength(MAX_RESPONSE_BODY_LENGTH + 1))).toThrow(
			new ResponseShapeError('the body is longer than 10 MiB'),
		);
	});

	test('and is not read as a service error', () => {
		const text = '{"code":"0002","pad":"' + 'x'.repeat(MAX_RESPONSE_BODY_LENGTH) + '"}';
		expect(parseServiceError(text)).toBeNull();
		expect(parseServiceError('{"code":"0002","pad":""}')).toEqual({ code: '0002', pad: '' });
	});
});

describe('parseIdCardResponse refuses what does not fit, naming the path and not the content', () => {
	test.each([
		['not JSON', '<html>oops</html>', 'the body is not JSON'],
		['no images', '{"requestId":"1"}', 'images: expected array, got undefined'],
		['empty images', '{"images":[]}', 'images: expected at least one entry'],
		[
			'inferResult as a number',
			'{"images":[{"inferResult":1}]}',
			'images[0].inferResult: expected string, got number',
		],
		[
			'isConfident as text',
			'{"images":[{"inferResult":"SUCCESS","idCard":{"result":{"isConfident":"yes"}}}]}',
			'images[0].idCard.result.isConfident: expected boolean, got string',
		],
	])('%s', (_case, body, reason) => {
		expect(() => parseIdCardResponse(body)).toThrow(new ResponseShapeError(reason));
		expect(() => parseIdCardResponse(body)).toThrow(
			`CLOVA OCR sent a response that does not fit the documented shape: ${reason}`,
		);
	});
});

describe('parseServiceError', () => {
	test.each([
		[
			'{"code":"0002","message":"Secret key validate failed.","path":"/x","traceId":"t","timestamp":1}',
			{
				code: '0002',
				message: 'Secret key validate failed.',
				path: '/x',
				traceId: 't',
				timestamp: 1,
			},
		],
		['{"code":"0025",}', { code: '0025' }],
		['<html>Not Found</html>', null],
		['{"message":"no code"}', null],
	])('%s', (body, expected) => {
		expect(parseServiceError(body)).toEqual(expected);
	});
});
