/**
 * The demo `npm start` serves, apart from the process that serves it (start.ts), so the e2e
 * test (test/e2e/demo.test.ts) imports the same workflow, credentials and samples: which CLOVA
 * domains the demo talks to, the credentials pointing at them, the sample files, and
 * demo-workflow.json filled in.
 *
 * One CLOVA domain serves one product, so the ID-card branch and the business registration
 * branch each have a credential of their own.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { clovaCredential, type CredentialInput, type WorkflowInput } from '../n8n/n8n-cli';

const REPO = resolve(__dirname, '../..');

/** The ID-card credential: the id and name the examples/ workflows refer to, so they find it. */
export const CARD_CREDENTIAL = { id: 'clovaOcrApiCred1', name: 'CLOVA OCR API account' } as const;
/** The business registration credential (examples/business-registration-to-google-sheets.json refers to it). */
export const BIZ_CREDENTIAL = {
	id: 'clovaOcrBizCred1',
	name: 'CLOVA OCR API (business registration)',
} as const;

/** The nodes of the business registration branch: left out when there is no domain for it. */
export const BIZ_BRANCH_NODES: readonly string[] = [
	'Read business registration',
	'CLOVA OCR (business registration)',
	'Sticky Note (business registration)',
];

export interface ClovaDomain {
	readonly invokeUrl: string;
	readonly secretKey: string;
}

export interface DemoDomains {
	/** the ID-card domain (Recognize Any ID) */
	readonly idCard: ClovaDomain;
	/** the business registration domain; null leaves that branch out of the demo */
	readonly businessRegistration: ClovaDomain | null;
}

/** Where each domain comes from: the environment, the emulator, or nowhere. */
export type DomainSource = 'environment' | 'emulator' | 'none';

function domainFromEnv(
	env: NodeJS.ProcessEnv,
	urlName: string,
	secretName: string,
): ClovaDomain | null {
	const invokeUrl = env[urlName]?.trim();
	const secretKey = env[secretName]?.trim();
	return invokeUrl && secretKey ? { invokeUrl, secretKey } : null;
}

/** The domains a running emulator serves (an `Emulator` is one). */
export interface EmulatedDomains {
	readonly domains: {
		readonly idCard: ClovaDomain;
		readonly businessRegistration: ClovaDomain;
	};
}

/**
 * The ID-card domain from CLOVA_INVOKE_URL and CLOVA_SECRET_KEY, the business registration
 * domain from CLOVA_BIZ_INVOKE_URL and CLOVA_BIZ_SECRET_KEY (a pair counts only with both set).
 * `emulator` (start.ts starts it when the ID-card pair is not set) stands in for a pair that
 * is not set; without it, an unset business registration pair leaves that branch out.
 */
export function chooseDomains(
	env: NodeJS.ProcessEnv,
	emulator?: EmulatedDomains,
): { domains: DemoDomains; sources: Record<keyof DemoDomains, DomainSource> } {
	const card = domainFromEnv(env, 'CLOVA_INVOKE_URL', 'CLOVA_SECRET_KEY');
	const biz = domainFromEnv(env, 'CLOVA_BIZ_INVOKE_URL', 'CLOVA_BIZ_SECRET_KEY');
	const emulated = (domain: ClovaDomain | undefined): ClovaDomain | null =>
		domain ? { invokeUrl: domain.invokeUrl, secretKey: domain.secretKey } : null;
	const idCard = card ?? emulated(emulator?.domains.idCard);
	if (!idCard) {
		throw new Error(
			'no ID-card domain: set CLOVA_INVOKE_URL and CLOVA_SECRET_KEY, or start the emulator',
		);
	}
	const businessRegistration = biz ?? emulated(emulator?.domains.businessRegistration);
	return {
		domains: { idCard, businessRegistration },
		sources: {
			idCard: card ? 'environment' : 'emulator',
			businessRegistration: biz ? 'environment' : businessRegistration ? 'emulator' : 'none',
		},
	};
}

/** The demo's credentials: the ID card's, and the business registration's when it has a domain. */
export function demoCredentials(domains: DemoDomains): CredentialInput[] {
	const { idCard, businessRegistration: biz } = domains;
	return [
		clovaCredential(idCard.invokeUrl, idCard.secretKey, CARD_CREDENTIAL.id, CARD_CREDENTIAL.name),
		...(biz
			? [clovaCredential(biz.invokeUrl, biz.secretKey, BIZ_CREDENTIAL.id, BIZ_CREDENTIAL.name)]
			: []),
	];
}

/** Copies samples/ (the files, not its README) into `dir`, the folder the demo reads. */
export function copyDemoSamples(dir: string): void {
	cpSync(join(REPO, 'samples'), dir, { recursive: true, filter: (path) => !path.endsWith('.md') });
}

/**
 * demo-workflow.json reading the samples in `samplesDir` (a folder n8n may read), its nodes
 * referring to the demo's credentials; without `businessRegistration`, that branch (its nodes,
 * its sticky note, the trigger's connection to it) is left out.
 */
export function demoWorkflow(
	samplesDir: string,
	options: { readonly businessRegistration: boolean },
): WorkflowInput {
	const vars: Record<string, string> = {
		SAMPLES_DIR: samplesDir.replace(/\/+$/, ''),
		CREDENTIAL_ID: CARD_CREDENTIAL.id,
		CREDENTIAL_NAME: CARD_CREDENTIAL.name,
		BIZ_CREDENTIAL_ID: BIZ_CREDENTIAL.id,
		BIZ_CREDENTIAL_NAME: BIZ_CREDENTIAL.name,
	};
	let text = readFileSync(join(__dirname, 'demo-workflow.json'), 'utf8');
	for (const [key, value] of Object.entries(vars)) {
		text = text.split(`{{${key}}}`).join(JSON.stringify(value).slice(1, -1));
	}
	const workflow = JSON.parse(text) as WorkflowInput;
	if (options.businessRegistration) return workflow;
	const left = (name: string) => !BIZ_BRANCH_NODES.includes(name);
	const nodes = workflow.nodes as ReadonlyArray<{ name: string }>;
	const connections = workflow.connections as Record<
		string,
		{ main: Array<Array<{ node: string }>> }
	>;
	return {
		...workflow,
		nodes: nodes.filter((node) => left(node.name)),
		connections: Object.fromEntries(
			Object.entries(connections)
				.filter(([from]) => left(from))
				.map(([from, { main }]) => [
					from,
					{ main: main.map((targets) => targets.filter((target) => left(target.node))) },
				]),
		),
	};
}
