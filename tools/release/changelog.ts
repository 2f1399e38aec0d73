/**
 * CHANGELOG.md in the Keep a Changelog 1.1.0 layout: an intro, `## [Unreleased]`, then
 * `## [x.y.z] - YYYY-MM-DD` sections, newest first, and link definitions at the bottom
 * (`[unreleased]: …/compare/vX...HEAD`, `[x.y.z]: …/compare/vW...vX`).
 */

export interface ReleaseChangelogInput {
	/** the current CHANGELOG.md text */
	readonly changelog: string;
	/** the version being released, x.y.z */
	readonly version: string;
	/** the release date, YYYY-MM-DD */
	readonly date: string;
	/** https://github.com/owner/name */
	readonly repositoryUrl: string;
}

interface ChangelogLayout {
	readonly lines: readonly string[];
	/** index of the `## [Unreleased]` heading */
	readonly unreleasedHeading: number;
	/** index of the first section heading after Unreleased, or of the link block when there is none */
	readonly sectionsStart: number;
	/** index where the trailing link definitions start (lines.length when there are none) */
	readonly linksStart: number;
}

const UNRELEASED_HEADING = /^## \[unreleased\]\s*$/i;
const SECTION_HEADING = /^## /;
const VERSION_HEADING = /^## \[(\d+\.\d+\.\d+)\]/;
const LINK_DEFINITION = /^\[([^\]]+)\]:\s*\S/;
const LIST_ENTRY = /^\s*[-*] \S/;

function isBlank(line: string): boolean {
	return line.trim() === '';
}

function withoutBlankEnds(lines: readonly string[]): string[] {
	let start = 0;
	let end = lines.length;
	while (start < end && isBlank(lines[start])) start++;
	while (end > start && isBlank(lines[end - 1])) end--;
	return lines.slice(start, end);
}

function linesOf(changelog: string): string[] {
	return changelog.replace(/\r\n/g, '\n').split('\n');
}

function linksStartOf(lines: readonly string[]): number {
	let linksStart = lines.length;
	for (let i = lines.length - 1; i >= 0; i--) {
		if (LINK_DEFINITION.test(lines[i])) linksStart = i;
		else if (!isBlank(lines[i])) break;
	}
	return linksStart;
}

function layoutOf(changelog: string): ChangelogLayout {
	const lines = linesOf(changelog);
	const linksStart = linksStartOf(lines);

	const unreleasedHeading = lines.findIndex((line) => UNRELEASED_HEADING.test(line));
	if (unreleasedHeading === -1 || unreleasedHeading >= linksStart) {
		throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
	}

	let sectionsStart = linksStart;
	for (let i = unreleasedHeading + 1; i < linksStart; i++) {
		if (SECTION_HEADING.test(lines[i])) {
			sectionsStart = i;
			break;
		}
	}
	return { lines, unreleasedHeading, sectionsStart, linksStart };
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The versions that have a section, newest first (as they appear). */
export function releasedVersions(changelog: string): string[] {
	const versions: string[] = [];
	for (const line of linesOf(changelog)) {
		const match = VERSION_HEADING.exec(line);
		if (match) versions.push(match[1]);
	}
	return versions;
}

/**
 * Moves the Unreleased entries under `## [version] - date`, leaves Unreleased empty, and
 * points the `[unreleased]` link at `vversion...HEAD` with a link for the new version.
 */
export function releaseChangelog(input: ReleaseChangelogInput): string {
	const { version, date, repositoryUrl } = input;
	const { lines, unreleasedHeading, sectionsStart, linksStart } = layoutOf(input.changelog);

	const entries = withoutBlankEnds(lines.slice(unreleasedHeading + 1, sectionsStart));
	if (!entries.some((line) => LIST_ENTRY.test(line))) {
		throw new Error('CHANGELOG.md has no entries under "## [Unreleased]": nothing to release');
	}
	const previousVersions = releasedVersions(input.changelog);
	if (previousVersions.includes(version)) {
		throw new Error(`CHANGELOG.md already has a section for ${version}`);
	}

	const links = lines.slice(linksStart).filter((line) => !isBlank(line));
	const linkLabel = (line: string): string => (LINK_DEFINITION.exec(line)?.[1] ?? '').toLowerCase();
	if (links.some((line) => linkLabel(line) === version)) {
		throw new Error(`CHANGELOG.md already has a link for ${version}`);
	}
	const previous = previousVersions[0];
	const newLinks = [
		`[unreleased]: ${repositoryUrl}/compare/v${version}...HEAD`,
		previous
			? `[${version}]: ${repositoryUrl}/compare/v${previous}...v${version}`
			: `[${version}]: ${repositoryUrl}/releases/tag/v${version}`,
		...links.filter((line) => linkLabel(line) !== 'unreleased'),
	];

	const olderSections = withoutBlankEnds(lines.slice(sectionsStart, linksStart));
	const output = [
		...lines.slice(0, unreleasedHeading + 1),
		'',
		`## [${version}] - ${date}`,
		'',
		...entries,
		'',
		...(olderSections.length > 0 ? [...olderSections, ''] : []),
		...newLinks,
	];
	return `${output.join('\n')}\n`;
}

/** The body of `## [version]`'s section (for the GitHub release), without its heading. */
export function releaseNotes(changelog: string, version: string): string {
	const lines = linesOf(changelog);
	const linksStart = linksStartOf(lines);
	const heading = new RegExp(`^## \\[${escapeRegExp(version)}\\]`);
	const start = lines.findIndex((line) => heading.test(line));
	if (start === -1 || start >= linksStart)
		throw new Error(`CHANGELOG.md has no section for ${version}`);

	let end = linksStart;
	for (let i = start + 1; i < linksStart; i++) {
		if (SECTION_HEADING.test(lines[i])) {
			end = i;
			break;
		}
	}
	const body = withoutBlankEnds(lines.slice(start + 1, end));
	if (body.length === 0) throw new Error(`CHANGELOG.md's section for ${version} is empty`);
	return `${body.join('\n')}\n`;
}

/** YYYY-MM-DD of `date` in the machine's time zone (the day the maintainer prepares the release). */
export function localIsoDate(date: Date): string {
	const pad = (n: number): string => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
