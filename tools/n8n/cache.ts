/** Where provided n8n installs live: outside the repo, one folder per n8n version. */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { N8nPin } from './versions';

export const MARKER_FILE = '.provided.json';

/** `$CLOVA_OCR_N8N_CACHE`, else `${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-clova-ocr` */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
	const explicit = env.CLOVA_OCR_N8N_CACHE;
	if (explicit) return explicit;
	const xdg = env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(xdg, 'n8n-nodes-clova-ocr');
}

export function installDir(pin: N8nPin, root: string = cacheRoot()): string {
	return join(root, `n8n-${pin.n8n}${pin.node ? `-node${pin.node}` : ''}`);
}

export interface Marker {
	readonly n8n: string;
	readonly node: string | null;
	readonly completedAt: string;
	readonly installMs: number;
}

/** The marker of a complete install, or null when the folder is missing or unfinished. */
export function readMarker(dir: string): Marker | null {
	const file = join(dir, MARKER_FILE);
	if (!existsSync(file)) return null;
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as Marker;
	} catch {
		return null;
	}
}
