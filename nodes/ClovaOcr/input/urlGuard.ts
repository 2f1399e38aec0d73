import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { refusedHostRule } from './hostGuard';

/** n8n 2.40+'s egress filter (`NodeEgressFilter`), described here because n8n-workflow 1.x has no such type. */
interface EgressFilter {
	validateUrl(url: string): Promise<{ ok: true } | { ok: false; error: Error }>;
	validateRedirectSync(url: string): void;
}

type EgressHelpers = {
	getSecureEgressFilter?: (policy: 'enforced') => EgressFilter;
};

/** What to send instead, for a person or a model. */
export const SEND_INSTEAD = 'Send a URL on the public internet, or the image itself as base64.';

const LIFT_IT = `${SEND_INSTEAD} Only public hosts are fetched; to fetch from a file server on your own network, turn on Options > Allow Private Network URLs.`;

export const NOT_HTTP =
	'Send an http:// or https:// URL of the image file, or the image itself as base64.';

export interface UrlGuard {
	/** Throws when `url` (the Image URL, or a redirect's target) may not be fetched. Call before each request. */
	check(url: URL, hop: number): Promise<void>;
}

function where(hop: number): string {
	return hop === 0 ? 'The Image URL' : `The Image URL's redirect (hop ${hop})`;
}

/** An error from n8n's own egress filter, said without the address it saw. */
export function isEgressRefusal(error: unknown): boolean {
	const { name } = (error ?? {}) as { name?: unknown };
	return name === 'SsrfBlockedIpError' || name === 'SsrfBlockedHostnameError';
}

export function egressRefusal(node: INode, itemIndex: number, hop: number): NodeOperationError {
	return new NodeOperationError(
		node,
		`${where(hop)} points at a host that n8n's egress filter blocks (its name resolves to a private, loopback, link-local or reserved address, or it is on the instance's deny-list)`,
		{
			itemIndex,
			description: `${LIFT_IT} Where the n8n instance has its own SSRF protection on, its administrator must also allow that address (N8N_SSRF_ALLOWED_IP_RANGES or N8N_SSRF_ALLOWED_HOSTNAMES).`,
		},
	);
}

/**
 * The checks every hop of an Image URL download passes: http(s) only, then
 * (unless Allow Private Network URLs is on) the node's own check of the host text
 * (literal addresses, localhost, internal names: every n8n line), and where the running
 * n8n has it (2.40+), n8n's egress filter with the 'enforced' policy, which also resolves
 * host names.
 */
export function createUrlGuard(
	ctx: IExecuteFunctions,
	itemIndex: number,
	allowPrivateHosts: boolean,
): UrlGuard {
	const node = ctx.getNode();
	const helpers = ctx.helpers as unknown as EgressHelpers;
	const filter = allowPrivateHosts ? undefined : helpers.getSecureEgressFilter?.('enforced');
	return {
		async check(url, hop) {
			if (url.protocol !== 'https:' && url.protocol !== 'http:') {
				throw new NodeOperationError(node, `${where(hop)} is not an http(s) URL`, {
					itemIndex,
					description: NOT_HTTP,
				});
			}
			if (allowPrivateHosts) return;
			const rule = refusedHostRule(url.hostname);
			if (rule) {
				throw new NodeOperationError(node, `${where(hop)} points at ${rule}`, {
					itemIndex,
					description: LIFT_IT,
				});
			}
			if (!filter) return;
			try {
				if (hop > 0) filter.validateRedirectSync(url.href);
			} catch {
				throw egressRefusal(node, itemIndex, hop);
			}
			const verdict = await filter.validateUrl(url.href);
			if (verdict.ok) return;
			if (isEgressRefusal(verdict.error)) throw egressRefusal(node, itemIndex, hop);
			throw new NodeOperationError(
				node,
				`${where(hop)} has a host name that could not be resolved`,
				{
					itemIndex,
					description: `Check the address, or that n8n can resolve public host names. ${SEND_INSTEAD}`,
				},
			);
		},
	};
}
