/**
 * Fails when an import runs up the node's layers, when shipped code imports
 * tooling or tests, when tools import tests or the node's sources, or when the node could
 * emit without passing its boundary (emitRules.ts).
 *   npx tsx tools/layout/check-imports.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { checkEmits } from './emitRules';
import { checkImports, type SourceFile } from './importRules';

const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;

const paths = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
	encoding: 'utf8',
})
	.split('\n')
	.filter((path) => SOURCE.test(path) && /^(nodes|credentials|tools|test)\//.test(path));
const files: SourceFile[] = paths.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const violations = [...checkImports(files), ...checkEmits(files)];

for (const { from, to, rule } of violations) console.error(`${from} -> ${to}: ${rule}`);
console.log(`imports checked in ${files.length} files: ${violations.length} violation(s)`);
process.exitCode = violations.length === 0 ? 0 : 1;
