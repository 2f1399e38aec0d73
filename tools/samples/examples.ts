/**
 * The example workflows (examples/*.json) made runnable in a throwaway n8n: their
 * placeholder paths point at a copy of samples/, and each CLOVA product the examples use (one
 * domain per product: ID cards, business registration, receipts, General OCR, Template OCR)
 * has a CLOVA OCR credential, under the id and name the examples reference, pointing at the
 * local CLOVA emulator's domain for that product. Shared by run-examples.ts and screenshots.ts.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmulator, type Emulator, type Product } from '../clova-emulator';
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
	'business-registration-to-google-sheets',
	'receipt-to-expense-row',
	'contract-pdf-to-summary',
	'form-template-to-google-sheets',
] as const;
export type ExampleName = (typeof EXAMPLES)[number];

/** The CLOVA products the examples use: one CLOVA domain (and credential) each. */
export type ExampleProduct = Extract<
	Product,
	'idCard' | 'businessRegistration' | 'receipt' | 'general' | 'template'
>;

/** The product each example's CLOVA OCR node reads with. */
export const EXAMPLE_PRODUCT: Readonly<Record<ExampleName, ExampleProduct>> = {
	'read-id-card': 'idCard',
	'id-card-to-google-sheets': 'idCard',
	'driver-license-renewal-check': 'idCard',
	'batch-from-folder': 'idCard',
	'store-redacted-copy': 'idCard',
	'business-registration-to-google-sheets': 'businessRegistration',
	'receipt-to-expense-row': 'receipt',
	'contract-pdf-to-summary': 'general',
	'form-template-to-google-sheets': 'template',
};

/** What the examples say where a user has to fill in their own values. */
export const PLACEHOLDERS = {
	samplesDir: '/path/to/samples/',
	cardsDir: '/path/to/cards/',
	/** the clovaOcrApi credential the examples of each product reference (id and name) */
	credentials: {
		idCard: { id: 'clovaOcrApiCred1', name: 'CLOVA OCR API account' },
		businessRegistration: { id: 'clovaOcrBizCred1', name: 'CLOVA OCR API (business registration)' },
		receipt: { id: 'clovaOcrRctCred1', name: 'CLOVA OCR API (receipt)' },
		general: { id: 'clovaOcrGenCred1', name: 'CLOVA OCR API (General OCR)' },
		template: { id: 'clovaOcrTplCred1', name: 'CLOVA OCR API (Template OCR)' },
	},
} as const satisfies {
	samplesDir: string;
	cardsDir: string;
	credentials: Record<ExampleProduct, { id: string; name: string }>;
};

/**
 * Nodes that need an outside service (a Google account, an OpenAI key): disabled when an
 * example runs here, so n8n passes their input through.
 */
export const OUTSIDE_SERVICE_NODE_TYPES: readonly string[] = [
	'n8n-nodes-base.googleSheets',
	'@n8n/n8n-nodes-langchain.chainLlm',
	'@n8n/n8n-nodes-langchain.lmChatOpenAi',
];

export interface ExampleTarget {
	/** replaces /path/to/samples/ (and /path/to/cards/ unless cardsDir): a folder n8n may read and write */
	readonly filesDir: string;
	/** replaces /path/to/cards/ (default: filesDir) */
	readonly cardsDir?: string;
	/**
	 * another clovaOcrApi credential to reference (default: the one for the example's product,
	 * PLACEHOLDERS.credentials[EXAMPLE_PRODUCT[name]], which prepareExamplesInstance creates)
	 */
	readonly credential?: { readonly id: string; readonly name: string };
}

export function readExample(name: ExampleName): WorkflowInput {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as WorkflowInput;
}

/**
 * The example with its placeholder paths filled in for `target` (in node parameters only:
 * the sticky notes keep saying /path/to/… as users see them) and its CLOVA OCR nodes
 * referring to the credential of its product's domain (or `target.credential`).
 */
export function localizeExample(name: ExampleName, target: ExampleTarget): WorkflowInput {
	const slash = (folder: string) => (folder.endsWith('/') ? folder : `${folder}/`);
	const dir = slash(target.filesDir);
	const cards = slash(target.cardsDir ?? target.filesDir);
	const fill = (value: unknown): unknown => {
		if (typeof value === 'string') {
			return value.split(PLACEHOLDERS.samplesDir).join(dir).split(PLACEHOLDERS.cardsDir).join(cards);
		}
		if (Array.isArray(value)) return value.map(fill);
		if (value && typeof value === 'object') {
			return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fill(inner)]));
		}
		return value;
	};
	const credential = target.credential ?? PLACEHOLDERS.credentials[EXAMPLE_PRODUCT[name]];
	const workflow = readExample(name);
	const nodes = (workflow.nodes as ExampleNode[]).map((node) => ({
		...node,
		parameters: node.type === 'n8n-nodes-base.stickyNote' ? node.parameters : fill(node.parameters),
		...(node.credentials?.clovaOcrApi
			? { credentials: { ...node.credentials, clovaOcrApi: { ...credential } } }
			: {}),
	}));
	return { ...workflow, nodes };
}

