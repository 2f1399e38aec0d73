/** One test run's n8n: which install, which user folder, which environment. */
import { createServer } from 'node:net';
import type { ProvidedN8n } from './provide-n8n';
import { createUserFolder, n8nEnv, type N8nEnvOptions, type N8nUserFolder } from './user-folder';

export interface N8nContext {
	readonly n8n: ProvidedN8n;
	readonly folder: N8nUserFolder;
	readonly env: NodeJS.ProcessEnv;
	/** port `n8n start` listens on */
	readonly port: number;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/**
 * A fresh user folder and environment. Ports (server, task broker) are free ones unless
 * given, so several contexts can run side by side.
 */
export async function createContext(n8n: ProvidedN8n, options: N8nEnvOptions = {}): Promise<N8nContext> {
	const folder = createUserFolder(`n8n-e2e-${n8n.line}-`);
	const port = options.port ?? (await freePort());
	const brokerPort = options.brokerPort ?? (await freePort());
	return { n8n, folder, env: n8nEnv(n8n, folder, { ...options, port, brokerPort }), port };
}
