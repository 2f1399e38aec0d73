/**
 * The node's folders from the top down: a file may import from its own folder
 * and from folders below it, never from one above.
 */
export const NODE_ROOT = 'nodes/ClovaOcr';

export const NODE_LAYERS: readonly string[] = [
	'', // ClovaOcr.node.ts, description.ts, execute.ts
	'actions',
	'output',
	'review',
	'validation',
	'transport',
	'input',
	'pacing',
	'response',
	'boundary',
	'model',
	'redaction',
];

/** Shipped code (what reaches dist) may import only itself and packages. */
export const SHIPPED_ROOTS: readonly string[] = ['nodes', 'credentials'];
