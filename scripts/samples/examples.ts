/**
 * The example workflows (examples/*.json) made runnable in a throwaway n8n: their
 * placeholder paths point at a copy of samples/, and their CLOVA OCR credential at the one
 * the scripts/n8n tooling imports (pointing at the local emulator). Shared by
 * run-examples.ts and screenshots.ts.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { WorkflowInput } from '../n8n/n8n-cli';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const SAMPLES_DIR = join(REPO_ROOT, 'samples');
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/** The examples, in the order the README shows them. */
export const EXAMPLES = [
	'read-id-card',
	'id-card-to-google-sheets',
	'driver-license-renewal-check',
	'batch-from-folder',
] as const;
export type ExampleName = (typeof EXAMPLES)[number];

/** What the examples say where a user has to fill in their own values. */
export const PLACEHOLDERS = {
	samplesDir: '/path/to/samples/',
	cardsDir: '/path/to/cards/',
	credential: { id: 'clovaOcrApiCred1', name: 'CLOVA OCR API account' },
} as const;

export interface ExampleTarget {
	/** replaces /path/to/samples/ and /path/to/cards/ (a folder n8n may read and write) */
	readonly filesDir: string;
	/** the clovaOcrApi credential imported into the instance */
	readonly credential: { readonly id: string; readonly name: string };
}

export function readExample(name: ExampleName): WorkflowInput {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as WorkflowInput;
}

/** The example with its placeholders filled in for `target`. */
export function localizeExample(name: ExampleName, target: ExampleTarget): WorkflowInput {
	const dir = target.filesDir.endsWith('/') ? target.filesDir : `${target.filesDir}/`;
	const text = readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8')
		.split(PLACEHOLDERS.samplesDir)
		.join(dir)
		.split(PLACEHOLDERS.cardsDir)
		.join(dir);
	const workflow = JSON.parse(text) as WorkflowInput & { nodes: Array<{ credentials?: Record<string, unknown> }> };
	for (const node of workflow.nodes) {
		if (node.credentials?.clovaOcrApi) node.credentials.clovaOcrApi = { ...target.credential };
	}
	return workflow;
}

/** Copies the sample cards (not their README) into `dir`; returns the file names. */
export function copySamples(dir: string): string[] {
	mkdirSync(dir, { recursive: true });
	const files = readdirSync(SAMPLES_DIR).filter((f) => /\.(jpe?g|png|pdf|tiff?)$/i.test(f));
	for (const file of files) copyFileSync(join(SAMPLES_DIR, file), join(dir, file));
	return files;
}
