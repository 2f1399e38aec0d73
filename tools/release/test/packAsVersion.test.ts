import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tarballIntegrity } from '../envInstallLine';
import { packAsVersion, packSummary } from '../packAsVersion';
import { packedFilePaths } from '../package-files';
import { runCapturedOrThrow } from '../shell';

// Each test runs npm several times (about a second each).
jest.setTimeout(120_000);

const MANIFEST = `{
\t"name": "fixture-nodes-pack",
\t"version": "0.1.0",
\t"license": "MIT",
\t"files": [
\t\t"dist"
\t]
}
`;

let scratch: string;
let fixture: string;
let files: string[];

/** `npm pack` of `dir` itself: npm's summary and the sha512 of the tarball's bytes. */
function packInPlace(dir: string): { integrity: string; computed: string; version: string } {
	const out = mkdtempSync(join(scratch, 'out-'));
	const summary = packSummary(
		runCapturedOrThrow(
			'npm',
			['pack', '--json', '--ignore-scripts', '--pack-destination', out],
			dir,
		),
	);
	const computed = tarballIntegrity(readFileSync(join(out, summary.filename)));
	return { integrity: summary.integrity, computed, version: summary.version };
}

beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), 'pack-as-version-test-'));
	fixture = join(scratch, 'fixture');
	mkdirSync(join(fixture, 'dist', 'nodes'), { recursive: true });
	writeFileSync(join(fixture, 'package.json'), MANIFEST);
	writeFileSync(join(fixture, 'README.md'), '# fixture\n');
	writeFileSync(join(fixture, 'LICENSE'), 'MIT\n');
	writeFileSync(join(fixture, 'dist', 'nodes', 'Node.node.js'), 'module.exports = {};\n');
	// a mode other than 644: the copy must keep it, or the tarball differs
	writeFileSync(join(fixture, 'dist', 'tool.js'), '#!/usr/bin/env node\n', { mode: 0o755 });
	writeFileSync(join(fixture, 'notes.txt'), 'not packed\n');
	files = packedFilePaths(
		runCapturedOrThrow('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], fixture),
	);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('packAsVersion', () => {
	test('at the current version: the same tarball as npm pack of the directory itself', () => {
		const inPlace = packInPlace(fixture);
		// the cross-check with npm: node:crypto's sha512 of the bytes is npm's integrity
		expect(inPlace.computed).toBe(inPlace.integrity);
		const packed = packAsVersion(fixture, files, '0.1.0');
		expect(packed.integrity).toBe(inPlace.integrity);
		expect(packed).toMatchObject({
			name: 'fixture-nodes-pack',
			version: '0.1.0',
			filename: 'fixture-nodes-pack-0.1.0.tgz',
			manifestText: MANIFEST,
		});
	});

	test('at a new version: the tarball of the tree after npm version, the tree untouched', () => {
		const bumped = join(scratch, 'bumped');
		cpSync(fixture, bumped, { recursive: true });
		runCapturedOrThrow('npm', ['version', '2.0.0', '--no-git-tag-version'], bumped);
		const expected = packInPlace(bumped);
		expect(expected.version).toBe('2.0.0');

		const packed = packAsVersion(fixture, files, '2.0.0');
		expect(packed.integrity).toBe(expected.integrity);
		expect(packed.integrity).toBe(expected.computed);
		expect(packed.filename).toBe('fixture-nodes-pack-2.0.0.tgz');
		expect(packed.manifestText).toBe(readFileSync(join(bumped, 'package.json'), 'utf8'));
		expect(packed.manifestText).toContain('"version": "2.0.0"');
		expect(readFileSync(join(fixture, 'package.json'), 'utf8')).toBe(MANIFEST);
	});

	test('a file list that is not what npm packs is refused', () => {
		expect(() => packAsVersion(fixture, [...files, 'notes.txt'], '0.1.0')).toThrow(
			'the copy packs other files than the working tree: missing notes.txt; extra none',
		);
	});
});

describe('packSummary', () => {
	test('reads name, version, file name and integrity', () => {
		const json = JSON.stringify([
			{
				name: 'n8n-nodes-clova-ocr',
				version: '1.2.3',
				filename: 'n8n-nodes-clova-ocr-1.2.3.tgz',
				integrity: 'sha512-x',
				files: [],
			},
		]);
		expect(packSummary(json)).toEqual({
			name: 'n8n-nodes-clova-ocr',
			version: '1.2.3',
			filename: 'n8n-nodes-clova-ocr-1.2.3.tgz',
			integrity: 'sha512-x',
		});
	});

	test('output without an integrity', () => {
		expect(() => packSummary('[{"name":"a","version":"1.0.0","filename":"a-1.0.0.tgz"}]')).toThrow(
			'npm pack --json printed no integrity',
		);
		expect(() => packSummary('{}')).toThrow('npm pack --json printed no name');
	});
});
