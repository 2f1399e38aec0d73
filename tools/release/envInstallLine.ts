/**
 * The environment lines that make n8n install one exact tarball of this package at boot
 * (`N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV`, `N8N_COMMUNITY_PACKAGES`). n8n compares the
 * `checksum` with the registry's `dist.integrity` for that version, so with it the package
 * installs even where unverified packages are off (the n8n 3.x default).
 */
import { createHash } from 'node:crypto';

/** npm's integrity of a tarball: `sha512-<base64>` of its bytes, as `npm pack --json` and `dist.integrity` report it. */
export function tarballIntegrity(tarball: Uint8Array): string {
	return `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
}

export interface EnvInstallPackage {
	readonly name: string;
	readonly version: string;
	readonly checksum: string;
}

const SHA512_INTEGRITY = /^sha512-[A-Za-z0-9+/]{86}==$/;

/** The two lines, `N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV=true` first, ready to paste into a shell or a `.env` file. */
export function envInstallLines(pkg: EnvInstallPackage): [string, string] {
	if (!SHA512_INTEGRITY.test(pkg.checksum))
		throw new Error(`"${pkg.checksum}" is not a sha512 integrity string`);
	const list = JSON.stringify([{ name: pkg.name, version: pkg.version, checksum: pkg.checksum }]);
	// Single-quoted for the shell: a quote inside would end it.
	if (list.includes("'")) throw new Error(`a quote in ${list} would break the shell quoting`);
	return ['N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV=true', `N8N_COMMUNITY_PACKAGES='${list}'`];
}
