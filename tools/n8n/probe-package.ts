/**
 * A throwaway community package, `n8n-nodes-e2e-probe`, with one node `probe` that
 * outputs `{ ok: true }` per input item: proves the install mechanism without the real node.
 * Generated in a temp folder; never committed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packDirectory, type PackedPackage } from './pack-package';

export const PROBE_PACKAGE = 'n8n-nodes-e2e-probe';
export const PROBE_NODE_TYPE = `${PROBE_PACKAGE}.probe`;

const NODE_SOURCE = `'use strict';
class Probe {
	constructor() {
		this.description = {
			displayName: 'E2E Probe',
			name: 'probe',
			icon: 'fa:check',
			group: ['transform'],
			version: 1,
			description: 'Outputs { ok: true } for each input item',
			defaults: { name: 'E2E Probe' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		};
	}
	async execute() {
		const items = this.getInputData();
		return [items.map((_item, index) => ({ json: { ok: true }, pairedItem: { item: index } }))];
	}
}
exports.Probe = Probe;
`;

export async function packProbePackage(destination: string): Promise<PackedPackage> {
	const dir = mkdtempSync(join(tmpdir(), 'n8n-e2e-probe-src-'));
	const packageJson = {
		name: PROBE_PACKAGE,
		version: '0.0.1',
		description: 'e2e probe for n8n-nodes-clova-ocr',
		license: 'MIT',
		keywords: ['n8n-community-node-package'],
		main: 'index.js',
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: [],
			nodes: ['dist/nodes/Probe/Probe.node.js'],
		},
		peerDependencies: { 'n8n-workflow': '*' },
	};
	writeFileSync(join(dir, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
	mkdirSync(join(dir, 'dist', 'nodes', 'Probe'), { recursive: true });
	writeFileSync(join(dir, 'dist', 'nodes', 'Probe', 'Probe.node.js'), NODE_SOURCE);
	try {
		return await packDirectory(dir, destination);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
