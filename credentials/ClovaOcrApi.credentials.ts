import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

// The connection test is the node's `clovaOcrApiTest` (nodes/ClovaOcr/transport/credentialTest.ts):
// n8n's declarative test hands its rules the parsed body only and passes on any
// answer no rule names, so it cannot pass only on the answer a right pair gets.

export class ClovaOcrApi implements ICredentialType {
	name = 'clovaOcrApi';

	displayName = 'CLOVA OCR API';

	icon: Icon = { light: 'file:../icons/clovaOcr.svg', dark: 'file:../icons/clovaOcr.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-clova-ocr/n8n-nodes-clova-ocr#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Invoke URL',
			name: 'invokeUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://xxxxxxxxxx.apigw.ntruss.com/custom/v1/12345/abcdef0123456789',
			description:
				"The Invoke URL of your CLOVA OCR domain, from the NAVER Cloud console. One domain serves one product (ID card, business registration…): use a credential per domain. The base URL and the full URL ending in the product's path (/document/id-card, /document/biz-license…) both work.",
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The Secret Key generated for the same domain',
		},
	];

	/**
	 * A function, not a generic `={{$credentials.secretKey}}` header: n8n 2.41's default
	 * expression engine fails to evaluate a credential expression in a workflow with the
	 * combined binary mode (it looks up `$item`, which has no input there), so every request
	 * would fail. A function is called as it is, on every n8n line.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		headers: { ...requestOptions.headers, 'X-OCR-SECRET': String(credentials.secretKey ?? '') },
	});
}
