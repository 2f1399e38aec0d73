import {
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
