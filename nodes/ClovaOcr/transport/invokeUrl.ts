import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const ID_CARD_PATH = '/document/id-card';

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

const WHERE_TO_FIND_IT =
	'Copy the Invoke URL from the NAVER Cloud console (CLOVA OCR > Document OCR > your ID card domain > API Gateway integration) into the CLOVA OCR API credential.';

/**
 * The ID-card endpoint for the Invoke URL a user pasted: the base
 * (`.../custom/v1/{domainId}/{invokeKey}`) or the full URL, with stray
 * spaces and trailing slashes. Plain http is only allowed on loopback hosts
 * (local emulators), so a secret never travels unencrypted.
 */
export function idCardEndpoint(invokeUrl: string, node: INode): string {
	let url: URL;
	try {
		url = new URL(invokeUrl.trim());
	} catch {
		throw new NodeOperationError(node, 'The Invoke URL in the credential is not a valid URL', {
			description: WHERE_TO_FIND_IT,
		});
	}
	if (
		url.protocol !== 'https:' &&
		!(url.protocol === 'http:' && LOOPBACK_HOSTS.test(url.hostname))
	) {
		throw new NodeOperationError(node, 'The Invoke URL must start with https://', {
			description: `Plain http:// is only accepted for local test servers (localhost, 127.0.0.1). ${WHERE_TO_FIND_IT}`,
		});
	}
	const path = url.pathname.replace(/(?<!\/)\/+$/, '');
	url.pathname = path.endsWith(ID_CARD_PATH) ? path : `${path}${ID_CARD_PATH}`;
	url.search = '';
	url.hash = '';
	return url.toString();
}
