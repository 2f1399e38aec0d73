/** Plain `x.y.z` versions: the only kind this package releases (no pre-releases). */
export type BumpKind = 'patch' | 'minor' | 'major';

export interface Version {
	readonly major: number;
	readonly minor: number;
	readonly patch: number;
}

const PLAIN_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function isBumpKind(value: string): value is BumpKind {
	return value === 'patch' || value === 'minor' || value === 'major';
}

export function isPlainVersion(value: string): boolean {
	return PLAIN_VERSION.test(value);
}

export function parseVersion(text: string): Version {
	const match = PLAIN_VERSION.exec(text);
	if (!match) throw new Error(`"${text}" is not a plain x.y.z version`);
	return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

export function formatVersion(version: Version): string {
	return `${version.major}.${version.minor}.${version.patch}`;
}

export function compareVersions(a: Version, b: Version): number {
	return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

export function bumpVersion(current: Version, kind: BumpKind): Version {
	switch (kind) {
		case 'major':
			return { major: current.major + 1, minor: 0, patch: 0 };
		case 'minor':
			return { major: current.major, minor: current.minor + 1, patch: 0 };
		case 'patch':
			return { major: current.major, minor: current.minor, patch: current.patch + 1 };
	}
}

/**
 * The version to release from package.json's `current` and the requested bump or `x.y.z`.
 * An explicit version must be above the current one, except that the current version itself
 * may be released while it has no tag yet (the first release of a version set by hand).
 */
export function resolveReleaseVersion(
	current: string,
	request: string,
	currentIsTagged: boolean,
): string {
	const currentVersion = parseVersion(current);
	if (isBumpKind(request)) return formatVersion(bumpVersion(currentVersion, request));

	const requested = parseVersion(request);
	const order = compareVersions(requested, currentVersion);
	if (order > 0) return formatVersion(requested);
	if (order === 0 && !currentIsTagged) return formatVersion(requested);
	throw new Error(
		order === 0
			? `${request} is already released (tag v${request} exists): ask for a higher version`
			: `${request} is below the current version ${current}`,
	);
}
