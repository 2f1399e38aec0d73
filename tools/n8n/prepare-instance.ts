/**
 * One n8n instance with this repo's package installed as a community package: provide n8n,
 * build and pack the repo, create a user folder, install, import the credential. Shared by
 * the `start-n8n` and `run-workflow` scripts (the e2e tests do the same through their harness).
 */
import { join } from 'node:path';
import { timed } from './log';
import { clovaCredential, importCredentials, type CredentialInput } from './n8n-cli';
import { createContext, type N8nContext } from './n8n-context';
import { installCommunityPackage } from './install-community-package';
import { packRepo, type PackedPackage } from './pack-package';
import { provideN8n } from './provide-n8n';
import { recordInstalledPackage } from './record-installed-package';
import type { N8nLine } from './versions';

export interface InstanceOptions {
	readonly line: N8nLine;
	readonly port?: number;
	readonly build?: boolean;
	/** a clovaOcrApi credential to import, e.g. pointing at the emulator */
	readonly clova?: {
		readonly invokeUrl: string;
		readonly secretKey: string;
		readonly id?: string;
		readonly name?: string;
	};
	/** more credentials to import after `clova` (e.g. one per CLOVA product domain) */
	readonly credentials?: readonly CredentialInput[];
	readonly allowFileAccessTo?: readonly string[];
}

export async function prepareInstance(
	options: InstanceOptions,
): Promise<{ ctx: N8nContext; pkg: PackedPackage }> {
	const n8n = await timed(`provide n8n (${options.line})`, () => provideN8n(options.line));
	const ctx = await createContext(n8n, {
		port: options.port,
		allowFileAccessTo: options.allowFileAccessTo,
	});
	const pkg = await timed('build and pack the repo', () =>
		packRepo(join(ctx.folder.root, 'pack'), { build: options.build }),
	);
	await installCommunityPackage(ctx, pkg);
	const credentials: CredentialInput[] = [
		...(options.clova
			? [
					clovaCredential(
						options.clova.invokeUrl,
						options.clova.secretKey,
						options.clova.id,
						options.clova.name,
					),
				]
			: []),
		...(options.credentials ?? []),
	];
	// Also creates n8n's database when there is nothing to import: the next step writes to it.
	await importCredentials(ctx, credentials);
	await recordInstalledPackage(ctx, pkg.name);
	return { ctx, pkg };
}
