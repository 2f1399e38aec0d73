/**
 * Prepares a release: `npm run release -- <patch|minor|major|x.y.z> [--dry-run]`.
 *
 * On a clean main: bumps package.json and package-lock.json, moves CHANGELOG.md's Unreleased
 * entries under the new version, builds, runs n8n's scanner lint, checks the packed file list,
 * packs the tarball of the new version and prints n8n's env-install line with its sha512,
 * then commits `Release x.y.z` and tags `vx.y.z`. Pushing the tag runs
 * .github/workflows/release.yml, which tests and publishes with provenance.
 * `--dry-run` does all the checks, the build and the pack but writes, commits and tags nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localIsoDate, releaseChangelog } from './changelog';
import { checkPackedFiles, REPO_ROOT } from './check-package';
import { envInstallLines } from './envInstallLine';
import { currentBranch, tagExists, uncommittedChanges } from './git';
import { packAsVersion, type PackedTarball } from './packAsVersion';
import { parseReleaseArgs, RELEASE_USAGE } from './release-args';
import { githubRepositoryUrl } from './repository-url';
import { resolveReleaseVersion } from './semver';
import { commandLine, runCaptured, runShown } from './shell';

const RELEASE_BRANCH = 'main';

interface PackageManifest {
	readonly version: string;
	readonly repository?: unknown;
}

function heading(text: string): void {
	console.log(`\n== ${text}`);
}

/** The env lines that install exactly `tarball` in n8n, with what they are for. */
function printEnvInstall(tarball: PackedTarball, packedFromDirtyTree: boolean): void {
	// Only a dry run gets here with a dirty tree: a real run stops on it first.
	const [managedByEnv, packages] = envInstallLines({
		name: tarball.name,
		version: tarball.version,
		checksum: tarball.integrity,
	});
	console.log(
		[
			`${tarball.filename} (${tarball.size} bytes): this build, packed with package.json's version set to ${tarball.version}; npm pack reports the same sha512.`,
			...(packedFromDirtyTree
				? [
						'dry run: packed from the working tree as it is, uncommitted changes included; the checksum holds only if the release commit has these same files.',
					]
				: []),
			'Set both on the n8n main and on every worker, so each installs exactly this tarball at boot (also where unverified packages are off, the n8n 3.x default):',
			managedByEnv,
			packages,
			`After publishing, \`npm view ${tarball.name}@${tarball.version} dist.integrity\` must print the same checksum (n8n compares it with that value).`,
		].join('\n'),
	);
}

/** Git state a real release needs; each entry is a reason to stop. */
function gitBlockers(version: string): string[] {
	const blockers: string[] = [];
	const branch = currentBranch(REPO_ROOT);
	if (branch !== RELEASE_BRANCH) blockers.push(`on branch "${branch}", not ${RELEASE_BRANCH}`);
	const changes = uncommittedChanges(REPO_ROOT);
	if (changes.length > 0) {
		const shown = changes
			.slice(0, 10)
			.map((line) => `\n    ${line}`)
			.join('');
		const more = changes.length > 10 ? `\n    … and ${changes.length - 10} more` : '';
		blockers.push(`the working tree is not clean:${shown}${more}`);
	}
	if (tagExists(`v${version}`, REPO_ROOT)) blockers.push(`tag v${version} already exists`);
	return blockers;
}

