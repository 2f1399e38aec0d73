import {
	bumpVersion,
	compareVersions,
	formatVersion,
	isPlainVersion,
	parseVersion,
	resolveReleaseVersion,
} from '../semver';

describe('parseVersion / formatVersion', () => {
	test('round trip', () => {
		expect(parseVersion('10.0.23')).toEqual({ major: 10, minor: 0, patch: 23 });
		expect(formatVersion(parseVersion('10.0.23'))).toBe('10.0.23');
	});

	test.each(['1.2', '1.2.3.4', '01.2.3', '1.2.3-beta.1', 'v1.2.3', ' 1.2.3', ''])(
		'refuses "%s"',
		(text) => {
			expect(() => parseVersion(text)).toThrow(`"${text}" is not a plain x.y.z version`);
			expect(isPlainVersion(text)).toBe(false);
		},
	);
});

describe('compareVersions', () => {
	test.each([
		['1.0.0', '0.9.9', 1],
		['0.10.0', '0.9.0', 1],
		['0.1.10', '0.1.9', 1],
		['1.2.3', '1.2.3', 0],
		['0.1.0', '0.2.0', -1],
	])('%s vs %s', (a, b, sign) => {
		expect(Math.sign(compareVersions(parseVersion(a), parseVersion(b)))).toBe(sign);
	});
});

describe('bumpVersion', () => {
	test.each([
		['patch', '0.1.0', '0.1.1'],
		['minor', '0.1.7', '0.2.0'],
		['major', '0.9.3', '1.0.0'],
		['patch', '1.9.9', '1.9.10'],
	] as const)('%s of %s', (kind, from, to) => {
		expect(formatVersion(bumpVersion(parseVersion(from), kind))).toBe(to);
	});
});

describe('resolveReleaseVersion', () => {
	test.each([
		['0.1.0', 'patch', true, '0.1.1'],
		['0.1.0', 'patch', false, '0.1.1'],
		['0.1.0', 'minor', true, '0.2.0'],
		['0.1.0', 'major', true, '1.0.0'],
		['0.1.0', '0.3.0', true, '0.3.0'],
		['0.1.0', '0.1.0', false, '0.1.0'],
	])('from %s, %s (current tagged: %s) gives %s', (current, request, tagged, expected) => {
		expect(resolveReleaseVersion(current, request, tagged)).toBe(expected);
	});

	test('the current version again once it is tagged', () => {
		expect(() => resolveReleaseVersion('0.1.0', '0.1.0', true)).toThrow(
			'0.1.0 is already released (tag v0.1.0 exists): ask for a higher version',
		);
	});

	test('a version below the current one', () => {
		expect(() => resolveReleaseVersion('0.2.0', '0.1.9', false)).toThrow(
			'0.1.9 is below the current version 0.2.0',
		);
	});

	test('a pre-release in package.json', () => {
		expect(() => resolveReleaseVersion('1.0.0-rc.1', 'patch', false)).toThrow(
			'"1.0.0-rc.1" is not a plain x.y.z version',
		);
	});
});
