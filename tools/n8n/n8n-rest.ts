/** The few REST calls the e2e tests make against a running n8n (1.x and 2.x alike). */
import { timed } from './log';
import type { RunningN8n } from './n8n-server';

export const TEST_OWNER = {
	email: 'e2e@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Passw0rd!',
} as const;

export interface Session {
	readonly url: string;
	readonly cookie: string;
}

function authCookie(response: Response): string {
	const setCookies = response.headers.getSetCookie();
	const auth = setCookies.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
	if (!auth) throw new Error(`no n8n-auth cookie in the response (status ${response.status})`);
	return auth;
}

async function failWith(response: Response, what: string): Promise<never> {
	throw new Error(`${what}: HTTP ${response.status} ${(await response.text()).slice(0, 500)}`);
}

/** Creates the instance owner (a fresh user folder has none) and returns its session. */
export async function setUpOwner(server: RunningN8n): Promise<Session> {
	const response = await timed('POST /rest/owner/setup', () =>
		fetch(`${server.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(TEST_OWNER),
		}),
	);
	if (!response.ok) return failWith(response, 'owner setup');
	return { url: server.url, cookie: authCookie(response) };
}

async function getJson(session: Session, path: string): Promise<unknown> {
	return timed(`GET ${path}`, async () => {
		const response = await fetch(`${session.url}${path}`, { headers: { cookie: session.cookie } });
		if (!response.ok) return failWith(response, `GET ${path}`);
		return response.json();
	});
}

interface NodeTypeDescription {
	name: string;
	displayName?: string;
	version?: number | number[];
}

/** `/types/nodes.json`, what the editor's node panel is built from. */
export async function listNodeTypes(session: Session): Promise<NodeTypeDescription[]> {
	return (await getJson(session, '/types/nodes.json')) as NodeTypeDescription[];
}

/** `/types/credentials.json`, the credential types the editor offers. */
export async function listCredentialTypes(
	session: Session,
): Promise<Array<{ name: string; displayName?: string }>> {
	return (await getJson(session, '/types/credentials.json')) as Array<{
		name: string;
		displayName?: string;
	}>;
}

export interface InstalledPackage {
	packageName: string;
	installedVersion: string;
	installedNodes: Array<{ name: string; type: string; latestVersion: number }>;
	failedLoading?: boolean;
}

/** Settings > Community nodes. */
export async function listCommunityPackages(session: Session): Promise<InstalledPackage[]> {
	const body = (await getJson(session, '/rest/community-packages')) as
		| { data?: InstalledPackage[] }
		| InstalledPackage[];
	return Array.isArray(body) ? body : (body.data ?? []);
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * `POST /rest/credentials/test`, the call the editor's Test button makes: the stored
 * credential `id`, with the form's current `data`.
 */
export async function testCredentialThroughRest(
	session: Session,
	credential: { id: string; name: string; type: string; data: Record<string, unknown> },
): Promise<CredentialTestResult> {
	return timed('POST /rest/credentials/test', async () => {
		const response = await fetch(`${session.url}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: session.cookie },
			body: JSON.stringify({ credentials: credential }),
		});
		if (!response.ok) return failWith(response, 'POST /rest/credentials/test');
		const body = (await response.json()) as { data?: CredentialTestResult } & CredentialTestResult;
		return body.data ?? body;
	});
}
