import { parseReleaseArgs, RELEASE_USAGE } from '../release-args';

describe('parseReleaseArgs', () => {
	test.each([
		[['patch'], { request: 'patch', dryRun: false }],
		[['minor', '--dry-run'], { request: 'minor', dryRun: true }],
		[['--dry-run', 'major'], { request: 'major', dryRun: true }],
		[['1.2.3'], { request: '1.2.3', dryRun: false }],
		[['v1.2.3'], { request: '1.2.3', dryRun: false }],
		[['--dry-run'], { request: 'patch', dryRun: true }],
	])('%j', (argv, expected) => {
		expect(parseReleaseArgs(argv)).toEqual(expected);
	});

	test.each([
		[[], 'no version given'],
		[['patch', 'minor'], 'more than one version given (patch, minor)'],
		[['patch', '--force'], 'unknown option --force'],
		[['prerelease'], '"prerelease" is neither patch, minor, major nor an x.y.z version'],
		[['1.2.3-beta.1'], '"1.2.3-beta.1" is neither patch, minor, major nor an x.y.z version'],
	])('refuses %j', (argv, message) => {
		expect(() => parseReleaseArgs(argv)).toThrow(`${message}\n${RELEASE_USAGE}`);
	});
});
