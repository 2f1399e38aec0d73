import { PackageDirectoryLoader } from 'n8n-core';
import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { resolve } from 'node:path';

export const PACKAGE_DIR = resolve(__dirname, '../../..');
export const PACKAGE_NAME = 'n8n-nodes-clova-ocr';
export const NODE_TYPE = `${PACKAGE_NAME}.clovaOcr`;

export interface LoadedPackage {
	nodeTypes: INodeTypes;
	credentialTypes: Record<string, ICredentialType>;
}

let loaded: Promise<LoadedPackage> | undefined;

/**
 * Loads the built package from `dist` with n8n's own loader, which reads the
 * `n8n` section of package.json the way n8n does for an installed package.
 */
export function loadPackage(): Promise<LoadedPackage> {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_DIR);
		await loader.loadAll();
		const nodes = new Map<string, INodeType | IVersionedNodeType>();
		for (const [name, { type }] of Object.entries(loader.nodeTypes)) {
			nodes.set(`${loader.packageName}.${name}`, type);
		}
		const credentialTypes: Record<string, ICredentialType> = {};
		for (const [name, { type }] of Object.entries(loader.credentialTypes)) {
			credentialTypes[name] = type;
		}
		const byName = (name: string) => {
			const type = nodes.get(name);
			if (!type) throw new Error(`Unknown node type ${name}`);
			return type;
		};
		const nodeTypes: INodeTypes = {
			getByName: byName,
			getByNameAndVersion: (name, version) => {
				const type = byName(name);
				return 'nodeVersions' in type ? type.getNodeType(version) : type;
			},
			getKnownTypes: () => ({}),
		};
		return { nodeTypes, credentialTypes };
	})();
	return loaded;
}
