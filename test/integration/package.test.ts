import { checkPackedFiles } from '../../tools/release/check-package';

// What `npm pack` publishes, on the dist/ that `npm test` has just built.
describe('the packed package', () => {
	const paths = checkPackedFiles();

	test('holds only dist/, the READMEs (npm always packs them), LICENSE and package.json', () => {
		expect(paths.filter((path) => !path.startsWith('dist/')).sort()).toEqual([
			'LICENSE',
			'README.ko.md',
			'README.md',
			'package.json',
		]);
	});

	test('dist/ holds the node, its codex, the credential and both icons', () => {
		expect(paths).toEqual(
			expect.arrayContaining([
				'dist/nodes/ClovaOcr/ClovaOcr.node.js',
				'dist/nodes/ClovaOcr/ClovaOcr.node.json',
				'dist/credentials/ClovaOcrApi.credentials.js',
				'dist/icons/clovaOcr.svg',
				'dist/icons/clovaOcr.dark.svg',
			]),
		);
	});

	test('no test tooling, sources or maps ship', () => {
		expect(
			paths.filter((path) => /emulator|fixture|\.test\.|\.ts$|\.map$|tools\//.test(path)),
		).toEqual([]);
	});
});
