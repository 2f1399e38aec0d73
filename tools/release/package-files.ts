/**
 * What the published tarball may hold: the build in dist/ and the files npm always packs.
 * Anything else (sources, tests, the emulator, fixtures, scripts) is a packaging mistake.
 */
export const TOP_LEVEL_FILES_ALLOWED = [
	'package.json',
	'README.md',
	'README.ko.md',
	'LICENSE',
] as const;
export const TOP_LEVEL_FILES_REQUIRED = ['package.json', 'README.md', 'LICENSE'] as const;

/** The file paths in `npm pack --dry-run --json` output. */
export function packedFilePaths(npmPackJson: string): string[] {
	const parsed: unknown = JSON.parse(npmPackJson);
	const first: unknown = Array.isArray(parsed) ? parsed[0] : undefined;
	const files: unknown =
		typeof first === 'object' && first !== null ? (first as { files?: unknown }).files : undefined;
	if (!Array.isArray(files)) throw new Error('npm pack --json printed no file list');
	return files.map((file: unknown) => {
		const path =
			typeof file === 'object' && file !== null ? (file as { path?: unknown }).path : undefined;
		if (typeof path !== 'string') throw new Error('npm pack --json listed a file without a path');
		return path;
	});
}

/** The `dist/…` files package.json's `n8n` section points n8n at: they must be packed. */
export function n8nEntryFiles(manifest: unknown): string[] {
	const n8n =
		typeof manifest === 'object' && manifest !== null
			? (manifest as { n8n?: unknown }).n8n
			: undefined;
	if (typeof n8n !== 'object' || n8n === null) return [];
	const { nodes, credentials } = n8n as { nodes?: unknown; credentials?: unknown };
	return [nodes, credentials]
		.flatMap((list) => (Array.isArray(list) ? list : []))
		.filter((entry): entry is string => typeof entry === 'string')
		.map((entry) => entry.replace(/^\.\//, ''));
}

/** One line per problem with the packed file list; empty when the list is right. */
export function packageFileProblems(
	paths: readonly string[],
	entryFiles: readonly string[],
): string[] {
	const allowed = new Set<string>(TOP_LEVEL_FILES_ALLOWED);
	const packed = new Set(paths);
	const unexpected = paths.filter((path) => !path.startsWith('dist/') && !allowed.has(path));
	const missing = [...TOP_LEVEL_FILES_REQUIRED, ...entryFiles].filter((path) => !packed.has(path));
	return [
		...unexpected.map((path) => `unexpected file in the package: ${path}`),
		...missing.map((path) => `missing from the package: ${path}`),
	];
}
