import {
	CREDENTIAL_TEST_MESSAGES as M,
	credentialVerdict,
} from '../../../nodes/ClovaOcr/transport/credentialTest';

const body = (code: string) => JSON.stringify({ code, message: 'x', path: '/', timestamp: 1 });
const COPY =
	'Copy the Invoke URL of your domain from the NAVER Cloud console (CLOVA OCR > your domain > API Gateway integration).';

describe('credentialVerdict: passes only on the answer a right pair gets', () => {
	test('0011 with HTTP 400 passes', () => {
		expect(credentialVerdict(400, body('0011'))).toEqual({ status: 'OK', message: M.ok });
	});

	test.each([
		['0002', 401, body('0002'), M.secretKey],
		['0001', 400, body('0001'), `CLOVA OCR does not know this Invoke URL (error 0001). ${COPY}`],
		['0022', 400, body('0022'), `CLOVA OCR does not know this Invoke URL (error 0022). ${COPY}`],
		['0023 (quota)', 400, body('0023'), M.quota],
		['HTML 404', 404, '<html><body>Not Found</body></html>', M.notFound],
		[
			'5xx',
			503,
			'<html>Service Unavailable</html>',
			'CLOVA OCR answered HTTP 503, a fault on its side, so the credential could not be checked. Try again in a few minutes.',
		],
		[
			'5xx with a CLOVA code',
			500,
			body('0500'),
			'CLOVA OCR answered HTTP 500, a fault on its side, so the credential could not be checked. Try again in a few minutes.',
		],
		[
			'non-JSON 200',
			200,
			'hello',
			`The Invoke URL did not answer like CLOVA OCR (HTTP 200, no CLOVA OCR error code in the body). ${COPY}`,
		],
		[
			'non-JSON 400',
			400,
			'Bad Request',
			`The Invoke URL did not answer like CLOVA OCR (HTTP 400, no CLOVA OCR error code in the body). ${COPY}`,
		],
		[
			'empty JSON 200',
			200,
			'{}',
			`The Invoke URL did not answer like CLOVA OCR (HTTP 200, no CLOVA OCR error code in the body). ${COPY}`,
		],
		[
			'0011 but HTTP 200',
			200,
			body('0011'),
			'CLOVA OCR answered error 0011: CLOVA OCR refused the request as invalid. The file may be damaged, have more than one page, or be larger than the service accepts. Check the input file.',
		],
		['a 401 without a code', 401, '', M.secretKey],
		[
			'a redirect',
			307,
			'',
			`The Invoke URL answered with a redirect (HTTP 307). Redirects are not followed, so the Secret Key is not sent on. ${COPY}`,
		],
		[
			'a code that is not four digits is not echoed',
			400,
			body('<script>'),
			`The Invoke URL did not answer like CLOVA OCR (HTTP 400, no CLOVA OCR error code in the body). ${COPY}`,
		],
	])('%s fails with what to fix', (_case, status, text, message) => {
		expect(credentialVerdict(status, text)).toEqual({ status: 'Error', message });
	});
});
