import type { ICredentialsDecrypted, IExecuteFunctions } from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'clovaOcrApi';

type ClovaCredentialData = {
	invokeUrl: string;
	secretKey: string;
};

/** An item's CLOVA OCR API credential, loaded once for all of the item's requests. */
export interface ItemCredential {
	readonly invokeUrl: string;
	/** Names the limiter's domain with the URL; sent only by the credential's `authenticate`. */
	readonly secretKey: string;
	/**
	 * What n8n's request helper takes as `credentialsDecrypted`: given it, the helper does not
	 * load the credential again (a database query in n8n) for each request and retry.
	 */
	readonly decrypted: ICredentialsDecrypted;
}

/** Loads the item's credential (its expressions resolved for this item): one store call. */
export async function loadItemCredential(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<ItemCredential> {
	const data = await ctx.getCredentials<ClovaCredentialData>(CREDENTIAL_TYPE, itemIndex);
	const reference = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
	return {
		invokeUrl: data.invokeUrl,
		secretKey: String(data.secretKey ?? ''),
		decrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: CREDENTIAL_TYPE,
			data,
		},
	};
}
