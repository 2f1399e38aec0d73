/**
 * Installs a packed community package into an n8n user folder the way n8n's own installer
 * (CommunityPackagesService.downloadPackage, 1.123 and 2.41 alike) leaves it:
 *
 *   <N8N_USER_FOLDER>/.n8n/nodes/package.json                      ledger { dependencies: { pkg: version } }
 *   <N8N_USER_FOLDER>/.n8n/nodes/node_modules/<pkg>/               the tarball, unpacked
 *   package.json without devDependencies/peerDependencies/optionalDependencies, then
 *   `npm install --bin-links=false --install-strategy=shallow --ignore-scripts=true --package-lock=false`
 *
 * n8n scans `.n8n/nodes/node_modules/n8n-nodes-*` at every boot and loads each package with
 * its package name as prefix: node types are `<pkg>.<node>`, as in users' workflows.
 * `recordInstalledPackage` adds the `installed_packages`/`installed_nodes` rows n8n writes after
 * an install, so Settings > Community nodes lists it (nothing else needs them).
 *
 * Why not n8n's installer itself: it only takes packages from its registry, and pointing
 * N8N_COMMUNITY_PACKAGES_REGISTRY anywhere else is an enterprise-licensed feature
 * (FeatureNotLicensedError: feat:communityNodes:customRegistry) in 1.x and 2.x alike.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timed } from './log';
import type { N8nContext } from './n8n-context';
import type { PackedPackage } from './pack-package';
import { envWithoutNpmConfig, runCommand } from './run-command';

/** the flags n8n's installer passes to `npm install` in the unpacked package */
const N8N_INSTALL_FLAGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

export function nodesDir(ctx: N8nContext): string {
	return join(ctx.folder.n8nDir, 'nodes');
}

export function installedPackageDir(ctx: N8nContext, packageName: string): string {
	return join(nodesDir(ctx), 'node_modules', ...packageName.split('/'));
}

export async function installCommunityPackage(
	ctx: N8nContext,
	pkg: PackedPackage,
): Promise<string> {
	return timed(`install ${pkg.name}@${pkg.version} as a community package`, async () => {
		const dir = installedPackageDir(ctx, pkg.name);
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		await runCommand('tar', ['-xzf', pkg.tarball, '-C', dir, '--strip-components=1'], {
			timeoutMs: 60_000,
		});

		const packageJsonPath = join(dir, 'package.json');
		const {
			devDependencies: _dev,
			peerDependencies: _peer,
			optionalDependencies: _optional,
			...packageJson
		} = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as Record<string, unknown>;
		void _dev;
		void _peer;
		void _optional;
		writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));

		// `npm` is found on the context's PATH, after the Node that runs n8n, as n8n finds it.
		await runCommand('npm', ['install', ...N8N_INSTALL_FLAGS], {
			cwd: dir,
			env: { ...envWithoutNpmConfig(), PATH: ctx.env.PATH },
			timeoutMs: 180_000,
		});

		const ledgerPath = join(nodesDir(ctx), 'package.json');
		const ledger = existsSync(ledgerPath)
			? (JSON.parse(readFileSync(ledgerPath, 'utf8')) as { dependencies?: Record<string, string> })
			: {};
		const updated = {
			name: 'installed-nodes',
			private: true,
			...ledger,
			dependencies: { ...(ledger.dependencies ?? {}), [pkg.name]: pkg.version },
		};
		writeFileSync(ledgerPath, JSON.stringify(updated, null, 2));
		return dir;
	});
}
