/**
 * Provides a pinned n8n in the cache folder (see cache.ts), installing it on the first
 * run only. Idempotent: a complete install has a marker file, written last.
 *
 *   npx tsx tools/n8n/provide-n8n.ts [v2|v1|all]     (default: v2; env N8N_LINE too)
 *
 * Prints the install folder of each line on stdout.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cacheRoot, installDir, MARKER_FILE, readMarker, type Marker } from './cache';
import { installN8nInto } from './install-n8n';
import { formatMs, log } from './log';
import { runtimePaths, type RuntimePaths } from './runtime';
import { N8N_PINS, parseLine, type N8nLine, type N8nPin } from './versions';

export interface ProvidedN8n extends RuntimePaths {
	readonly line: N8nLine;
	readonly pin: N8nPin;
	/** the cache folder holding this install */
	readonly dir: string;
	/** true when this call did the install */
	readonly installed: boolean;
}

function provided(line: N8nLine, dir: string, installed: boolean): ProvidedN8n {
	const pin = N8N_PINS[line];
	return { line, pin, dir, installed, ...runtimePaths(dir, pin) };
}

export async function provideN8n(line: N8nLine, root: string = cacheRoot()): Promise<ProvidedN8n> {
	const pin = N8N_PINS[line];
	const dir = installDir(pin, root);
	if (readMarker(dir)) return provided(line, dir, false);

	const minutes = pin.node ? 'about 5 minutes' : 'about 4 minutes';
	log(`Installing n8n ${pin.n8n} (first run only, ${minutes})... into ${dir}`);
	const start = Date.now();
	// Install into a staging folder, then rename: a half-done install is never taken for a complete one.
	removeStaleStaging(dir);
	const staging = `${dir}.partial-${process.pid}`;
	mkdirSync(staging, { recursive: true });
	try {
		await installN8nInto(staging, pin);
		const marker: Marker = {
			n8n: pin.n8n,
			node: pin.node,
			completedAt: new Date().toISOString(),
			installMs: Date.now() - start,
		};
		if (readMarker(dir)) {
			// another run finished first; keep its install
			rmSync(staging, { recursive: true, force: true });
			return provided(line, dir, false);
		}
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dirname(dir), { recursive: true });
		renameSync(staging, dir);
		writeFileSync(join(dir, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
	} catch (error) {
		log(`install of n8n ${pin.n8n} failed; staging folder kept for inspection: ${staging}`);
		throw error;
	}
	log(`n8n ${pin.n8n} installed in ${formatMs(Date.now() - start)}`);
	return provided(line, dir, true);
}

/** Removes staging folders of this install left by runs that are gone (each is up to ~3 GB). */
function removeStaleStaging(dir: string): void {
	const parent = dirname(dir);
	if (!existsSync(parent)) return;
	const prefix = `${basename(dir)}.partial-`;
	for (const name of readdirSync(parent)) {
		if (!name.startsWith(prefix)) continue;
		const pid = Number(name.slice(prefix.length));
		if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
		log(`removing an interrupted install: ${join(parent, name)}`);
		rmSync(join(parent, name), { recursive: true, force: true });
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function main(argv: readonly string[]): Promise<void> {
	const arg = argv[0] ?? process.env.N8N_LINE;
	const lines: N8nLine[] = arg === 'all' ? ['v2', 'v1'] : [parseLine(arg)];
	for (const line of lines) {
		const start = Date.now();
		const result = await provideN8n(line);
		log(
			`n8n ${result.pin.n8n} (${line}) ${result.installed ? 'installed' : 'already in the cache'}: ${result.dir} (${formatMs(Date.now() - start)})`,
		);
		process.stdout.write(`${result.dir}\n`);
	}
}

if (require.main === module) {
	main(process.argv.slice(2)).catch((error: unknown) => {
		log(error instanceof Error ? (error.stack ?? error.message) : String(error));
		process.exitCode = 1;
	});
}
