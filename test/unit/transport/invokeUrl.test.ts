import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	idCardEndpoint,
	productEndpoint,
	productOfInvokeUrl,
} from '../../../nodes/ClovaOcr/transport/invokeUrl';

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

describe('productEndpoint: one domain, one product', () => {
	test.each([
		['businessRegistration', BASE, `${BASE}/document/biz-license`],
		['businessRegistration', `${BASE}/document/biz-license/`, `${BASE}/document/biz-license`],
		['receipt', `${BASE}/document/receipt`, `${BASE}/document/receipt`],
		['creditCard', BASE, `${BASE}/document/credit-card`],
		['nameCard', BASE, `${BASE}/document/name-card`],
		['passport', BASE, `${BASE}/document/passport`],
		['general', BASE, `${BASE}/general`],
		['template', `${BASE}/infer`, `${BASE}/infer`],
	] as const)('%s: %s → %s', (product, input, expected) => {
		expect(productEndpoint(input, product, node)).toBe(expected);
	});

	test('a full URL of another product fails, naming the product it belongs to', () => {
		let thrown: unknown;
		try {
			productEndpoint(`${BASE}/document/id-card`, 'businessRegistration', node);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(NodeOperationError);
		const { message, description } = thrown as NodeOperationError;
		expect(message).toBe(
			'The Invoke URL belongs to an ID card domain (it ends in /document/id-card), but this operation reads a business registration certificate',
		);
		expect(description).toBe(
			'One CLOVA OCR domain serves one product. Use a credential with the Invoke URL of your business registration certificate domain (its base URL, or the full URL ending in /document/biz-license), or choose the operation that reads an ID card.',
		);
	});

	test.each([
		['idCard', `${BASE}/general`, 'a General OCR domain'],
		['idCard', `${BASE}/infer`, 'a Template OCR domain'],
		['receipt', `${BASE}/document/credit-card`, 'a credit card domain'],
	] as const)('%s with %s: refused as %s', (product, input, owner) => {
		expect(() => productEndpoint(input, product, node)).toThrow(`belongs to ${owner}`);
	});

	test.each([
		[BASE, null],
		[`${BASE}/document/id-card`, 'idCard'],
		[`${BASE}/document/biz-license//`, 'businessRegistration'],
		[`${BASE}/general?x=1`, 'general'],
	] as const)('productOfInvokeUrl(%s) is %s', (input, product) => {
		expect(productOfInvokeUrl(input, node)).toBe(product);
	});
});
