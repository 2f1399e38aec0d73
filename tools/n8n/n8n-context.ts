/** One test run's n8n: which install, which user folder, which environment. */
import { createServer, type Server } from 'node:net';
import { log } from './log';
import type { ProvidedN8n } from './provide-n8n';
import { createUserFolder, n8nEnv, type N8nEnvOptions, type N8nUserFolder } from './user-folder';

export interface N8nContext {
	readonly n8n: ProvidedN8n;
	readonly folder: N8nUserFolder;
	/** Changed only by `choosePortsAgain`, after a start lost its ports to another process. */
	env: NodeJS.ProcessEnv;
	/** port `n8n start` listens on */
	port: number;
	/** what the context was made with, for choosing its ports again */
	readonly options: N8nEnvOptions;
}

function listen(server: Server): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			resolve(typeof address === 'object' && address ? address.port : 0);
		});
	});
}

/**
 * `count` distinct TCP ports free on 127.0.0.1. Every port stays bound until all are
 * chosen, so the system cannot hand the same one out twice (it did, when each port was
 * released before the next was asked for: n8n got one port for its server and its broker).
 */
export async function freePorts(count: number): Promise<number[]> {
	const servers = Array.from({ length: count }, () => createServer());
	try {
		return await Promise.all(servers.map(listen));
	} finally {
		await Promise.all(
			servers.map(
				(server) =>
					new Promise<void>((resolve) =>
						server.listening ? server.close(() => resolve()) : resolve(),
					),
			),
		);
	}
}

/** Between choosing a port and n8n binding it, another process may take it: n8n then says so. */
export function lostPortRace(output: string): boolean {
	return /is already in use|EADDRINUSE/.test(output);
}

async function portsFor(options: N8nEnvOptions): Promise<{ port: number; brokerPort: number }> {
	const [port, brokerPort] = await freePorts(2);
	return { port: options.port ?? port, brokerPort: options.brokerPort ?? brokerPort };
}

/**
 * A fresh user folder and environment. Ports (server, task broker) are free ones unless
 * given, so several contexts can run side by side.
 */
export async function createContext(
	n8n: ProvidedN8n,
	options: N8nEnvOptions = {},
): Promise<N8nContext> {
	const folder = createUserFolder(`n8n-e2e-${n8n.line}-`);
	const ports = await portsFor(options);
	return {
		n8n,
		folder,
		env: n8nEnv(n8n, folder, { ...options, ...ports }),
		port: ports.port,
		options,
	};
}

/** New free ports for a context whose n8n lost a port race; ports the caller fixed stay. */
export async function choosePortsAgain(ctx: N8nContext, reason: string): Promise<void> {
	const ports = await portsFor(ctx.options);
	log(`${reason}: starting again on port ${ports.port} (task broker ${ports.brokerPort})`);
	ctx.env = n8nEnv(ctx.n8n, ctx.folder, { ...ctx.options, ...ports });
	ctx.port = ports.port;
}

/** How often a start that lost its ports to another process is tried again. */
export const PORT_RACE_ATTEMPTS = 3;
