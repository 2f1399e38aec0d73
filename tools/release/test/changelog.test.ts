import { localIsoDate, releaseChangelog, releasedVersions, releaseNotes } from '../changelog';

const REPO = 'https://github.com/owner/n8n-nodes-x';

const INTRO = `# Changelog

All notable changes to this project are documented in this file.
`;

const FIRST = `${INTRO}
## [Unreleased]

### Added

- The node.
- The credential.

[unreleased]: ${REPO}/commits/HEAD
`;

const FIRST_RELEASED = `${INTRO}
## [Unreleased]

## [0.1.0] - 2026-03-04

### Added

- The node.
- The credential.

[unreleased]: ${REPO}/compare/v0.1.0...HEAD
[0.1.0]: ${REPO}/releases/tag/v0.1.0
`;

const SECOND = `${INTRO}
## [Unreleased]

### Fixed

- Dates in 2029.

### Changed
- Labels.

## [0.1.0] - 2026-03-04

### Added

- The node.
- The credential.

[unreleased]: ${REPO}/compare/v0.1.0...HEAD
[0.1.0]: ${REPO}/releases/tag/v0.1.0
`;

const SECOND_RELEASED = `${INTRO}
## [Unreleased]

## [0.1.1] - 2026-04-30

### Fixed

- Dates in 2029.

### Changed
- Labels.

## [0.1.0] - 2026-03-04

### Added

- The node.
- The credential.

[unreleased]: ${REPO}/compare/v0.1.1...HEAD
[0.1.1]: ${REPO}/compare/v0.1.0...v0.1.1
[0.1.0]: ${REPO}/releases/tag/v0.1.0
`;

describe('releaseChangelog', () => {
	test('first release: a tag link, and Unreleased compares from the new tag', () => {
		expect(
			releaseChangelog({
				changelog: FIRST,
				version: '0.1.0',
				date: '2026-03-04',
				repositoryUrl: REPO,
			}),
		).toBe(FIRST_RELEASED);
	});

	test('next release: a compare link from the previous version, older sections kept', () => {
		expect(
			releaseChangelog({
				changelog: SECOND,
				version: '0.1.1',
				date: '2026-04-30',
				repositoryUrl: REPO,
			}),
		).toBe(SECOND_RELEASED);
	});

	test('no link definitions yet: they are added at the end', () => {
		const changelog = `${INTRO}\n## [Unreleased]\n\n- One thing.\n`;
		expect(
			releaseChangelog({ changelog, version: '1.0.0', date: '2026-01-02', repositoryUrl: REPO }),
		).toBe(
			`${INTRO}\n## [Unreleased]\n\n## [1.0.0] - 2026-01-02\n\n- One thing.\n\n` +
				`[unreleased]: ${REPO}/compare/v1.0.0...HEAD\n[1.0.0]: ${REPO}/releases/tag/v1.0.0\n`,
		);
	});

	test('CRLF line endings are read', () => {
		const changelog = FIRST.replace(/\n/g, '\r\n');
		expect(
			releaseChangelog({ changelog, version: '0.1.0', date: '2026-03-04', repositoryUrl: REPO }),
		).toBe(FIRST_RELEASED);
	});

	test('nothing under Unreleased', () => {
		expect(() =>
			releaseChangelog({
				changelog: FIRST_RELEASED,
				version: '0.1.1',
				date: '2026-04-30',
				repositoryUrl: REPO,
			}),
		).toThrow('CHANGELOG.md has no entries under "## [Unreleased]": nothing to release');
	});

	test('only empty subsections under Unreleased', () => {
		const changelog = FIRST_RELEASED.replace('## [Unreleased]\n', '## [Unreleased]\n\n### Added\n');
		expect(() =>
			releaseChangelog({ changelog, version: '0.1.1', date: '2026-04-30', repositoryUrl: REPO }),
		).toThrow('nothing to release');
	});

	test('a version that already has a section', () => {
		expect(() =>
			releaseChangelog({
				changelog: SECOND,
				version: '0.1.0',
				date: '2026-04-30',
				repositoryUrl: REPO,
			}),
		).toThrow('CHANGELOG.md already has a section for 0.1.0');
	});

	test('a version that already has a link', () => {
		const changelog = `${FIRST}[0.2.0]: ${REPO}/releases/tag/v0.2.0\n`;
		expect(() =>
			releaseChangelog({ changelog, version: '0.2.0', date: '2026-04-30', repositoryUrl: REPO }),
		).toThrow('CHANGELOG.md already has a link for 0.2.0');
	});

	test('no Unreleased section', () => {
		expect(() =>
			releaseChangelog({
				changelog: `${INTRO}\n## [0.1.0] - 2026-03-04\n\n- x\n`,
				version: '0.2.0',
				date: '2026-04-30',
				repositoryUrl: REPO,
			}),
		).toThrow('CHANGELOG.md has no "## [Unreleased]" section');
	});
});

describe('releasedVersions', () => {
	test('newest first, Unreleased left out', () => {
		expect(releasedVersions(SECOND_RELEASED)).toEqual(['0.1.1', '0.1.0']);
		expect(releasedVersions(FIRST)).toEqual([]);
	});
});

describe('releaseNotes', () => {
	test('the section body, subsections included, up to the next version', () => {
		expect(releaseNotes(SECOND_RELEASED, '0.1.1')).toBe(
			'### Fixed\n\n- Dates in 2029.\n\n### Changed\n- Labels.\n',
		);
	});

	test('the last section stops before the link definitions', () => {
		expect(releaseNotes(SECOND_RELEASED, '0.1.0')).toBe(
			'### Added\n\n- The node.\n- The credential.\n',
		);
	});

	test('a version without a section', () => {
		expect(() => releaseNotes(SECOND_RELEASED, '0.2.0')).toThrow(
			'CHANGELOG.md has no section for 0.2.0',
		);
	});

	test('a version whose number is a prefix of another is not confused with it', () => {
		expect(() => releaseNotes(SECOND_RELEASED, '0.1.')).toThrow(
			'CHANGELOG.md has no section for 0.1.',
		);
	});

	test('an empty section', () => {
		const changelog = `${INTRO}\n## [Unreleased]\n\n## [0.2.0] - 2026-05-01\n\n## [0.1.0] - 2026-03-04\n\n- x\n`;
		expect(() => releaseNotes(changelog, '0.2.0')).toThrow(
			"CHANGELOG.md's section for 0.2.0 is empty",
		);
	});
});

describe('localIsoDate', () => {
	test('zero-padded local date', () => {
		expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
		expect(localIsoDate(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
	});
});
