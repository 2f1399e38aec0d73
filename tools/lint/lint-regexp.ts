/**
 * `npm run lint` (second half): fails on any regular expression in shipped code that can
 * take super-linear time (regexpLint.ts).
 *   npx tsx tools/lint/lint-regexp.ts
 */
import { resolve } from 'node:path';

import { regexpLinter, SHIPPED } from './regexpLint';

async function main(): Promise<void> {
	const root = resolve(__dirname, '..', '..');
	const eslint = regexpLinter(root);
	const results = await eslint.lintFiles(SHIPPED);
	const findings = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
	if (findings > 0) {
		const formatter = await eslint.loadFormatter('stylish');
		process.stdout.write(await formatter.format(results));
	}
	console.log(`regexp lint (shipped code): ${results.length} files, ${findings} findings`);
	process.exitCode = findings === 0 && results.length > 0 ? 0 : 1;
}

void main();
