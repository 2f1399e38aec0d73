/**
 * The example workflows (examples/*.json) made runnable in a throwaway n8n: their
 * placeholder paths point at a copy of samples/, and a CLOVA OCR credential with the id and
 * name the examples reference points at the local CLOVA emulator. Shared by
 * run-examples.ts and screenshots.ts.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmulator, type Emulator } from '../clova-emulator';
import { clovaCredential, importCredentials, importWorkflow, type WorkflowInput } from '../n8n/n8n-cli';
import type { N8nContext } from '../n8n/n8n-context';
import { prepareInstance } from '../n8n/prepare-instance';
import type { N8nLine } from '../n8n/versions';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const SAMPLES_DIR = join(REPO_ROOT, 'samples');
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/** The examples, in the order the README shows them. */
export const EXAMPLES = [
	'read-id-card',
	'id-card-to-google-sheets',
	'driver-license-renewal-check',
	'batch-from-folder',
	'store-redacted-copy',
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
	/** another clovaOcrApi credential to reference (default: the examples' own reference) */
	readonly credential?: { readonly id: string; readonly name: string };
}

export function readExample(name: ExampleName): WorkflowInput {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as WorkflowInput;
}

/**
 * The example with its placeholder paths filled in for `target` (in node parameters only:
 * the sticky notes keep saying /path/to/… as users see them).
 */
export function localizeExample(name: ExampleName, target: ExampleTarget): WorkflowInput {
	const dir = target.filesDir.endsWith('/') ? target.filesDir : `${target.filesDir}/`;
	const fill = (value: unknown): unknown => {
		if (typeof value === 'string') {
			return value.split(PLACEHOLDERS.samplesDir).join(dir).split(PLACEHOLDERS.cardsDir).join(dir);
		}
		if (Array.isArray(value)) return value.map(fill);
		if (value && typeof value === 'object') {
			return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fill(inner)]));
		}
		return value;
	};
	const workflow = readExample(name);
	const nodes = (workflow.nodes as ExampleNode[]).map((node) => ({
		...node,
		parameters: node.type === 'n8n-nodes-base.stickyNote' ? node.parameters : fill(node.parameters),
		...(target.credential && node.credentials?.clovaOcrApi
			? { credentials: { ...node.credentials, clovaOcrApi: { ...target.credential } } }
			: {}),
	}));
	return { ...workflow, nodes };
}

/**
 * store-redacted-copy as it can run here: localized, under its own id, with the Google Sheets
 * node disabled (no Google account); its copy lands in `filesDir` as resident-card-redacted.jpg.
 */
export function runnableStoreRedactedCopy(filesDir: string): WorkflowInput {
	const localized = localizeExample('store-redacted-copy', { filesDir });
	const nodes = (localized.nodes as ExampleNode[]).map((node) =>
		node.type === 'n8n-nodes-base.googleSheets' ? { ...node, disabled: true } : node,
	);
	return { ...localized, id: `${localized.id}Run`, nodes };
}

interface ExampleNode {
	type: string;
	parameters: unknown;
	credentials?: Record<string, unknown>;
}

/** Copies the sample cards (not their README) into `dir`; returns the file names. */
export function copySamples(dir: string): string[] {
	mkdirSync(dir, { recursive: true });
	const files = readdirSync(SAMPLES_DIR).filter((f) => /\.(jpe?g|png|pdf|tiff?)$/i.test(f));
	for (const file of files) copyFileSync(join(SAMPLES_DIR, file), join(dir, file));
	return files;
}

export interface ExamplesInstance {
	readonly ctx: N8nContext;
	readonly emulator: Emulator;
	/** the copy of samples/ the localized examples read (and batch-from-folder writes its CSV to) */
	readonly filesDir: string;
	readonly samples: string[];
	/** removes the user folder (unless keep) and closes the emulator */
	dispose(keep?: boolean): Promise<void>;
}

/**
 * A fresh n8n with this package (tools/n8n), the CLOVA emulator, a credential
 * "CLOVA OCR API account" pointing at it, the samples in the files folder, and every example
 * imported twice: as shipped (proving it imports), then localized (so it runs).
 */
export async function prepareExamplesInstance(options: {
	line: N8nLine;
	build: boolean;
	port?: number;
}): Promise<ExamplesInstance> {
	const secret = 'examples-emulator-secret';
	const emulator = await startEmulator({ secretKey: secret });
	let ctx: N8nContext | undefined;
	try {
		// prepareInstance's own credential ("CLOVA OCR e2e") also points at the emulator; the
		// examples reference the one imported next, by its id and name.
		({ ctx } = await prepareInstance({
			line: options.line,
			build: options.build,
			port: options.port,
			clova: { invokeUrl: emulator.invokeUrl, secretKey: secret },
		}));
		const credential = clovaCredential(emulator.invokeUrl, secret, PLACEHOLDERS.credential.id);
		await importCredentials(ctx, [{ ...credential, name: PLACEHOLDERS.credential.name }]);
		const filesDir = join(ctx.folder.filesDir, 'samples');
		const samples = copySamples(filesDir);
		for (const name of EXAMPLES) {
			await importWorkflow(ctx, readExample(name));
			await importWorkflow(ctx, localizeExample(name, { filesDir }));
		}
		const context = ctx;
		return {
			ctx: context,
			emulator,
			filesDir,
			samples,
			dispose: async (keep = false) => {
				if (!keep) context.folder.remove();
				await emulator.close();
			},
		};
	} catch (error) {
		ctx?.folder.remove();
		await emulator.close();
		throw error;
	}
}
