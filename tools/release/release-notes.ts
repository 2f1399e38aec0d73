/**
 * Prints CHANGELOG.md's section for a version, for the GitHub release:
 *   npx tsx tools/release/release-notes.ts <x.y.z | vx.y.z>
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { releaseNotes } from './changelog';

const REPO_ROOT = resolve(__dirname, '..', '..');

try {
	const requested = process.argv[2];
	if (!requested) throw new Error('usage: npx tsx tools/release/release-notes.ts <x.y.z>');
	const changelog = readFileSync(join(REPO_ROOT, 'CHANGELOG.md'), 'utf8');
	process.stdout.write(releaseNotes(changelog, requested.replace(/^v/, '')));
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
}