/** The clovaOcrApi credentials an example refers to as shipped, one per CLOVA OCR node. */
export function exampleCredentialReferences(name: ExampleName): unknown[] {
	return (readExample(name).nodes as ExampleNode[])
		.filter((node) => node.credentials?.clovaOcrApi !== undefined)
		.map((node) => node.credentials?.clovaOcrApi);
}

/**
 * The example as it can run here: localized, under its own id (`<id>Run`, so the localized
 * copy stays as users see it), with the nodes that need an outside service disabled
 * (OUTSIDE_SERVICE_NODE_TYPES: Google Sheets, the LLM chain and its OpenAI model).
 */
export function runnableExample(name: ExampleName, filesDir: string): WorkflowInput {
	const localized = localizeExample(name, { filesDir });
	const nodes = (localized.nodes as ExampleNode[]).map((node) =>
		OUTSIDE_SERVICE_NODE_TYPES.includes(node.type) ? { ...node, disabled: true } : node,
	);
	return { ...localized, id: `${localized.id}Run`, nodes };
}

/**
 * store-redacted-copy as it can run here: localized, under its own id, with the Google Sheets
 * node disabled (no Google account); its copy lands in `filesDir` as resident-card-redacted.jpg.
 */
export function runnableStoreRedactedCopy(filesDir: string): WorkflowInput {
	return runnableExample('store-redacted-copy', filesDir);
}

export interface ExampleNode {
	name: string;
	type: string;
	parameters: unknown;
	disabled?: boolean;
	credentials?: Record<string, unknown>;
}

/**
 * The samples that are ID cards, and the unreadable card: what batch-from-folder's folder of
 * cards (/path/to/cards/) holds here. The other products' samples (business registration,
 * receipt, contract, form) are no ID cards: Recognize Any ID would send each to the error output.
 */
export const CARD_SAMPLE = /^(resident-card|driver-license|unreadable)\./;

/**
 * Copies the samples (not their README; only the names `only` matches, when given) into
 * `dir`; returns the file names.
 */
export function copySamples(dir: string, only?: RegExp): string[] {
	mkdirSync(dir, { recursive: true });
	const files = readdirSync(SAMPLES_DIR).filter(
		(f) => /\.(jpe?g|png|pdf|tiff?)$/i.test(f) && (only === undefined || only.test(f)),
	);
	for (const file of files) copyFileSync(join(SAMPLES_DIR, file), join(dir, file));
	return files;
}

export interface ExamplesInstance {
	readonly ctx: N8nContext;
	readonly emulator: Emulator;
	/** the copy of samples/ the localized examples read */
	readonly filesDir: string;
	readonly samples: string[];
	/** the folder of cards (/path/to/cards/) batch-from-folder reads and writes its CSV to */
	readonly cardsDir: string;
	/** the samples in cardsDir (CARD_SAMPLE) */
	readonly cards: string[];
	/** removes the user folder (unless keep) and closes the emulator */
	dispose(keep?: boolean): Promise<void>;
}

/**
 * A fresh n8n with this package (tools/n8n), the CLOVA emulator, a credential per product
 * the examples use (PLACEHOLDERS.credentials: "CLOVA OCR API account" for ID cards,
 * "CLOVA OCR API (receipt)", ...) pointing at the emulator's domain for that product, the
 * samples in the files folder (the ID cards also in a folder of cards), and every example
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
		// prepareInstance's own credential ("CLOVA OCR e2e") also points at the emulator's
		// ID-card domain; the examples reference the ones imported next, by their ids and names.
		({ ctx } = await prepareInstance({
			line: options.line,
			build: options.build,
			port: options.port,
			clova: { invokeUrl: emulator.invokeUrl, secretKey: secret },
		}));
		const products = Object.keys(PLACEHOLDERS.credentials) as ExampleProduct[];
		await importCredentials(
			ctx,
			products.map((product) => {
				const { id, name } = PLACEHOLDERS.credentials[product];
				const domain = emulator.domains[product];
				return clovaCredential(domain.invokeUrl, domain.secretKey, id, name);
			}),
		);
		const filesDir = join(ctx.folder.filesDir, 'samples');
		const samples = copySamples(filesDir);
		const cardsDir = join(ctx.folder.filesDir, 'cards');
		const cards = copySamples(cardsDir, CARD_SAMPLE);
		for (const name of EXAMPLES) {
			await importWorkflow(ctx, readExample(name));
			await importWorkflow(ctx, localizeExample(name, { filesDir, cardsDir }));
		}
		const context = ctx;
		return {
			ctx: context,
			emulator,
			filesDir,
			samples,
			cardsDir,
			cards,
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
