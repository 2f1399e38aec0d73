import { resolve } from 'node:path';

import { packDirectory, packRepo, type PackedPackage } from '../n8n/pack-package';

/** Where a bench's package comes from: `--package DIR`, or this repo (built unless `--no-build`). */
export interface PackageSource {
	readonly packageDir: string | null;
	readonly build: boolean;
}

/** Packs the package a bench installs into n8n, saying what it does through `progress`. */
export async function packBenchPackage(
	source: PackageSource,
	destination: string,
	progress: (line: string) => void,
): Promise<PackedPackage> {
	if (source.packageDir !== null) {
		progress(`packing ${source.packageDir} as it is...`);
		return packDirectory(resolve(source.packageDir), destination);
	}
	progress(source.build ? 'building and packing the package...' : 'packing dist/...');
	return packRepo(destination, { build: source.build });
}
