/**
 * Headless n8n CLI steps on a context: import credentials and workflows, execute a
 * workflow and parse its `--rawOutput` JSON. Every step is timed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, timed } from './log';
import { choosePortsAgain, lostPortRace, PORT_RACE_ATTEMPTS, type N8nContext } from './n8n-context';
import { CommandError, runCommand, type RunResult } from './run-command';

/** Runs an n8n command; one that lost its task broker's port to another process runs again on new ports. */
export async function runN8n(
	ctx: N8nContext,
	args: readonly string[],
	timeoutMs = 180_000,
	extraEnv: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await runCommand(ctx.n8n.node, [ctx.n8n.n8nBin, ...args], {
				cwd: ctx.folder.root,
				env: { ...ctx.env, ...extraEnv },
				timeoutMs,
			});
		} catch (error) {
			const output = error instanceof CommandError ? error.result.stdout + error.result.stderr : '';
			if (attempt >= PORT_RACE_ATTEMPTS || !lostPortRace(output)) throw error;
			await choosePortsAgain(ctx, `n8n ${args[0]} lost a port to another process`);
		}
	}
}

export interface CredentialInput {
	/** any id of 16 characters or fewer; n8n 1.x and 2.x accept alphanumerics */
	readonly id: string;
	readonly name: string;
	readonly type: string;
	readonly data: Record<string, unknown>;
}

let importCounter = 0;
function writeImportFile(ctx: N8nContext, kind: string, content: unknown): string {
	importCounter += 1;
	const file = join(ctx.folder.importDir, `${kind}-${process.pid}-${importCounter}.json`);
	writeFileSync(file, JSON.stringify(content, null, 2));
	return file;
}

/** `n8n import:credentials`: n8n encrypts `data` with the folder's encryption key. */
export async function importCredentials(
	ctx: N8nContext,
	credentials: readonly CredentialInput[],
): Promise<void> {
	const file = writeImportFile(
		ctx,
		'credentials',
		credentials.map((c) => ({ ...c, isManaged: false })),
	);
	await timed(`import:credentials (${credentials.map((c) => c.type).join(', ')})`, () =>
		runN8n(ctx, ['import:credentials', `--input=${file}`]),
	);
}

/** A `clovaOcrApi` credential, as a user creates it in the editor. */
export function clovaCredential(
	invokeUrl: string,
	secretKey: string,
	id = 'clovaE2eCred0001',
	name = 'CLOVA OCR e2e',
): CredentialInput {
	return { id, name, type: 'clovaOcrApi', data: { invokeUrl, secretKey } };
}

export interface WorkflowInput {
	/** required by `n8n execute --id` */
	readonly id: string;
	readonly name: string;
	readonly nodes: readonly unknown[];
	readonly connections: Record<string, unknown>;
	readonly [key: string]: unknown;
}

export async function importWorkflow(ctx: N8nContext, workflow: WorkflowInput): Promise<void> {
	const file = writeImportFile(ctx, 'workflow', { active: false, settings: {}, ...workflow });
	await timed(`import:workflow ${workflow.id}`, () =>
		runN8n(ctx, ['import:workflow', `--input=${file}`]),
	);
}

/** What `n8n execute --rawOutput` prints: an IRun, of which tests need little. */
export interface RawRun {
	readonly data: {
		readonly resultData: {
			readonly runData: Record<string, ReadonlyArray<NodeRun>>;
			readonly lastNodeExecuted?: string;
			readonly error?: { readonly message?: string };
		};
	};
	readonly finished?: boolean;
	readonly status?: string;
	readonly [key: string]: unknown;
}

export interface NodeRun {
	readonly data?: { readonly main?: ReadonlyArray<ReadonlyArray<OutputItem> | null> };
	readonly error?: { readonly message?: string; readonly description?: string };
	readonly executionStatus?: string;
}

export interface OutputItem {
	readonly json: Record<string, unknown>;
	readonly binary?: Record<string, unknown>;
	readonly pairedItem?: unknown;
	readonly error?: unknown;
}

export class N8nExecutionError extends Error {
	constructor(
		message: string,
		readonly stdout: string,
		readonly stderr: string,
		/** the failed run, when n8n printed it (it does at log level info) */
		readonly run: RawRun | null,
	) {
		super(message);
		this.name = 'N8nExecutionError';
	}
}

