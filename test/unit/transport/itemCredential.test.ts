import type { IExecuteFunctions, INode } from 'n8n-workflow';

import {
	CREDENTIAL_TYPE,
	loadItemCredential,
} from '../../../nodes/ClovaOcr/transport/itemCredential';

function context(node: Partial<INode>, data: Record<string, unknown>) {
	const getCredentials = jest.fn(async () => data);
	const ctx = {
		getCredentials,
		getNode: () => ({ name: 'CLOVA OCR', ...node }) as INode,
	} as unknown as IExecuteFunctions;
	return { ctx, getCredentials };
}

test('one load, for the item, handed on as n8n takes a decrypted credential', async () => {
	const data = { invokeUrl: 'https://x.apigw.ntruss.com/custom/v1/1/k', secretKey: 's3cret' };
	const { ctx, getCredentials } = context(
		{ credentials: { clovaOcrApi: { id: 'cred1', name: 'CLOVA account' } } },
		data,
	);
	const credential = await loadItemCredential(ctx, 4);
	expect(getCredentials.mock.calls).toEqual([[CREDENTIAL_TYPE, 4]]);
	expect(credential).toEqual({
		invokeUrl: data.invokeUrl,
		secretKey: 's3cret',
		decrypted: { id: 'cred1', name: 'CLOVA account', type: 'clovaOcrApi', data },
	});
});

test('a credential without an id (or none on the node) is still handed on whole', async () => {
	const data = { invokeUrl: 'http://127.0.0.1:1/custom/v1/1/k', secretKey: 7 };
	const noId = await loadItemCredential(
		context({ credentials: { clovaOcrApi: { id: null, name: 'n' } } }, data).ctx,
		0,
	);
	expect(noId.decrypted).toEqual({ id: '', name: 'n', type: 'clovaOcrApi', data });
	const none = await loadItemCredential(context({}, data).ctx, 0);
	expect(none.decrypted).toEqual({ id: '', name: '', type: 'clovaOcrApi', data });
	expect(none.secretKey).toBe('7');
});
