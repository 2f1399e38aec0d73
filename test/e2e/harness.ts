/**
 * e2e harness: a real n8n (from the cache), this package installed in it as a community
 * package, credentials and workflows imported with n8n's CLI, workflows executed headlessly.
 *
 * `prepareE2e()` (jest globalSetup) provides n8n for each line under test, builds and packs
 * this package (and the probe package), and hands the result to the test workers through a
 * JSON file named by $N8N_E2E_STATE. Tests call `e2eState()`, then `startN8nContext()`.
 *
 * Environment:
 *   N8N_E2E_LINES       lines to test, comma-separated: v2,v1 (default both)
 *   N8N_E2E_SKIP_BUILD  1: pack dist/ as it is, without `npm run build`
 *   N8N_E2E_KEEP        1: keep each test's n8n user folder (its path is printed)
 *   CLOVA_OCR_N8N_CACHE where n8n installs are cached (default ~/.cache/n8n-nodes-clova-ocr)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { log, timed, timingSummary } from '../../tools/n8n/log';
import { createContext, type N8nContext } from '../../tools/n8n/n8n-context';
import {
	executeWorkflow,
	importCredentials,
	importWorkflow,
	type CredentialInput,
	type RawRun,
	type WorkflowInput,
} from '../../tools/n8n/n8n-cli';
import { installCommunityPackage } from '../../tools/n8n/install-community-package';
import { packRepo, realPackageBuilt, type PackedPackage } from '../../tools/n8n/pack-package';
import { packProbePackage } from '../../tools/n8n/probe-package';
import { provideN8n, type ProvidedN8n } from '../../tools/n8n/provide-n8n';
import { recordInstalledPackage } from '../../tools/n8n/record-installed-package';
import { N8N_PINS, parseLine, type N8nLine } from '../../tools/n8n/versions';

export const STATE_ENV = 'N8N_E2E_STATE';

export interface E2eState {
	readonly lines: readonly N8nLine[];
	readonly n8n: Partial<Record<N8nLine, ProvidedN8n>>;
	/** the throwaway probe package (proves the install mechanism) */
	readonly probe: PackedPackage;
	/** this repo's package, or null when dist/ has no node yet */
	readonly real: PackedPackage | null;
	/** where packed tarballs and the state file live */
	readonly workDir: string;
}

export function linesUnderTest(value = process.env.N8N_E2E_LINES): N8nLine[] {
	if (!value) return ['v2', 'v1'];
	return [...new Set(value.split(',').map((part) => parseLine(part.trim())))];
}

export async function prepareE2e(): Promise<E2eState> {
	const lines = linesUnderTest();
	const workDir = mkdtempSync(join(tmpdir(), 'n8n-e2e-run-'));
	const n8n: Partial<Record<N8nLine, ProvidedN8n>> = {};
	for (const line of lines) {
		n8n[line] = await timed(`provide n8n ${N8N_PINS[line].n8n} (${line})`, () => provideN8n(line));
	}
	const probe = await timed('pack the probe package', () =>
		packProbePackage(join(workDir, 'probe')),
	);
	const build = process.env.N8N_E2E_SKIP_BUILD !== '1';
	let real: PackedPackage | null = null;
	if (build || realPackageBuilt()) {
		real = await timed(
			build ? 'build and pack n8n-nodes-clova-ocr' : 'pack n8n-nodes-clova-ocr',
			() => packRepo(join(workDir, 'real'), { build }),
		);
	} else {
		log('dist/ has no node and N8N_E2E_SKIP_BUILD=1: testing the probe package only');
	}
	const state: E2eState = { lines, n8n, probe, real, workDir };
	const file = join(workDir, 'state.json');
	writeFileSync(file, JSON.stringify(state, null, 2));
	process.env[STATE_ENV] = file;
	log(`e2e setup:\n${timingSummary()}`);
	return state;
}

export function e2eState(): E2eState {
	const file = process.env[STATE_ENV];
	if (!file) {
		throw new Error(
			`${STATE_ENV} is not set: run the e2e tests through jest's e2e project (its globalSetup prepares n8n)`,
		);
	}
	return JSON.parse(readFileSync(file, 'utf8')) as E2eState;
}

export function providedN8n(line: N8nLine): ProvidedN8n {
	const n8n = e2eState().n8n[line];
	if (!n8n)
		throw new Error(
			`n8n ${line} was not prepared (N8N_E2E_LINES=${process.env.N8N_E2E_LINES ?? ''})`,
		);
	return n8n;
}

