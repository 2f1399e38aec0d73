/**
 * Writes the `installed_packages` / `installed_nodes` rows n8n's installer writes after an
 * install (InstalledPackagesRepository.persistPackageWithNodes), so Settings > Community
 * nodes and GET /rest/community-packages list the package. The database must exist (any
 * n8n command creates and migrates it). Runs on n8n's own Node with n8n's own sqlite3.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { timed } from './log';
import type { N8nContext } from './n8n-context';
import { installedPackageDir } from './install-community-package';
import { runCommand } from './run-command';

/** Executed by n8n's Node: argv = [database, packageDir]; n8n's node_modules on NODE_PATH. */
const RECORD_SCRIPT = String.raw`
const [database, packageDir] = process.argv.slice(1);
const path = require('node:path');
const sqlite3 = require('sqlite3');
const pkg = require(path.join(packageDir, 'package.json'));
const nodes = [];
for (const file of (pkg.n8n && pkg.n8n.nodes) || []) {
	const exported = require(path.join(packageDir, file));
	for (const NodeClass of Object.values(exported)) {
		if (typeof NodeClass !== 'function') continue;
		const node = new NodeClass();
		const d = node.description;
		if (!d || !d.name) continue;
		// as n8n's DirectoryLoader: a versioned node's currentVersion, else the highest version
		const version = node.currentVersion !== undefined ? node.currentVersion
			: Array.isArray(d.version) ? Math.max(...d.version) : (d.version || 1);
		nodes.push({ name: d.displayName, type: pkg.name + '.' + d.name, version });
	}
}
const db = new sqlite3.Database(database);
const now = "STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')";
const author = pkg.author && typeof pkg.author === 'object' ? pkg.author : {};
db.serialize(() => {
	db.run('PRAGMA foreign_keys = ON');
	db.run('BEGIN');
	db.run('DELETE FROM installed_packages WHERE packageName = ?', [pkg.name]);
	db.run('INSERT INTO installed_packages (packageName, installedVersion, authorName, authorEmail, createdAt, updatedAt) VALUES (?, ?, ?, ?, ' + now + ', ' + now + ')',
		[pkg.name, pkg.version, author.name || null, author.email || null]);
	for (const n of nodes) {
		db.run('INSERT INTO installed_nodes (name, type, latestVersion, package) VALUES (?, ?, ?, ?)', [n.name, n.type, n.version, pkg.name]);
	}
	db.run('COMMIT', (error) => {
		if (error) { console.error(error); process.exitCode = 1; }
		else process.stdout.write(JSON.stringify(nodes));
		db.close();
	});
});
`;

export interface RecordedNode {
	readonly name: string;
	readonly type: string;
	readonly version: number;
}

export async function recordInstalledPackage(
	ctx: N8nContext,
	packageName: string,
): Promise<RecordedNode[]> {
	const database = join(ctx.folder.n8nDir, 'database.sqlite');
	if (!existsSync(database)) {
		throw new Error(
			`${database} does not exist yet: run an n8n command (an import) before recording packages`,
		);
	}
	return timed(`record ${packageName} in n8n's database`, async () => {
		const n8nModules = join(ctx.n8n.nodeModules, 'n8n', 'node_modules');
		const result = await runCommand(
			ctx.n8n.node,
			['-e', RECORD_SCRIPT, database, installedPackageDir(ctx, packageName)],
			{
				cwd: join(ctx.n8n.nodeModules, 'n8n'),
				env: { ...ctx.env, NODE_PATH: [n8nModules, ctx.n8n.nodeModules].join(':') },
				timeoutMs: 60_000,
			},
		);
		return JSON.parse(result.stdout) as RecordedNode[];
	});
}
