import { githubRepositoryUrl } from '../repository-url';

const EXPECTED = 'https://github.com/n8n-nodes-clova-ocr/n8n-nodes-clova-ocr';

describe('githubRepositoryUrl', () => {
	test.each([
		[
			'npm object form',
			{ type: 'git', url: 'git+https://github.com/n8n-nodes-clova-ocr/n8n-nodes-clova-ocr.git' },
		],
		['https string', 'https://github.com/n8n-nodes-clova-ocr/n8n-nodes-clova-ocr'],
		['https with trailing slash', 'https://github.com/n8n-nodes-clova-ocr/n8n-nodes-clova-ocr/'],
		['git+ssh', 'git+ssh://git@github.com/n8n-nodes-clova-ocr/n8n-nodes-clova-ocr.git'],
		['scp-like', 'git@github.com:n8n-nodes-clova-ocr/n8n-nodes-clova-ocr.git'],
		['shorthand', 'github:n8n-nodes-clova-ocr/n8n-nodes-clova-ocr'],
	])('%s', (_case, repository) => {
		expect(githubRepositoryUrl(repository)).toBe(EXPECTED);
	});

	test('not GitHub', () => {
		expect(() => githubRepositoryUrl('https://gitlab.com/a/b.git')).toThrow(
			`package.json's repository "https://gitlab.com/a/b.git" is not a GitHub repository`,
		);
	});

	test('missing', () => {
		expect(() => githubRepositoryUrl(undefined)).toThrow('package.json has no repository URL');
		expect(() => githubRepositoryUrl({ type: 'git' })).toThrow(
			'package.json has no repository URL',
		);
	});
});
