/** `npm pack` a package folder (this repo, or the probe) into a destination folder. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCommand } from './run-command';

export interface PackedPackage {
	readonly name: string;
	readonly version: string;
	/** absolute path of the .tgz */
	readonly tarball: string;
	/** node types as n8n names them once the package is installed as a community package */
	readonly nodeTypes: readonly string[];
	/** credential type names the package declares */
	readonly credentialTypes: readonly string[];
}

interface PackageJson {
	name: string;
	version: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

/** The repo root (tools/n8n/../..). */
export const REPO_ROOT = resolve(__dirname, '..', '..');

function baseName(file: string, suffix: string): string {
	const last = file.split('/').pop() ?? file;
	return last.endsWith(suffix) ? last.slice(0, -suffix.length) : last;
}

/** `ClovaOcr.node.js` declares node `clovaOcr`: n8n takes the name from the description; by convention it is the class name, lower-camel. */
function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}

export async function packDirectory(dir: string, destination: string): Promise<PackedPackage> {
	const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
	mkdirSync(destination, { recursive: true });
	// --ignore-scripts: packing must not rebuild; the caller builds first when needed.
	const result = await runCommand(
		'npm',
		['pack', '--json', '--ignore-scripts', `--pack-destination=${destination}`],
		{
			cwd: dir,
			timeoutMs: 120_000,
		},
	);
	const report = JSON.parse(result.stdout) as Array<{ filename: string }>;
	const filename = report[0]?.filename;
	if (!filename) throw new Error(`npm pack printed no file name: ${result.stdout}`);
	const tarball = join(destination, filename.replace(/^@/, '').replace(/\//, '-'));
	if (!existsSync(tarball)) throw new Error(`npm pack did not write ${tarball}`);
	return {
		name: pkg.name,
		version: pkg.version,
		tarball,
		nodeTypes: (pkg.n8n?.nodes ?? []).map(
			(file) => `${pkg.name}.${lowerFirst(baseName(file, '.node.js'))}`,
		),
		credentialTypes: (pkg.n8n?.credentials ?? []).map((file) =>
			lowerFirst(baseName(file, '.credentials.js')),
		),
	};
}

export const REAL_NODE_ENTRY = join(REPO_ROOT, 'dist', 'nodes', 'ClovaOcr', 'ClovaOcr.node.js');

/** True once the real node has been built (`npm run build`). */
export function realPackageBuilt(): boolean {
	return existsSync(REAL_NODE_ENTRY);
}

/** Builds this repo (unless `build` is false) and packs it. */
export async function packRepo(
	destination: string,
	options: { build?: boolean } = {},
): Promise<PackedPackage> {
	if (options.build !== false) {
		await runCommand('npm', ['run', 'build'], { cwd: REPO_ROOT, timeoutMs: 300_000 });
	}
	if (!realPackageBuilt()) throw new Error(`${REAL_NODE_ENTRY} is missing after the build`);
	return packDirectory(REPO_ROOT, destination);
}
