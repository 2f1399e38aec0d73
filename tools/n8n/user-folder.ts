/**
 * An isolated n8n user folder per run (a temp dir), and the environment for a quiet,
 * headless, reproducible n8n in it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProvidedN8n } from './provide-n8n';

/** Fixed for test folders only: credentials imported into them are encrypted with it. */
export const TEST_ENCRYPTION_KEY = 'n8n-nodes-clova-ocr-e2e-only-not-a-secret';

export interface N8nUserFolder {
	/** N8N_USER_FOLDER: n8n keeps its state in `<root>/.n8n` */
	readonly root: string;
	/** `<root>/.n8n` */
	readonly n8nDir: string;
	/** where workflows may read and write files (N8N_RESTRICT_FILE_ACCESS_TO) */
	readonly filesDir: string;
	/** scratch space for JSON handed to n8n's import commands */
	readonly importDir: string;
	/** removes the whole folder */
	remove(): void;
}

export function createUserFolder(prefix = 'n8n-e2e-'): N8nUserFolder {
	const root = mkdtempSync(join(tmpdir(), prefix));
	const n8nDir = join(root, '.n8n');
	const filesDir = join(root, 'files');
	const importDir = join(root, 'import');
	for (const dir of [n8nDir, filesDir, importDir]) mkdirSync(dir, { recursive: true });
	return {
		root,
		n8nDir,
		filesDir,
		importDir,
		remove: () => rmSync(root, { recursive: true, force: true }),
	};
}

export interface N8nEnvOptions {
	/** port of `n8n start` (default 5678) */
	readonly port?: number;
	/** port of n8n's task broker, which every n8n command with a task runner opens (default port + 1) */
	readonly brokerPort?: number;
	/** more folders the readWriteFile node may read, besides `filesDir` */
	readonly allowFileAccessTo?: readonly string[];
	/** N8N_LOG_LEVEL (default warn) */
	readonly logLevel?: 'error' | 'warn' | 'info' | 'debug';
	readonly extra?: NodeJS.ProcessEnv;
}

/**
 * The environment of every n8n command of a test run. It starts from a minimal copy of
 * the caller's (PATH, HOME, locale): no N8N_* or DB_* variable of the caller leaks in.
 */
export function n8nEnv(
	n8n: ProvidedN8n,
	folder: N8nUserFolder,
	options: N8nEnvOptions = {},
): NodeJS.ProcessEnv {
	const inherited: NodeJS.ProcessEnv = {};
	// TLS and proxy settings reach n8n's own npm calls (`npm outdated` behind Settings >
	// Community nodes): without the machine's CA file npm retries for a minute on Node 24,
	// whose npm global config has no `cafile`.
	for (const key of [
		'HOME',
		'LANG',
		'LC_ALL',
		'TZ',
		'TMPDIR',
		'USER',
		'SHELL',
		'NODE_EXTRA_CA_CERTS',
		'SSL_CERT_FILE',
		'SSL_CERT_DIR',
		'HTTP_PROXY',
		'HTTPS_PROXY',
		'NO_PROXY',
		'http_proxy',
		'https_proxy',
		'no_proxy',
	]) {
		const value = process.env[key];
		if (value !== undefined) inherited[key] = value;
	}
	const port = options.port ?? 5678;
	return {
		...inherited,
		// n8n runs on the Node it was installed for; its npm calls find npm next.
		PATH: `${n8n.binDir}:${process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'}`,
		N8N_USER_FOLDER: folder.root,
		N8N_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '1',
		N8N_LOG_LEVEL: options.logLevel ?? 'warn',
		N8N_LOG_OUTPUT: 'console',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ONBOARDING_FLOW_DISABLED: 'true',
		N8N_DEV_RELOAD: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_SECURE_COOKIE: 'false',
		// 2.x always runs Code nodes in a task runner (N8N_RUNNERS_ENABLED is deprecated there);
		// 1.x is told to do the same, so both lines behave alike.
		...(n8n.line === 'v1' ? { N8N_RUNNERS_ENABLED: 'true' } : {}),
		N8N_RUNNERS_MODE: 'internal',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort ?? port + 1),
		N8N_RUNNERS_TASK_TIMEOUT: '300',
		N8N_PUBLIC_API_DISABLED: 'true',
		N8N_AI_ENABLED: 'false',
		EXECUTIONS_DATA_PRUNE: 'false',
		GENERIC_TIMEZONE: 'UTC',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_RESTRICT_FILE_ACCESS_TO: [folder.filesDir, ...(options.allowFileAccessTo ?? [])].join(';'),
		N8N_BLOCK_FILE_ACCESS_TO_N8N_FILES: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		NODE_OPTIONS: ['--max-old-space-size=2048', ...cpuProfileFlags()].join(' '),
		...options.extra,
	};
}

/**
 * `N8N_CPU_PROFILE_DIR=/some/dir npm run bench -- ...`: every n8n process the tools start
 * writes a V8 CPU profile there when it exits (for finding where n8n's time per call goes).
 */
function cpuProfileFlags(): string[] {
	const dir = process.env.N8N_CPU_PROFILE_DIR;
	return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}
