import { posix } from 'node:path';

import { NODE_LAYERS, NODE_ROOT, SHIPPED_ROOTS } from './layers';

export interface SourceFile {
	/** Repo-relative, with forward slashes. */
	path: string;
	text: string;
}

export interface Violation {
	from: string;
	to: string;
	rule: string;
}

// `from '…'`, `import '…'`, `import('…')`, `require('…')`, `jest.mock('…')`.
const SPECIFIER =
	/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*|\bjest\.mock\s*\(\s*)['"]([^'"]+)['"]/g;

/** Relative specifiers of a file, resolved to repo-relative paths (without extension). */
export function relativeImports(file: SourceFile): string[] {
	const found: string[] = [];
	for (const match of file.text.matchAll(SPECIFIER)) {
		const specifier = match[1];
		if (!specifier.startsWith('.')) continue;
		found.push(posix.normalize(posix.join(posix.dirname(file.path), specifier)));
	}
	return found;
}

function topFolder(path: string): string {
	return path.split('/')[0];
}

/** The layer index of a path inside the node, or undefined outside it. */
function layerOf(path: string): number | undefined {
	if (!path.startsWith(`${NODE_ROOT}/`)) return undefined;
	const rest = path.slice(NODE_ROOT.length + 1).split('/');
	const folder = rest.length === 1 ? '' : rest[0];
	const index = NODE_LAYERS.indexOf(folder);
	return index === -1 ? Number.NaN : index;
}

function layerName(index: number): string {
	return NODE_LAYERS[index] === '' ? `${NODE_ROOT}/` : `${NODE_ROOT}/${NODE_LAYERS[index]}/`;
}

/** Every import that breaks the layout's rules. */
export function checkImports(files: readonly SourceFile[]): Violation[] {
	const violations: Violation[] = [];
	for (const file of files) {
		const fromTop = topFolder(file.path);
		const fromLayer = layerOf(file.path);
		if (fromLayer !== undefined && Number.isNaN(fromLayer)) {
			violations.push({
				from: file.path,
				to: file.path,
				rule: 'a folder of the node that is not in the layer list',
			});
		}
		for (const to of relativeImports(file)) {
			const toTop = topFolder(to);
			if (SHIPPED_ROOTS.includes(fromTop) && !SHIPPED_ROOTS.includes(toTop)) {
				violations.push({ from: file.path, to, rule: 'shipped code imports only shipped code' });
			}
			if (fromTop === 'tools' && toTop === 'test') {
				violations.push({ from: file.path, to, rule: 'tools never import from test' });
			}
			if (fromTop === 'tools' && SHIPPED_ROOTS.includes(toTop)) {
				violations.push({
					from: file.path,
					to,
					rule: 'tools use the node through n8n or dist, not its sources',
				});
			}
			const toLayer = layerOf(to);
			if (fromLayer !== undefined && toLayer !== undefined && toLayer < fromLayer) {
				violations.push({
					from: file.path,
					to,
					rule: `${layerName(fromLayer)} may not import from ${layerName(toLayer)}, which sits above it`,
				});
			}
		}
	}
	return violations;
}
