import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withArticle } from '../model/documentTypes';
import { PRODUCTS, productOfPath, type ProductId } from '../model/products';

export const ID_CARD_PATH = PRODUCTS.idCard.path;

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

const WHERE_TO_FIND_IT =
	'Copy the Invoke URL from the NAVER Cloud console (CLOVA OCR > your domain > API Gateway integration) into the CLOVA OCR API credential.';

/** The Invoke URL a user pasted, checked: https (plain http on loopback hosts only), no query. */
function invokeUrlOf(invokeUrl: string, node: INode): URL {
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
	url.pathname = url.pathname.replace(/(?<!\/)\/+$/, '');
	url.search = '';
	url.hash = '';
	return url;
}

/** The product a pasted full Invoke URL belongs to; null for a base URL. */
export function productOfInvokeUrl(invokeUrl: string, node: INode): ProductId | null {
	return productOfPath(invokeUrlOf(invokeUrl, node).pathname);
}

/**
 * The endpoint of `product` for the Invoke URL a user pasted: the base
 * (`.../custom/v1/{domainId}/{invokeKey}`) or the full URL, with stray spaces and trailing
 * slashes. A full URL of another product fails, naming that product: one CLOVA OCR domain
 * serves one product. Plain http is only allowed on loopback hosts (local emulators), so a
 * secret never travels unencrypted.
 */
export function productEndpoint(invokeUrl: string, product: ProductId, node: INode): string {
	const url = invokeUrlOf(invokeUrl, node);
	const { path, displayName } = PRODUCTS[product];
	const pasted = productOfPath(url.pathname);
	if (pasted !== null && pasted !== product) {
		const other = PRODUCTS[pasted];
		throw new NodeOperationError(
			node,
			`The Invoke URL belongs to ${withArticle(other.displayName)} domain (it ends in ${other.path}), but this operation reads ${withArticle(displayName)}`,
			{
				description: `One CLOVA OCR domain serves one product. Use a credential with the Invoke URL of your ${displayName} domain (its base URL, or the full URL ending in ${path}), or choose the operation that reads ${withArticle(other.displayName)}.`,
			},
		);
	}
	if (pasted === null) url.pathname = `${url.pathname}${path}`;
	return url.toString();
}

/** The ID-card endpoint (`/document/id-card`) for the Invoke URL a user pasted. */
export function idCardEndpoint(invokeUrl: string, node: INode): string {
	return productEndpoint(invokeUrl, 'idCard', node);
}
