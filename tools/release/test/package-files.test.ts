import { n8nEntryFiles, packageFileProblems, packedFilePaths } from '../package-files';

const NODE = 'dist/nodes/ClovaOcr/ClovaOcr.node.js';
const CREDENTIAL = 'dist/credentials/ClovaOcrApi.credentials.js';
const GOOD = ['LICENSE', 'README.md', CREDENTIAL, 'dist/icons/clovaOcr.svg', NODE, 'package.json'];

describe('packedFilePaths', () => {
	test('reads the paths of npm pack --json', () => {
		const output = JSON.stringify([
			{
				name: 'n8n-nodes-clova-ocr',
				version: '0.1.0',
				files: [
					{ path: 'LICENSE', size: 1089, mode: 420 },
					{ path: NODE, size: 2000, mode: 420 },
				],
				entryCount: 2,
			},
		]);
		expect(packedFilePaths(output)).toEqual(['LICENSE', NODE]);
	});

	test('output without a file list', () => {
		expect(() => packedFilePaths('[]')).toThrow('npm pack --json printed no file list');
		expect(() => packedFilePaths('{"files":[]}')).toThrow('npm pack --json printed no file list');
	});

	test('a file without a path', () => {
		expect(() => packedFilePaths('[{"files":[{"size":1}]}]')).toThrow(
			'npm pack --json listed a file without a path',
		);
	});
});

describe('n8nEntryFiles', () => {
	test('nodes and credentials of the n8n section', () => {
		const manifest = {
			n8n: { n8nNodesApiVersion: 1, credentials: [CREDENTIAL], nodes: [`./${NODE}`] },
		};
		expect(n8nEntryFiles(manifest)).toEqual([NODE, CREDENTIAL]);
	});

	test('no n8n section', () => {
		expect(n8nEntryFiles({ name: 'x' })).toEqual([]);
		expect(n8nEntryFiles(null)).toEqual([]);
	});
});

describe('packageFileProblems', () => {
	test('dist, package.json, README, LICENSE: no problem', () => {
		expect(packageFileProblems(GOOD, [NODE, CREDENTIAL])).toEqual([]);
	});

	test('the Korean README is allowed', () => {
		expect(packageFileProblems([...GOOD, 'README.ko.md'], [NODE])).toEqual([]);
	});

	test('sources, tests, changelog and tarballs are not', () => {
		const paths = [
			...GOOD,
			'nodes/ClovaOcr/ClovaOcr.node.ts',
			'tools/clova-emulator/cli.js',
			'CHANGELOG.md',
			'distribution.tgz',
		];
		expect(packageFileProblems(paths, [NODE])).toEqual([
			'unexpected file in the package: nodes/ClovaOcr/ClovaOcr.node.ts',
			'unexpected file in the package: tools/clova-emulator/cli.js',
			'unexpected file in the package: CHANGELOG.md',
			'unexpected file in the package: distribution.tgz',
		]);
	});

	test('missing required files and n8n entry points', () => {
		expect(
			packageFileProblems(['package.json', 'dist/icons/clovaOcr.svg'], [NODE, CREDENTIAL]),
		).toEqual([
			'missing from the package: README.md',
			'missing from the package: LICENSE',
			`missing from the package: ${NODE}`,
			`missing from the package: ${CREDENTIAL}`,
		]);
	});
});
