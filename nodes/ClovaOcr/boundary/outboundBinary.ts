import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { maskRegistrationContent } from './contentRule';

/** A file name as it leaves the node: the content rule (`홍길동_800101-1******.jpg`), always. */
export function outboundFileName(name: string): string {
	return maskRegistrationContent(name);
}

/** The one place the node stores a file for its output, under a masked name. */
export async function storeOutboundBinary(
	ctx: IExecuteFunctions,
	data: Uint8Array,
	fileName: string,
	mimeType: string,
): Promise<IBinaryData> {
	return await ctx.helpers.prepareBinaryData(
		Buffer.from(data.buffer, data.byteOffset, data.byteLength),
		outboundFileName(fileName),
		mimeType,
	);
}
