import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

// The connection test posts an empty message: with a right pair the service
// answers 0011 (body invalid) without recognizing anything. n8n hands the
// rules the parsed body only (no status), so they match on the error code. The URL expression mirrors
// transport/invokeUrl.ts: base or full Invoke URL, spaces and slashes trimmed.
const ID_CARD_ENDPOINT =
	'={{ $credentials.invokeUrl.trim().replace(/\\/+$/, "").replace(/\\/document\\/id-card$/, "") + "/document/id-card" }}';

const CHECK_SECRET_KEY =
	'CLOVA OCR rejected the Secret Key (error 0002). Copy the Secret Key generated for this domain in the NAVER Cloud console.';
const CHECK_INVOKE_URL =
	'CLOVA OCR does not know this Invoke URL. Copy the Invoke URL of your ID card domain from the NAVER Cloud console (API Gateway integration).';

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
				'The Invoke URL of your CLOVA OCR Document OCR (ID card) domain, from the NAVER Cloud console. The base URL and the full URL ending in /document/id-card both work.',
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

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'X-OCR-SECRET': '={{$credentials.secretKey}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: ID_CARD_ENDPOINT,
			headers: { 'Content-Type': 'application/json' },
			body: {},
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: '0002', message: CHECK_SECRET_KEY },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: '0001', message: CHECK_INVOKE_URL },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: '0022', message: CHECK_INVOKE_URL },
			},
		],
	};
}
