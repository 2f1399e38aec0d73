import { isBumpKind, isPlainVersion } from './semver';

export interface ReleaseArgs {
	/** `patch`, `minor`, `major` or an explicit `x.y.z` */
	readonly request: string;
	readonly dryRun: boolean;
}

export const RELEASE_USAGE =
	'usage: npm run release -- <patch|minor|major|x.y.z> [--dry-run]  (a dry run without a version prepares a patch)';

export function parseReleaseArgs(argv: readonly string[]): ReleaseArgs {
	let request: string | undefined;
	let dryRun = false;
	for (const arg of argv) {
		if (arg === '--dry-run') dryRun = true;
		else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}\n${RELEASE_USAGE}`);
		else if (request !== undefined)
			throw new Error(`more than one version given (${request}, ${arg})\n${RELEASE_USAGE}`);
		else request = arg.replace(/^v(?=\d)/, '');
	}
	if (request === undefined && dryRun) request = 'patch';
	if (request === undefined) throw new Error(`no version given\n${RELEASE_USAGE}`);
	if (!isBumpKind(request) && !isPlainVersion(request)) {
		throw new Error(
			`"${request}" is neither patch, minor, major nor an x.y.z version\n${RELEASE_USAGE}`,
		);
	}
	return { request, dryRun };
}
