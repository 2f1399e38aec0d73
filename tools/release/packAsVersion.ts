/**
 * Packs the tarball a version would publish without touching the working tree: the files
 * `npm pack` lists are copied (modes kept) to a scratch directory, `npm version` sets the
 * version there exactly as a real release writes package.json, and `npm pack` packs the copy.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { tarballIntegrity } from './envInstallLine';
import { packedFilePaths } from './package-files';
import { runCapturedOrThrow } from './shell';

export interface PackedTarball {
	readonly name: string;
	readonly version: string;
	readonly filename: string;
	readonly size: number;
	/** computed from the tarball's bytes; equal to npm's own value (checked) */
	readonly integrity: string;
	/** the package.json packed in the tarball, byte for byte */
	readonly manifestText: string;
}

interface PackSummary {
	readonly name: string;
	readonly version: string;
	readonly filename: string;
	readonly integrity: string;
}

/** Name, version, file name and integrity from `npm pack --json` output. */
export function packSummary(npmPackJson: string): PackSummary {
	const parsed: unknown = JSON.parse(npmPackJson);
	const first: unknown = Array.isArray(parsed) ? parsed[0] : undefined;
	const entry = (typeof first === 'object' && first !== null ? first : {}) as Record<
		string,
		unknown
	>;
	const field = (key: keyof PackSummary): string => {
		const value = entry[key];
		if (typeof value !== 'string' || value === '')
			throw new Error(`npm pack --json printed no ${key}`);
		return value;
	};
	return {
		name: field('name'),
		version: field('version'),
		filename: field('filename'),
		integrity: field('integrity'),
	};
}

/** Packs `files` of `root` (paths `npm pack` lists) with package.json's version set to `version`. */
export function packAsVersion(
	root: string,
	files: readonly string[],
	version: string,
): PackedTarball {
	const scratch = mkdtempSync(join(tmpdir(), 'clova-ocr-pack-'));
	try {
		const copy = join(scratch, 'package');
		const out = join(scratch, 'out');
		mkdirSync(out);
		for (const file of files) {
			mkdirSync(dirname(join(copy, file)), { recursive: true });
			cpSync(join(root, file), join(copy, file));
		}
		runCapturedOrThrow(
			'npm',
			['version', version, '--no-git-tag-version', '--allow-same-version', '--ignore-scripts'],
			copy,
		);
		const packJson = runCapturedOrThrow(
			'npm',
			['pack', '--json', '--ignore-scripts', '--pack-destination', out],
			copy,
		);
		const summary = packSummary(packJson);
		if (summary.version !== version)
			throw new Error(`npm packed version ${summary.version}, not ${version}`);
		const packed = packedFilePaths(packJson);
		const lost = files.filter((file) => !packed.includes(file));
		const gained = packed.filter((file) => !files.includes(file));
		if (lost.length > 0 || gained.length > 0)
			throw new Error(
				`the copy packs other files than the working tree: missing ${lost.join(', ') || 'none'}; extra ${gained.join(', ') || 'none'}`,
			);
		const bytes = readFileSync(join(out, summary.filename));
		const integrity = tarballIntegrity(bytes);
		if (integrity !== summary.integrity)
			throw new Error(
				`sha512 of ${summary.filename} is ${integrity}, but npm pack reports ${summary.integrity}`,
			);
		return {
			name: summary.name,
			version,
			filename: summary.filename,
			size: bytes.length,
			integrity,
			manifestText: readFileSync(join(copy, 'package.json'), 'utf8'),
		};
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}
