import { CredentialTestContext } from 'n8n-core';
import type { INodeCredentialTestResult, INodeType } from 'n8n-workflow';

import { loadPackage, NODE_TYPE } from './packageTypes';

/**
 * Runs the credential's test the way n8n's CredentialsTester does for a
 * credential without a `test` block: the node's `methods.credentialTest`
 * function named by `testedBy`, called in n8n-core's own CredentialTestContext.
 * (The whole REST path, editor's Test button included, is in test/e2e/hostile-input.test.ts.)
 */
export async function testCredential(
	type: string,
	data: Record<string, string>,
): Promise<INodeCredentialTestResult> {
	const { nodeTypes } = await loadPackage();
	const node = nodeTypes.getByNameAndVersion(NODE_TYPE, 1) as INodeType;
	const testedBy = node.description.credentials?.find((c) => c.name === type)?.testedBy;
	if (typeof testedBy !== 'string') throw new Error(`no credential test function for ${type}`);
	const test = node.methods?.credentialTest?.[testedBy];
	if (!test) throw new Error(`methods.credentialTest.${testedBy} is missing`);
	const context = new (CredentialTestContext as unknown as new () => object)();
	return await test.call(context as never, { id: '1', name: 'test', type, data });
}