export interface N8nSetup {
	readonly packages: readonly PackedPackage[];
	readonly credentials?: readonly CredentialInput[];
	/** more folders the readWriteFile node may read */
	readonly allowFileAccessTo?: readonly string[];
}

/**
 * A fresh n8n user folder with the packages installed as community packages (files, ledger
 * and database rows) and the credentials imported. `dispose()` removes the folder.
 */
export async function setUpN8n(
	line: N8nLine,
	setup: N8nSetup,
): Promise<N8nContext & { dispose(): void }> {
	const ctx = await createContext(providedN8n(line), {
		allowFileAccessTo: setup.allowFileAccessTo,
	});
	for (const pkg of setup.packages) await installCommunityPackage(ctx, pkg);
	// the first n8n command creates and migrates the database; an empty import is enough
	await importCredentials(ctx, setup.credentials ?? []);
	for (const pkg of setup.packages) await recordInstalledPackage(ctx, pkg.name);
	return {
		...ctx,
		dispose: () => {
			if (process.env.N8N_E2E_KEEP === '1') log(`kept n8n user folder ${ctx.folder.root}`);
			else ctx.folder.remove();
		},
	};
}

/**
 * Where n8n keeps the files of a run (`N8N_DEFAULT_BINARY_DATA_MODE`): `default` in memory, as
 * base64 in the items (1.x's default), `filesystem` in the user folder (2.x's default: n8n 2.41
 * takes it when the variable is unset), `database` (queue mode).
 */
export type BinaryDataMode = 'default' | 'filesystem' | 'database';

export interface RunOptions {
	/** the binary data mode of this one `n8n execute` process; unset, n8n's own default */
	readonly binaryDataMode?: BinaryDataMode;
}

/** Imports the workflow and executes it headlessly. */
export async function runWorkflow(
	ctx: N8nContext,
	workflow: WorkflowInput,
	options: RunOptions = {},
): Promise<RawRun> {
	await importWorkflow(ctx, workflow);
	return executeWorkflow(
		ctx,
		workflow.id,
		undefined,
		options.binaryDataMode ? { N8N_DEFAULT_BINARY_DATA_MODE: options.binaryDataMode } : {},
	);
}

/**
 * The workflow setting `binaryMode` (n8n 2.40+; 1.x ignores it). In `combined` mode n8n moves
 * each stored file of a node's output items from `binary.<name>` to `json._files.<name>` (only
 * when the binary data mode is not `default`), and its own nodes take a path in the json
 * (`_files.<name>`) where they take a binary field name.
 */
export type BinaryMode = 'separate' | 'combined';

/**
 * The binary placeholders of the workflows: `BINARY_MODE` (settings), `INPUT_FIELD` (CLOVA
 * OCR's Input Binary Field), and for the redacted copy what n8n's Write node after the node
 * reads: `COPY_FIELD` (its binary field: `redacted`, or the path `_files.redacted` in combined
 * mode) and `COPY_REF` (the copy in an expression, for its file name).
 */
export function binaryModeVars(mode: BinaryMode, inputField = 'data'): Record<string, string> {
	return mode === 'combined'
		? {
				BINARY_MODE: mode,
				INPUT_FIELD: inputField,
				COPY_FIELD: '_files.redacted',
				COPY_REF: '$json._files.redacted',
			}
		: {
				BINARY_MODE: mode,
				INPUT_FIELD: inputField,
				COPY_FIELD: 'redacted',
				COPY_REF: '$binary.redacted',
			};
}

/**
 * A workflow from test/e2e/workflows/<name>.json with `{{KEY}}` placeholders replaced (values
 * are JSON-escaped, so paths with quotes or backslashes stay valid). The binary placeholders
 * (`binaryModeVars`) are those of separate mode and the field `data` unless given.
 */
export function loadWorkflow(
	name: string,
	given: Record<string, string | number | boolean> = {},
): WorkflowInput {
	const vars = { ...binaryModeVars('separate'), ...given };
	let text = readFileSync(join(__dirname, 'workflows', `${name}.json`), 'utf8');
	for (const [key, value] of Object.entries(vars)) {
		text = text.split(`{{${key}}}`).join(JSON.stringify(String(value)).slice(1, -1));
	}
	const left = /\{\{([A-Z0-9_]+)\}\}/.exec(text);
	if (left) throw new Error(`workflow ${name}: no value for {{${left[1]}}}`);
	return JSON.parse(text) as WorkflowInput;
}
