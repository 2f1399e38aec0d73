/**
 * The install mechanism itself, on a throwaway package: installed as a community package,
 * its node type is `n8n-nodes-e2e-probe.probe` both headlessly and in the editor's node list.
 */
import { nodeItems } from '../../tools/n8n/n8n-cli';
import { startN8n } from '../../tools/n8n/n8n-server';
import { listCommunityPackages, listNodeTypes, setUpOwner } from '../../tools/n8n/n8n-rest';
import { PROBE_NODE_TYPE, PROBE_PACKAGE } from '../../tools/n8n/probe-package';
import { N8N_PINS } from '../../tools/n8n/versions';
import { e2eState, loadWorkflow, runWorkflow, setUpN8n } from './harness';

const { lines, probe } = e2eState();
const TIMEOUT_MS = 5 * 60_000;

describe.each(lines)('probe community package on n8n %s', (line) => {
	const version = N8N_PINS[line].n8n;

	it(
		`runs headlessly as ${PROBE_NODE_TYPE} (n8n ${version})`,
		async () => {
			const ctx = await setUpN8n(line, { packages: [probe] });
			try {
				const run = await runWorkflow(ctx, loadWorkflow('probe'));
				expect(run.status ?? 'success').toBe('success');
				// a Code node (task runner) and an expression ran before the probe
				expect(nodeItems(run, 'Doubled').map((item) => item.json)).toEqual([
					{ n: 1, doubled: 2 },
					{ n: 2, doubled: 4 },
					{ n: 3, doubled: 6 },
				]);
				const items = nodeItems(run, 'Probe');
				expect(items.map((item) => item.json)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
				expect(items.map((item) => item.pairedItem)).toEqual([
					{ item: 0 },
					{ item: 1 },
					{ item: 2 },
				]);
			} finally {
				ctx.dispose();
			}
		},
		TIMEOUT_MS,
	);

	it(
		`is listed by n8n start's editor API (n8n ${version})`,
		async () => {
			const ctx = await setUpN8n(line, { packages: [probe] });
			const server = await startN8n(ctx);
			try {
				const session = await setUpOwner(server);
				const types = (await listNodeTypes(session)).map((t) => t.name);
				expect(types).toContain(PROBE_NODE_TYPE);
				expect(types.filter((t) => t.startsWith('CUSTOM.'))).toEqual([]);
				const packages = await listCommunityPackages(session);
				expect(
					packages.map((p) => [p.packageName, p.installedVersion, p.failedLoading ?? false]),
				).toEqual([[PROBE_PACKAGE, probe.version, false]]);
				expect(packages[0].installedNodes.map((n) => n.type)).toEqual([PROBE_NODE_TYPE]);
			} finally {
				await server.stop();
				ctx.dispose();
			}
		},
		TIMEOUT_MS,
	);
});
