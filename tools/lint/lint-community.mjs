// Runs the lint set of n8n's verification scanner (@n8n/scan-community-package)
// over the source and over the packed tarball, exactly as the scanner does for
// a published package, and fails on any finding.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import glob from 'fast-glob';
import {
	buildScanConfig,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(import.meta.dirname, '..', '..');

async function lint(label, dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const results = await eslint.lintFiles(files);
	const errors = results.reduce((n, r) => n + r.errorCount, 0);
	const warnings = results.reduce((n, r) => n + r.warningCount, 0);
	if (errors + warnings > 0) {
		const formatter = await eslint.loadFormatter('stylish');
		process.stdout.write(await formatter.format(results));
	}
	console.log(`${label}: ${files.length} files, ${errors} errors, ${warnings} warnings`);
	return errors + warnings;
}

function unpackTarball() {
	const dir = mkdtempSync(join(tmpdir(), 'clova-ocr-pack-'));
	execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
	const out = join(dir, 'package');
	execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir]);
	return { dir, out };
}

const sourceFindings = await lint('community lint (source)', root, SOURCE_FILE_PATTERNS);
const packed = unpackTarball();
let tarballFindings;
try {
	tarballFindings = await lint('community lint (packed tarball)', packed.out, [
		'**/*.js',
		'package.json',
	]);
} finally {
	rmSync(packed.dir, { recursive: true, force: true });
}
if (sourceFindings + tarballFindings > 0) process.exit(1);
