import {
	BIZ_BRANCH_NODES,
	BIZ_CREDENTIAL,
	CARD_CREDENTIAL,
	chooseDomains,
	demoCredentials,
	demoWorkflow,
} from '../demo';

const EMULATOR = {
	domains: {
		idCard: { invokeUrl: 'http://127.0.0.1:1/custom/v1/12345/k', secretKey: 's' },
		businessRegistration: { invokeUrl: 'http://127.0.0.1:1/custom/v1/12346/k', secretKey: 's' },
	},
};
const CARD_ENV = { CLOVA_INVOKE_URL: 'https://card.example/x', CLOVA_SECRET_KEY: 'card-secret' };
const BIZ_ENV = {
	CLOVA_BIZ_INVOKE_URL: ' https://biz.example/y ',
	CLOVA_BIZ_SECRET_KEY: 'biz-secret',
};

type Node = { name: string; parameters: Record<string, unknown>; credentials?: unknown };
type Connections = Record<string, { main: Array<Array<{ node: string }>> }>;

describe('chooseDomains: which CLOVA domain each branch of the demo uses', () => {
	it('the emulator for both when nothing is set', () => {
		expect(chooseDomains({}, EMULATOR)).toEqual({
			domains: EMULATOR.domains,
			sources: { idCard: 'emulator', businessRegistration: 'emulator' },
		});
	});

	it('your domains when both pairs are set (values trimmed)', () => {
		expect(chooseDomains({ ...CARD_ENV, ...BIZ_ENV })).toEqual({
			domains: {
				idCard: { invokeUrl: 'https://card.example/x', secretKey: 'card-secret' },
				businessRegistration: { invokeUrl: 'https://biz.example/y', secretKey: 'biz-secret' },
			},
			sources: { idCard: 'environment', businessRegistration: 'environment' },
		});
	});

	it('no business registration domain with your ID-card domain alone (the branch is left out)', () => {
		const chosen = chooseDomains({ ...CARD_ENV, CLOVA_BIZ_INVOKE_URL: 'https://biz.example/y' });
		expect(chosen.domains.businessRegistration).toBeNull();
		expect(chosen.sources.businessRegistration).toBe('none');
		expect(demoCredentials(chosen.domains).map((c) => c.id)).toEqual([CARD_CREDENTIAL.id]);
	});

	it('your business registration domain beside the emulated ID-card one', () => {
		const chosen = chooseDomains(BIZ_ENV, EMULATOR);
		expect(chosen.sources).toEqual({ idCard: 'emulator', businessRegistration: 'environment' });
	});

	it('fails without any ID-card domain', () => {
		expect(() => chooseDomains({})).toThrow(/CLOVA_INVOKE_URL/);
	});
});

describe('demoWorkflow', () => {
	it('two branches: the cards by name, the certificate alone, each node on its own credential', () => {
		const workflow = demoWorkflow('/files/my "samples"/', { businessRegistration: true });
		const nodes = workflow.nodes as Node[];
		const byName = Object.fromEntries(nodes.map((node) => [node.name, node]));
		expect(byName['Read sample cards'].parameters.fileSelector).toBe(
			'/files/my "samples"/{resident-card,driver-license,unreadable}.*',
		);
		expect(byName['Read business registration'].parameters.fileSelector).toBe(
			'/files/my "samples"/business-registration.jpg',
		);
		expect(byName['CLOVA OCR'].credentials).toEqual({ clovaOcrApi: CARD_CREDENTIAL });
		expect(byName['CLOVA OCR (business registration)'].credentials).toEqual({
			clovaOcrApi: BIZ_CREDENTIAL,
		});
		expect(byName['CLOVA OCR (business registration)'].parameters).toMatchObject({
			resource: 'businessRegistration',
			operation: 'recognizeBusinessRegistration',
			output: 'document',
		});
		expect(JSON.stringify(workflow)).not.toMatch(/\{\{[A-Z_]+\}\}/);
	});

	it('without a business registration domain: that branch, its note and its connection left out', () => {
		const workflow = demoWorkflow('/files/samples', { businessRegistration: false });
		const names = (workflow.nodes as Node[]).map((node) => node.name);
		expect(names).toEqual([
			"When clicking 'Execute workflow'",
			'Read sample cards',
			'CLOVA OCR',
			'Sticky Note',
		]);
		expect(names.filter((name) => BIZ_BRANCH_NODES.includes(name))).toEqual([]);
		expect(workflow.connections as Connections).toEqual({
			"When clicking 'Execute workflow'": {
				main: [[{ node: 'Read sample cards', type: 'main', index: 0 }]],
			},
			'Read sample cards': { main: [[{ node: 'CLOVA OCR', type: 'main', index: 0 }]] },
		});
	});
});
