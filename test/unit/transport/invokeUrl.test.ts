import type { INode } from 'n8n-workflow';

import { idCardEndpoint } from '../../../nodes/ClovaOcr/transport/invokeUrl';

const node = { name: 'CLOVA OCR' } as INode;
const BASE = 'https://abc123.apigw.ntruss.com/custom/v1/12345/0123456789abcdef';

describe('idCardEndpoint', () => {
	test.each([
		['base URL', BASE, `${BASE}/document/id-card`],
		['full URL', `${BASE}/document/id-card`, `${BASE}/document/id-card`],
		['trailing slashes and spaces', `  ${BASE}//  `, `${BASE}/document/id-card`],
		['full URL with trailing slash', `${BASE}/document/id-card/`, `${BASE}/document/id-card`],
		[
			'gov cloud',
			'https://x.apigw.gov-ntruss.com/custom/v1/1/k',
			'https://x.apigw.gov-ntruss.com/custom/v1/1/k/document/id-card',
		],
		[
			'fin cloud',
			'https://x.apigw.fin-ntruss.com/custom/v1/1/k',
			'https://x.apigw.fin-ntruss.com/custom/v1/1/k/document/id-card',
		],
		['query dropped', `${BASE}?a=1#frag`, `${BASE}/document/id-card`],
		[
			'http on 127.0.0.1',
			'http://127.0.0.1:8080/custom/v1/1/k',
			'http://127.0.0.1:8080/custom/v1/1/k/document/id-card',
		],
		[
			'http on localhost',
			'http://localhost:8080/custom/v1/1/k/',
			'http://localhost:8080/custom/v1/1/k/document/id-card',
		],
		['http on [::1]', 'http://[::1]:8080/k', 'http://[::1]:8080/k/document/id-card'],
	])('%s', (_case, input, expected) => {
		expect(idCardEndpoint(input, node)).toBe(expected);
	});

	test.each([
		[
			'plain http elsewhere',
			'http://abc123.apigw.ntruss.com/custom/v1/1/k',
			'The Invoke URL must start with https://',
		],
		[
			'http on a look-alike host',
			'http://127.0.0.1.example.com/k',
			'The Invoke URL must start with https://',
		],
		['other scheme', 'ftp://127.0.0.1/k', 'The Invoke URL must start with https://'],
		[
			'not a URL',
			'abc123.apigw.ntruss.com/custom',
			'The Invoke URL in the credential is not a valid URL',
		],
		['empty', '', 'The Invoke URL in the credential is not a valid URL'],
	])('refuses %s', (_case, input, message) => {
		expect(() => idCardEndpoint(input, node)).toThrow(message);
	});
});