/**
 * The run's JSON: from the first line that is `{` to the next line that is `}` (the
 * pretty-printed object's own braces). n8n may log lines before it, and after it too: the
 * task runner's "Registered runner …" line can come once the run is printed.
 */
export function parseRawOutput(stdout: string): RawRun {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line === '{');
	const end = lines.findIndex((line, index) => index > start && line === '}');
	if (start < 0 || end < 0) throw new Error(`no JSON in n8n's output:\n${stdout.slice(-2000)}`);
	return JSON.parse(lines.slice(start, end + 1).join('\n')) as RawRun;
}

/**
 * `n8n execute --id <id> --rawOutput`; throws N8nExecutionError (with n8n's output) when the
 * run fails. `env` is added to this one process's environment (e.g. its binary data mode).
 */
export async function executeWorkflow(
	ctx: N8nContext,
	workflowId: string,
	timeoutMs = 180_000,
	env: NodeJS.ProcessEnv = {},
): Promise<RawRun> {
	return timed(`execute ${workflowId}`, async () => {
		let result: RunResult;
		try {
			// n8n prints the run through its logger at level info (2.x; 1.x prints it directly)
			result = await runN8n(ctx, ['execute', `--id=${workflowId}`, '--rawOutput'], timeoutMs, {
				...env,
				N8N_LOG_LEVEL: 'info',
			});
		} catch (error) {
			if (error instanceof CommandError) {
				const { stdout, stderr, code } = error.result;
				const run = tryParseRawOutput(stdout);
				// n8n prints the run, then closes its database and exits: under load that last step
				// can fail (exit 1 after a finished, successful run, seen once in CI). The run is what
				// the tests assert; its exit is n8n's own, so it is logged, not failed on.
				if (run !== null && completedWithoutError(run)) {
					log(
						`execute ${workflowId}: the run finished, then n8n exited with ${code}: ${stderr.split('\n').filter(Boolean).slice(-5).join(' | ')}`,
					);
					return run;
				}
				throw new N8nExecutionError(
					`workflow ${workflowId} failed: ${runErrorSummary(run) ?? errorSummary(stdout, stderr)}`,
					stdout,
					stderr,
					run,
				);
			}
			throw error;
		}
		return parseRawOutput(result.stdout);
	});
}

/** A run n8n finished with no error: what `execute` prints before it exits 0. */
function completedWithoutError(run: RawRun): boolean {
	return run.finished === true && run.status === 'success' && !run.data?.resultData?.error;
}

function tryParseRawOutput(stdout: string): RawRun | null {
	try {
		return parseRawOutput(stdout);
	} catch {
		return null;
	}
}

/** The failing node and its error message and description, from a failed run. */
export function runErrorSummary(run: RawRun | null): string | null {
	const error = run?.data?.resultData?.error as
		| { message?: string; description?: string | null; node?: { name?: string } }
		| undefined;
	if (!error) return null;
	const where = error.node?.name ? `${error.node.name}: ` : '';
	return `${where}${error.message ?? '(no message)'}${error.description ? ` (${error.description})` : ''}`;
}

function errorSummary(stdout: string, stderr: string): string {
	const text = `${stdout}\n${stderr}`
		.split('\n')
		.filter((line) => line.trim() !== '')
		.slice(-15)
		.join('\n');
	return text || '(n8n printed nothing)';
}

/** The json of each item a node put on one of its outputs, in its last run. */
export function nodeOutput(
	run: RawRun,
	nodeName: string,
	outputIndex = 0,
): Array<Record<string, unknown>> {
	return nodeItems(run, nodeName, outputIndex).map((item) => item.json);
}

export function nodeItems(run: RawRun, nodeName: string, outputIndex = 0): OutputItem[] {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs || runs.length === 0) {
		throw new Error(
			`node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
		);
	}
	const last = runs[runs.length - 1];
	if (last.error)
		throw new Error(
			`node "${nodeName}" failed: ${last.error.message ?? JSON.stringify(last.error)}`,
		);
	return [...(last.data?.main?.[outputIndex] ?? [])];
}
