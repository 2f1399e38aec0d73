/**
 * Checks what `npm pack` would publish: only dist/, package.json, README(s) and LICENSE, with
 * every file package.json's `n8n` section names. `npm run release:check`; also used by release.ts.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { n8nEntryFiles, packageFileProblems, packedFilePaths } from './package-files';
import { runCapturedOrThrow } from './shell';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** The packed file list; throws listing every problem when it is not right. */
export function checkPackedFiles(root: string = REPO_ROOT): string[] {
	const packJson = runCapturedOrThrow(
		'npm',
		['pack', '--dry-run', '--json', '--ignore-scripts'],
		root,
	);
	const paths = packedFilePaths(packJson);
	const manifest: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	const problems = packageFileProblems(paths, n8nEntryFiles(manifest));
	if (problems.length > 0)
		throw new Error(`npm pack would publish the wrong files:\n  ${problems.join('\n  ')}`);
	return paths;
}

if (require.main === module) {
	try {
		const paths = checkPackedFiles();
		const distCount = paths.filter((path) => path.startsWith('dist/')).length;
		const others = paths.filter((path) => !path.startsWith('dist/'));
		console.log(`package files OK: ${distCount} in dist/, plus ${others.join(', ')}`);
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	}
}
