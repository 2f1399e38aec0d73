import {
	serviceErrorAdvice,
	serviceErrorMessage,
} from '../../../nodes/ClovaOcr/transport/serviceErrors';

describe('what a user reads for each service answer', () => {
	test.each([
		[
			'0001',
			400,
			'The Invoke URL is invalid (CLOVA OCR error 0001, HTTP 400)',
			/^Check the Invoke URL/,
			false,
		],
		[
			'0002',
			401,
			'The Secret Key was rejected (CLOVA OCR error 0002, HTTP 401)',
			/^Check the Secret Key/,
			false,
		],
		[
			'0011',
			400,
			'CLOVA OCR refused the request as invalid (CLOVA OCR error 0011, HTTP 400)',
			/Check the input file/,
			false,
		],
		[
			'0021',
			400,
			'CLOVA OCR does not support this protocol version (CLOVA OCR error 0021, HTTP 400)',
			/Update/,
			false,
		],
		[
			'0022',
			400,
			"The Invoke URL's domain is invalid (CLOVA OCR error 0022, HTTP 400)",
			/^Check the Invoke URL/,
			false,
		],
		[
			'0023',
			400,
			"The domain's API request quota is used up (CLOVA OCR error 0023, HTTP 400)",
			/quota/,
			false,
		],
		[
			'0025',
			400,
			'CLOVA OCR rate limit reached (CLOVA OCR error 0025, HTTP 400)',
			/parallel calls/,
			true,
		],
		['0500', 500, 'CLOVA OCR service error (CLOVA OCR error 0500, HTTP 500)', /Try again/, true],
		['0501', 500, 'CLOVA OCR service error (CLOVA OCR error 0501, HTTP 500)', /Try again/, true],
		['0599', 500, 'CLOVA OCR service error (CLOVA OCR error 0599, HTTP 500)', /Try again/, true],
		[
			'1021',
			500,
			'CLOVA OCR found no deployed model for this Invoke URL (CLOVA OCR error 1021, HTTP 500)',
			/Template OCR/,
			false,
		],
		[
			'1022',
			403,
			'The CLOVA OCR service is blocked for this domain (CLOVA OCR error 1022, HTTP 403)',
			/status/,
			false,
		],
		[undefined, 404, 'The Invoke URL was not found (HTTP 404)', /^Check the Invoke URL/, false],
		[
			undefined,
			401,
			'CLOVA OCR refused the credentials (HTTP 401)',
			/^Check the Secret Key/,
			false,
		],
		[undefined, 429, 'CLOVA OCR rate limit reached (HTTP 429)', /parallel calls/, true],
		[undefined, 502, 'CLOVA OCR service error (HTTP 502)', /Try again/, true],
		[undefined, 418, 'CLOVA OCR refused the request (HTTP 418)', /credential/, false],
		[
			'9999',
			400,
			'CLOVA OCR refused the request (CLOVA OCR error 9999, HTTP 400)',
			/credential/,
			false,
		],
	])('code %s, HTTP %d', (code, status, message, action, retryable) => {
		expect(serviceErrorMessage(code, status)).toBe(message);
		expect(serviceErrorAdvice(code, status).action).toMatch(action);
		expect(serviceErrorAdvice(code, status).retryable).toBe(retryable);
	});
});

describe('codes named like Object.prototype members are unknown codes', () => {
	test.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])('%s', (code) => {
		expect(serviceErrorMessage(code, 400)).toBe(
			'CLOVA OCR refused the request (an undocumented CLOVA OCR error code, HTTP 400)',
		);
		expect(serviceErrorAdvice(code, 400)).toEqual({
			title: 'CLOVA OCR refused the request',
			action: 'Check the credential and the input file.',
			retryable: false,
		});
	});
});