function main(): number {
	const argv = process.argv.slice(2);
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(RELEASE_USAGE);
		return 0;
	}
	const { request, dryRun } = parseReleaseArgs(argv);
	const mode = dryRun ? 'dry run: ' : '';

	const manifestPath = join(REPO_ROOT, 'package.json');
	const changelogPath = join(REPO_ROOT, 'CHANGELOG.md');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageManifest;
	const currentIsTagged = tagExists(`v${manifest.version}`, REPO_ROOT);
	const version = resolveReleaseVersion(manifest.version, request, currentIsTagged);
	const tag = `v${version}`;
	heading(`${mode}release ${manifest.version} -> ${version}`);

	const blockers = gitBlockers(version);
	if (blockers.length > 0) {
		const list = blockers.map((blocker) => `  - ${blocker}`).join('\n');
		if (!dryRun) throw new Error(`cannot release:\n${list}`);
		console.log(`a real run would stop here:\n${list}\n(dry run: going on with the other checks)`);
	} else {
		console.log(`git: on ${RELEASE_BRANCH}, clean, ${tag} not yet tagged`);
	}

	const changelog = releaseChangelog({
		changelog: readFileSync(changelogPath, 'utf8'),
		version,
		date: localIsoDate(new Date()),
		repositoryUrl: githubRepositoryUrl(manifest.repository),
	});

	heading('clean build, n8n scanner lint, package contents');
	// A clean dist/: files of deleted sources would otherwise be published.
	rmSync(join(REPO_ROOT, 'dist'), { recursive: true, force: true });
	runShown('npm', ['run', 'build'], REPO_ROOT);
	runShown('npm', ['run', 'lint'], REPO_ROOT);
	console.log('$ npm pack --dry-run --json');
	const packed = checkPackedFiles(REPO_ROOT);
	console.log(`package files OK (${packed.length}):\n  ${packed.join('\n  ')}`);

	heading(`n8n env install line for ${version}`);
	const tarball = packAsVersion(REPO_ROOT, packed, version);
	printEnvInstall(tarball, uncommittedChanges(REPO_ROOT).length > 0);

	const versionArgs = [
		'version',
		version,
		'--no-git-tag-version',
		...(version === manifest.version ? ['--allow-same-version'] : []),
	];
	const commitArgs = ['commit', '-m', `Release ${version}`];
	const tagArgs = ['tag', '-a', tag, '-m', `Release ${version}`];
	const addArgs = ['add', 'package.json', 'package-lock.json', 'CHANGELOG.md'];

	if (dryRun) {
		heading('dry run: would write, commit and tag');
		console.log(`$ ${commandLine('npm', versionArgs)}`);
		console.log(`would change CHANGELOG.md:\n${changelogDiff(changelogPath, changelog)}`);
		console.log(
			[addArgs, commitArgs, tagArgs].map((args) => `$ ${commandLine('git', args)}`).join('\n'),
		);
		if (blockers.length > 0) {
			console.log(
				`\ndry run done; a real run would have stopped: ${blockers.length} git problem(s) above`,
			);
			return 1;
		}
		console.log('\ndry run done: nothing written');
		return 0;
	}

	heading('write, commit, tag');
	runShown('npm', versionArgs, REPO_ROOT);
	if (readFileSync(manifestPath, 'utf8') !== tarball.manifestText) {
		throw new Error(
			`package.json after npm version is not the one packed for the checksum above: check it (git diff package.json), then restore it with git checkout package.json package-lock.json`,
		);
	}
	writeFileSync(changelogPath, changelog);
	console.log('wrote CHANGELOG.md');
	runShown('git', addArgs, REPO_ROOT);
	runShown('git', commitArgs, REPO_ROOT);
	runShown('git', tagArgs, REPO_ROOT);
	console.log(
		`\nRelease ${version} prepared. Publish it (the release workflow runs on the tag):\n  git push origin ${RELEASE_BRANCH} ${tag}`,
	);
	return 0;
}

/** `diff -u` of the current CHANGELOG.md against the text a real run would write. */
function changelogDiff(changelogPath: string, newText: string): string {
	const scratch = mkdtempSync(join(tmpdir(), 'clova-ocr-release-'));
	try {
		const proposed = join(scratch, 'CHANGELOG.md');
		writeFileSync(proposed, newText);
		const diff = runCaptured(
			'diff',
			[
				'-u',
				'--label',
				'CHANGELOG.md',
				'--label',
				'CHANGELOG.md (released)',
				changelogPath,
				proposed,
			],
			REPO_ROOT,
		);
		return diff.stdout.trimEnd();
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

try {
	process.exitCode = main();
} catch (error) {
	console.error(`\nrelease: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
}
